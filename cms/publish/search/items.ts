import type { Payload, PayloadRequest } from 'payload'
import { isoDay } from '../../../core/dates'
import { findPublic, readPublic } from '../publicView'
import type { Document, File, News, Organization, Subject, Topic } from '../../payload-types'
import { lexicalToPlainText } from '../../richtext/plainText'
import { noDocumentFields, searchNumberKeys, type SearchItem, type SearchKind } from '../../../search/contract'
import { documentUrl, newsUrl, topicUrl } from '../../../core/urls'

/** The CMS collections that reach the search index, and the kind each becomes. */
export const SEARCHABLE = { documents: 'document', news: 'news', topics: 'topic' } as const satisfies Record<string, SearchKind>
export type SearchableCollection = keyof typeof SEARCHABLE

export const isSearchableCollection = (value: string): value is SearchableCollection => value in SEARCHABLE
export const searchId = (collection: SearchableCollection, cmsId: string): string => `${SEARCHABLE[collection]}:${cmsId}`

const populated = <T extends { id: string }>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)
const populatedList = <T extends { id: string }>(values: unknown): T[] =>
  Array.isArray(values) ? values.map((v) => populated<T>(v)).filter((v): v is T => v !== null) : []

function documentItem(d: Document): SearchItem {
  const issuer = populated<Organization>(d.issuer)
  const subjects = populatedList<Subject>(d.subjects)
  const issuedAt = isoDay(d.issuedAt)
  return {
    id: searchId('documents', d.id),
    kind: 'document',
    slug: d.slug ?? d.id,
    url: documentUrl(d.slug ?? d.id),
    title: d.title,
    number: d.number,
    ...searchNumberKeys(d.number),
    type: d.type,
    issuer: issuer?.slug ?? null,
    issuerName: issuer?.name ?? null,
    level: d.level,
    issuedAt,
    year: Number(issuedAt.slice(0, 4)),
    fields: subjects.map((s) => s.slug ?? s.id),
    fieldNames: subjects.map((s) => s.name),
    status: d.status,
    summary: lexicalToPlainText(d.summary),
    body: lexicalToPlainText(d.fullText),
    // Only files the anonymous reader may see were populated (public ones); the rest stay ids.
    attachmentText: populatedList<File>(d.attachments)
      .map((f) => f.extractedText ?? '')
      .filter(Boolean)
      .join('\n\n'),
    updatedAt: d.updatedAt,
  }
}

function newsItem(n: News): SearchItem {
  const publishedAt = isoDay(n.publishedAt)
  return {
    ...noDocumentFields(),
    id: searchId('news', n.id),
    kind: 'news',
    slug: n.slug ?? n.id,
    url: newsUrl(n.slug ?? n.id),
    title: n.title,
    issuedAt: publishedAt,
    year: Number(publishedAt.slice(0, 4)),
    summary: n.lead,
    body: lexicalToPlainText(n.body),
    updatedAt: n.updatedAt,
  }
}

function topicItem(t: Topic): SearchItem {
  const questions = (t.questions ?? []).map((q) => q.question).join('\n')
  return {
    ...noDocumentFields(),
    id: searchId('topics', t.id),
    kind: 'topic',
    slug: t.slug ?? t.month,
    url: topicUrl(t.slug ?? t.month),
    title: t.title,
    issuedAt: `${t.month}-01`,
    year: Number(t.month.slice(0, 4)),
    summary: t.theme,
    body: [lexicalToPlainText(t.body), questions].filter(Boolean).join('\n\n'),
    updatedAt: t.updatedAt,
  }
}

export function toSearchItem(collection: SearchableCollection, doc: unknown): SearchItem {
  if (collection === 'documents') return documentItem(doc as Document)
  if (collection === 'news') return newsItem(doc as News)
  return topicItem(doc as Topic)
}

/** The current public search item for a CMS record, or null when it must not be (or is no longer) indexed. */
export async function loadSearchItem(payload: Payload, collection: SearchableCollection, cmsId: string, req?: PayloadRequest): Promise<SearchItem | null> {
  const doc = (await readPublic(payload, collection, [cmsId], { depth: 1, req })).get(cmsId)
  return doc ? toSearchItem(collection, doc) : null
}

/** Every public item, in batches, for a full reindex. */
export async function* publicSearchItems(payload: Payload, batchSize = 200): AsyncGenerator<SearchItem[]> {
  for (const collection of Object.keys(SEARCHABLE) as SearchableCollection[]) {
    for (let page = 1; ; page++) {
      const result = await findPublic(payload, collection, { depth: 1, limit: batchSize, page, sort: 'id' })
      if (result.docs.length) yield result.docs.map((doc) => toSearchItem(collection, doc))
      if (!result.hasNextPage) break
    }
  }
}

/** Ids and updatedAt of every public item, cheaply (no text), for drift checks. */
export async function publicSearchEntries(payload: Payload): Promise<Array<{ id: string; updatedAt: string }>> {
  const entries: Array<{ id: string; updatedAt: string }> = []
  for (const collection of Object.keys(SEARCHABLE) as SearchableCollection[]) {
    const result = await findPublic(payload, collection, { depth: 0, select: { updatedAt: true } })
    for (const doc of result.docs) entries.push({ id: searchId(collection, String(doc.id)), updatedAt: String((doc as { updatedAt?: string }).updatedAt) })
  }
  return entries
}
