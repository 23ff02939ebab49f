import path from 'node:path'
import type { DataFromCollectionSlug, Payload } from 'payload'
import { isoDay } from '../../../core/dates'
import { relationId, relationIds } from '../../lib/relations'
import type { Document, File, Media, News, Organization, Subject, Topic } from '../../payload-types'
import type { DocumentEntry, FileEntry, ImageSize, MediaEntry, NewsEntry, OrganizationEntry, SubjectEntry, TopicEntry } from '../../../library/model'
import { richTextToHtml } from './richTextHtml'
import type { SiteCollection, UploadCollection } from '../../../library/store'

/**
 * What the site keeps of each CMS collection: which records (read as an anonymous visitor, so the
 * CMS's access rules decide, with the where clause stating them again) and how each becomes an
 * entry. One source per collection; the sync (./sync.ts) is the only reader.
 */
export interface Source<D, T> {
  depth: number
  map: (doc: D, context: { payload: Payload }) => T
  /** Uploads an entry shows, kept in the same change so a page never links a file the site lacks. */
  uses?(entry: T): Array<{ collection: UploadCollection; id: string }>
}

/** Bumped when a mapper changes shape, so every stored entry is re-read once. */
export const MAPPER_VERSION = '2'

const documents: Source<Document, DocumentEntry> = {
  depth: 0,
  map: (d: Document) => ({
    id: d.id,
    slug: d.slug ?? d.id,
    type: d.type,
    number: d.number,
    title: d.title,
    issuerId: relationId(d.issuer) ?? '',
    level: d.level,
    issuedAt: isoDay(d.issuedAt),
    term: d.term ?? '',
    signer: d.signer ?? '',
    summaryHtml: richTextToHtml(d.summary),
    fullTextHtml: richTextToHtml(d.fullText),
    status: d.status,
    subjectIds: relationIds(d.subjects),
    attachmentIds: relationIds(d.attachments),
    replaces: relationIds(d.replaces),
    guides: relationIds(d.guides),
    implements: relationIds(d.implements),
    amends: relationIds(d.amends),
    updatedAt: d.updatedAt,
  }),
  uses: (d) => d.attachmentIds.map((id) => ({ collection: 'files', id })),
}

const news: Source<News, NewsEntry> = {
  depth: 0,
  map: (n: News) => ({
    id: n.id,
    slug: n.slug ?? n.id,
    title: n.title,
    category: n.category,
    lead: n.lead,
    bodyHtml: richTextToHtml(n.body),
    coverId: relationId(n.cover) ?? null,
    relatedIds: relationIds(n.relatedDocuments),
    publishedAt: isoDay(n.publishedAt),
    source: n.source ?? '',
    updatedAt: n.updatedAt,
  }),
  uses: (n) => (n.coverId ? [{ collection: 'media', id: n.coverId }] : []),
}

const topics: Source<Topic, TopicEntry> = {
  depth: 0,
  map: (t: Topic) => ({
    id: t.id,
    slug: t.slug ?? t.month,
    month: t.month,
    title: t.title,
    theme: t.theme,
    bodyHtml: richTextToHtml(t.body),
    relatedIds: relationIds(t.relatedDocuments),
    questions: (t.questions ?? []).map((q) => ({
      question: q.question,
      choices: q.choices.map((c) => c.text),
      answer: q.answer,
      explanation: q.explanation ?? '',
    })),
    updatedAt: t.updatedAt,
  }),
}

const organizations: Source<Organization, OrganizationEntry> = {
  depth: 0,
  map: (o: Organization) => ({ id: o.id, name: o.name, code: o.code ?? '', slug: o.slug ?? o.id, kind: o.kind }),
}

const subjects: Source<Subject, SubjectEntry> = {
  depth: 0,
  map: (s: Subject) => ({ id: s.id, name: s.name, slug: s.slug ?? s.id }),
}

const files: Source<File, FileEntry> = {
  depth: 0,
  map: (f: File) => ({
    id: f.id,
    title: f.title,
    filename: f.filename ?? '',
    mimeType: f.mimeType ?? 'application/octet-stream',
    filesize: f.filesize ?? 0,
    updatedAt: f.updatedAt,
  }),
}

const media: Source<Media, MediaEntry> = {
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
}

const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
}
const mimeOf = (filename: string): string => IMAGE_TYPES[path.extname(filename).toLowerCase()] ?? 'application/octet-stream'

export const SOURCES: { [C in SiteCollection]: Source<DataFromCollectionSlug<C>, unknown> } = { documents, news, topics, organizations, subjects, files, media }

/** A record of `collection` as its library entry. */
export function toEntry<C extends SiteCollection>(collection: C, doc: DataFromCollectionSlug<C>, payload: Payload): unknown {
  // TypeScript cannot correlate SOURCES[C] with DataFromCollectionSlug<C> for a generic C; the
  // mapped type above is what guarantees they match.
  return (SOURCES[collection] as Source<DataFromCollectionSlug<C>, unknown>).map(doc, { payload })
}

/** Where the CMS keeps an upload collection's bytes. */
export const cmsUploadDir = (payload: Payload, collection: UploadCollection): string => String(payload.collections[collection].config.upload.staticDir)
