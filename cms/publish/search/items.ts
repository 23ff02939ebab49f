import type { Payload, PayloadRequest } from 'payload'
import { isoDay } from '../../../core/dates'
import { PUBLIC_SCOPE, scopeOfAudience, type ScopeKey } from '../../../core/scopes'
import { findPublic, readPublic } from '../publicView'
import { findForMembersIndex, readForMembersIndex } from '../membersIndexView'
import type { Announcement, Document, File, News, Organization, Subject, Topic } from '../../payload-types'
import { relationId } from '../../lib/relations'
import { lexicalToPlainText } from '../../richtext/plainText'
import { noDocumentFields, searchNumberKeys, type SearchIndex, type SearchItem, type SearchKind } from '../../../search/contract'
import { documentUrl, memberRecordUrl, newsUrl, topicUrl } from '../../../core/urls'

/**
 * The CMS collections that reach the search indexes, and the kind each becomes. Announcements only
 * ever reach the members' index: they have no public page.
 */
export const SEARCHABLE = { documents: 'document', news: 'news', topics: 'topic', announcements: 'announcement' } as const satisfies Record<string, SearchKind>
export type PublicSearchableCollection = Exclude<SearchableCollection, 'announcements'>
const PUBLIC_SEARCHABLE: PublicSearchableCollection[] = ['documents', 'news', 'topics']
export type SearchableCollection = keyof typeof SEARCHABLE

export const isSearchableCollection = (value: string): value is SearchableCollection => value in SEARCHABLE
export const searchId = (collection: SearchableCollection, cmsId: string): string => `${SEARCHABLE[collection]}:${cmsId}`

const populated = <T extends { id: string }>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)
const populatedList = <T extends { id: string }>(values: unknown): T[] =>
  Array.isArray(values) ? values.map((v) => populated<T>(v)).filter((v): v is T => v !== null) : []

function documentItem(d: Document, scope: ScopeKey): SearchItem {
  const issuer = populated<Organization>(d.issuer)
  const subjects = populatedList<Subject>(d.subjects)
  const issuedAt = isoDay(d.issuedAt)
  return {
    id: searchId('documents', d.id),
    kind: 'document',
    slug: d.slug ?? d.id,
    url: pageUrl('documents', d.slug ?? d.id, scope, documentUrl),
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
    // The files of the read that found the document: public ones for the public index (an anonymous
    // read populates no others), all of them for the members' index, where the document's scope applies.
    attachmentText: populatedList<File>(d.attachments)
      .map((f) => f.extractedText ?? '')
      .filter(Boolean)
      .join('\n\n'),
    updatedAt: d.updatedAt,
    scope,
  }
}

function newsItem(n: News, scope: ScopeKey): SearchItem {
  const publishedAt = isoDay(n.publishedAt)
  return {
    ...noDocumentFields(),
    id: searchId('news', n.id),
    kind: 'news',
    slug: n.slug ?? n.id,
    url: pageUrl('news', n.slug ?? n.id, scope, newsUrl),
    title: n.title,
    issuedAt: publishedAt,
    year: Number(publishedAt.slice(0, 4)),
    summary: n.lead,
    body: lexicalToPlainText(n.body),
    updatedAt: n.updatedAt,
    scope,
  }
}

function topicItem(t: Topic, scope: ScopeKey): SearchItem {
  const questions = (t.questions ?? []).map((q) => q.question).join('\n')
  return {
    ...noDocumentFields(),
    id: searchId('topics', t.id),
    kind: 'topic',
    slug: t.slug ?? t.month,
    url: pageUrl('topics', t.slug ?? t.month, scope, topicUrl),
    title: t.title,
    issuedAt: `${t.month}-01`,
    year: Number(t.month.slice(0, 4)),
    summary: t.theme,
    body: [lexicalToPlainText(t.body), questions].filter(Boolean).join('\n\n'),
    updatedAt: t.updatedAt,
    scope,
  }
}

/** Public records link to their public pages; the others to the members' pages. */
const pageUrl = (collection: SearchableCollection, slug: string, scope: ScopeKey, publicUrl: (slug: string) => string) =>
  scope === PUBLIC_SCOPE ? publicUrl(slug) : (memberRecordUrl(collection, slug) ?? publicUrl(slug))

function announcementItem(a: Announcement, scope: ScopeKey): SearchItem {
  const day = isoDay(a.meetingAt ?? a.publishedAt)
  const organization = populated<Organization>(a.organization)
  return {
    ...noDocumentFields(),
    id: searchId('announcements', a.id),
    kind: 'announcement',
    slug: a.slug ?? a.id,
    url: memberRecordUrl('announcements', a.slug ?? a.id) ?? '/ca-nhan/',
    title: a.title,
    issuer: organization?.slug ?? null,
    issuerName: organization?.name ?? null,
    issuedAt: day,
    year: Number(day.slice(0, 4)),
    summary: [organization?.name, a.location].filter(Boolean).join(' · '),
    body: lexicalToPlainText(a.body),
    updatedAt: a.updatedAt,
    scope,
  }
}

export function toSearchItem(collection: SearchableCollection, doc: unknown, scope: ScopeKey = PUBLIC_SCOPE): SearchItem {
  if (collection === 'documents') return documentItem(doc as Document, scope)
  if (collection === 'news') return newsItem(doc as News, scope)
  if (collection === 'topics') return topicItem(doc as Topic, scope)
  return announcementItem(doc as Announcement, scope)
}

/** A record's scope for the members' index (null: no member may find it, e.g. an organization left unset). */
export const scopeOfRecord = (doc: object): ScopeKey | null =>
  scopeOfAudience((doc as { audience?: never }).audience, relationId((doc as { audienceOrganization?: never }).audienceOrganization) ?? null)

/**
 * The current item of a CMS record for one index, or null when it must not be (or is no longer)
 * there. The public index reads as an anonymous visitor (publicView.ts); the members' index reads
 * every published, non-secret record and gives it its audience's scope (membersIndexView.ts).
 */
export async function loadSearchItem(
  payload: Payload,
  index: SearchIndex,
  collection: SearchableCollection,
  cmsId: string,
  req?: PayloadRequest,
): Promise<SearchItem | null> {
  if (index === 'public') {
    if (collection === 'announcements') return null
    const doc = (await readPublic(payload, collection, [cmsId], { depth: 1, req })).get(cmsId)
    return doc ? toSearchItem(collection, doc) : null
  }
  const doc = await readForMembersIndex(payload, collection, cmsId, req)
  const scope = doc ? scopeOfRecord(doc) : null
  return doc && scope ? toSearchItem(collection, doc, scope) : null
}

/** Every item of an index, in batches, for a full reindex. */
export async function* searchItems(payload: Payload, index: SearchIndex, batchSize = 200): AsyncGenerator<SearchItem[]> {
  for (const collection of collectionsOf(index)) {
    for (let page = 1; ; page++) {
      const result =
        index === 'public'
          ? await findPublic(payload, collection as PublicSearchableCollection, { depth: 1, limit: batchSize, page, sort: 'id' })
          : await findForMembersIndex(payload, collection, { depth: 1, limit: batchSize, page })
      const items: SearchItem[] = []
      for (const doc of result.docs) {
        const scope = index === 'public' ? PUBLIC_SCOPE : scopeOfRecord(doc)
        if (scope) items.push(toSearchItem(collection, doc, scope))
      }
      if (items.length) yield items
      if (!result.hasNextPage) break
    }
  }
}

/** Ids and updatedAt of every item an index should hold, cheaply (no text), for drift checks. */
export async function searchEntries(payload: Payload, index: SearchIndex): Promise<Array<{ id: string; updatedAt: string }>> {
  const entries: Array<{ id: string; updatedAt: string }> = []
  for (const collection of collectionsOf(index)) {
    const result =
      index === 'public'
        ? await findPublic(payload, collection as PublicSearchableCollection, { depth: 0, select: { updatedAt: true } })
        : await findForMembersIndex(payload, collection, { depth: 0, select: { updatedAt: true, audience: true, audienceOrganization: true } })
    for (const doc of result.docs) {
      if (index === 'members' && !scopeOfRecord(doc)) continue
      entries.push({ id: searchId(collection, String(doc.id)), updatedAt: String((doc as { updatedAt?: string }).updatedAt) })
    }
  }
  return entries
}

const collectionsOf = (index: SearchIndex): SearchableCollection[] =>
  index === 'public' ? PUBLIC_SEARCHABLE : (Object.keys(SEARCHABLE) as SearchableCollection[])
