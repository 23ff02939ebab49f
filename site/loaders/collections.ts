import path from 'node:path'
import type { Where } from 'payload'
import type { Document, File, Media, News, Organization, Subject, Topic } from '../../cms/payload-types'
import type { DocumentEntry, FileEntry, ImageSize, MediaEntry, NewsEntry, OrganizationEntry, SubjectEntry, TopicEntry } from '../lib/model'
import { richTextToHtml } from '../lib/richText'
import { cms, cmsLoader } from './cms'

const idOf = (value: unknown): string => (value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value))
const ids = (values: unknown): string[] => (Array.isArray(values) ? values.filter(Boolean).map(idOf) : [])
const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')

// Belt and braces: the anonymous access rules already return only this, but the site never
// depends on one layer alone for what it publishes.
const publicPublished: Where = { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }] }

const staticDir = async (collection: 'files' | 'media'): Promise<string> => {
  const payload = await cms()
  return String(payload.collections[collection].config.upload.staticDir)
}

export const documentsLoader = cmsLoader<DocumentEntry & Record<string, unknown>>({
  collection: 'documents',
  where: { and: [publicPublished, { secrecy: { equals: 'none' } }] },
  map: (d: Document) => ({
    id: d.id,
    slug: d.slug ?? d.id,
    type: d.type,
    number: d.number,
    title: d.title,
    issuerId: idOf(d.issuer),
    level: d.level,
    issuedAt: day(d.issuedAt),
    term: d.term ?? '',
    signer: d.signer ?? '',
    summaryHtml: richTextToHtml(d.summary),
    fullTextHtml: richTextToHtml(d.fullText),
    status: d.status,
    subjectIds: ids(d.subjects),
    attachmentIds: ids(d.attachments),
    replaces: ids(d.replaces),
    guides: ids(d.guides),
    implements: ids(d.implements),
    amends: ids(d.amends),
    updatedAt: d.updatedAt,
  }),
})

export const newsLoader = cmsLoader<NewsEntry & Record<string, unknown>>({
  collection: 'news',
  where: publicPublished,
  map: (n: News) => ({
    id: n.id,
    slug: n.slug ?? n.id,
    title: n.title,
    category: n.category,
    lead: n.lead,
    bodyHtml: richTextToHtml(n.body),
    coverId: n.cover ? idOf(n.cover) : null,
    relatedIds: ids(n.relatedDocuments),
    publishedAt: day(n.publishedAt),
    source: n.source ?? '',
    updatedAt: n.updatedAt,
  }),
})

export const topicsLoader = cmsLoader<TopicEntry & Record<string, unknown>>({
  collection: 'topics',
  where: publicPublished,
  map: (t: Topic) => ({
    id: t.id,
    slug: t.slug ?? t.month,
    month: t.month,
    title: t.title,
    theme: t.theme,
    bodyHtml: richTextToHtml(t.body),
    relatedIds: ids(t.relatedDocuments),
    questions: (t.questions ?? []).map((q) => ({
      question: q.question,
      choices: q.choices.map((c) => c.text),
      answer: q.answer,
      explanation: q.explanation ?? '',
    })),
    updatedAt: t.updatedAt,
  }),
})

export const organizationsLoader = cmsLoader<OrganizationEntry & Record<string, unknown>>({
  collection: 'organizations',
  map: (o: Organization) => ({ id: o.id, name: o.name, code: o.code ?? '', slug: o.slug ?? o.id, kind: o.kind }),
})

export const subjectsLoader = cmsLoader<SubjectEntry & Record<string, unknown>>({
  collection: 'subjects',
  map: (s: Subject) => ({ id: s.id, name: s.name, slug: s.slug ?? s.id }),
})

// Uploads: the anonymous read returns only files whose visibility is "public" (they follow the
// published public content using them), so nothing else can be copied into the site.
export const filesLoader = cmsLoader<FileEntry & Record<string, unknown>>({
  collection: 'files',
  where: { visibility: { equals: 'public' } },
  map: async (f: File) => ({
    id: f.id,
    title: f.title,
    filename: f.filename ?? '',
    mimeType: f.mimeType ?? 'application/octet-stream',
    filesize: f.filesize ?? 0,
    sourcePath: path.join(await staticDir('files'), f.filename ?? ''),
  }),
})

export const mediaLoader = cmsLoader<MediaEntry & Record<string, unknown>>({
  collection: 'media',
  where: { visibility: { equals: 'public' } },
  map: async (m: Media) => {
    const dir = await staticDir('media')
    const size = (s: { filename?: string | null; width?: number | null; height?: number | null } | undefined): ImageSize | null =>
      s?.filename && s.width && s.height ? { filename: s.filename, width: s.width, height: s.height, sourcePath: path.join(dir, s.filename) } : null
    const sizes: Record<string, ImageSize> = {}
    for (const [name, value] of Object.entries(m.sizes ?? {})) {
      const s = size(value)
      if (s) sizes[name] = s
    }
    return {
      id: m.id,
      alt: m.alt,
      caption: m.caption ?? '',
      original: size(m) ?? { filename: m.filename ?? '', width: 0, height: 0, sourcePath: path.join(dir, m.filename ?? '') },
      sizes,
    }
  },
})
