import path from 'node:path'
import type { Payload, Where } from 'payload'
import type { Document, File, Media, News, Organization, Subject, Topic } from '../../cms/payload-types'
import type { DocumentEntry, FileEntry, ImageSize, MediaEntry, NewsEntry, OrganizationEntry, SubjectEntry, TopicEntry } from '../lib/model'
import { richTextToHtml } from '../lib/richText'
import type { SiteCollection, UploadCollection } from './db'

/**
 * What the site keeps of each CMS collection: which records (read as an anonymous visitor, so the
 * CMS's access rules decide, with the where clause stating them again) and how each becomes an
 * entry. One source per collection; the sync (./sync.ts) is the only reader.
 */
export interface Source<T = unknown> {
  where: Where
  depth: number
  map: (doc: any, context: { payload: Payload }) => T
  /** Uploads an entry shows, kept in the same change so a page never links a file the site lacks. */
  uses?: (entry: T) => Array<{ collection: UploadCollection; id: string }>
  /** Bytes to copy into the site for an upload entry: file names in the CMS upload directory. */
  uploads?: (entry: T) => string[]
}

/** Bumped when a mapper changes shape, so every stored entry is re-read once. */
export const MAPPER_VERSION = '2'

const idOf = (value: unknown): string => (value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value))
const ids = (values: unknown): string[] => (Array.isArray(values) ? values.filter(Boolean).map(idOf) : [])
const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')

// Belt and braces: the anonymous access rules already return only this, but the site never
// depends on one layer alone for what it publishes.
const publicPublished: Where = { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }] }

const documents: Source<DocumentEntry> = {
  where: { and: [publicPublished, { secrecy: { equals: 'none' } }] },
  depth: 0,
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
  uses: (d) => d.attachmentIds.map((id) => ({ collection: 'files', id })),
}

const news: Source<NewsEntry> = {
  where: publicPublished,
  depth: 0,
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
  uses: (n) => (n.coverId ? [{ collection: 'media', id: n.coverId }] : []),
}

const topics: Source<TopicEntry> = {
  where: publicPublished,
  depth: 0,
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
}

const organizations: Source<OrganizationEntry> = {
  where: {},
  depth: 0,
  map: (o: Organization) => ({ id: o.id, name: o.name, code: o.code ?? '', slug: o.slug ?? o.id, kind: o.kind }),
}

const subjects: Source<SubjectEntry> = {
  where: {},
  depth: 0,
  map: (s: Subject) => ({ id: s.id, name: s.name, slug: s.slug ?? s.id }),
}

// Uploads: the anonymous read returns only files whose visibility is "public" (they follow the
// published public content using them), so nothing else can be copied into the site.
const files: Source<FileEntry> = {
  where: { visibility: { equals: 'public' } },
  depth: 0,
  map: (f: File) => ({
    id: f.id,
    title: f.title,
    filename: f.filename ?? '',
    mimeType: f.mimeType ?? 'application/octet-stream',
    filesize: f.filesize ?? 0,
    updatedAt: f.updatedAt,
  }),
  uploads: (f) => (f.filename ? [f.filename] : []),
}

const media: Source<MediaEntry> = {
  where: { visibility: { equals: 'public' } },
  depth: 0,
  map: (m: Media) => {
    const size = (s: { filename?: string | null; width?: number | null; height?: number | null; mimeType?: string | null } | undefined): ImageSize | null =>
      s?.filename && s.width && s.height ? { filename: s.filename, width: s.width, height: s.height, mimeType: s.mimeType ?? mimeOf(s.filename) } : null
    const sizes: Record<string, ImageSize> = {}
    for (const [name, value] of Object.entries(m.sizes ?? {})) {
      const s = size(value)
      if (s) sizes[name] = s
    }
    return {
      id: m.id,
      alt: m.alt,
      caption: m.caption ?? '',
      original: size(m) ?? { filename: m.filename ?? '', width: 0, height: 0, mimeType: m.mimeType ?? mimeOf(m.filename ?? '') },
      sizes,
      updatedAt: m.updatedAt,
    }
  },
  uploads: (m) => [m.original.filename, ...Object.values(m.sizes).map((s) => s.filename)].filter(Boolean),
}

const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.avif': 'image/avif', '.gif': 'image/gif' }
const mimeOf = (filename: string): string => IMAGE_TYPES[path.extname(filename).toLowerCase()] ?? 'application/octet-stream'

export const SOURCES: { [C in SiteCollection]: Source<any> } = { documents, news, topics, organizations, subjects, files, media }

/** Where the CMS keeps an upload collection's bytes. */
export const cmsUploadDir = (payload: Payload, collection: UploadCollection): string =>
  String(payload.collections[collection].config.upload.staticDir)
