import type { SiteCollection } from '../../library/store'
import type { Library } from './library'
import type { DocumentEntry, NewsEntry, TopicEntry } from '../../library/model'

/**
 * Which cached pages a library change touches, in one place: every page is tagged with what it
 * shows, and every change names the tags it invalidates. A page that shows a record must carry
 * that record's tag, or an edit would leave it stale (tests/e2e/site/live.test.ts checks each place).
 *
 * - `all`: every page (a full reload of the store).
 * - `taxonomy`: every page (issuer and field names appear everywhere).
 * - `lists`: pages that list or count content — home, listings, facets, feeds, sitemap.
 * - `document:<id>`, `news:<id>`, `topic:<id>`, `file:<id>`, `media:<id>`: pages showing that record.
 */
const BASE = ['all', 'taxonomy']
const RELATIONS = ['replaces', 'guides', 'implements', 'amends'] as const

export const listTags = (): string[] => [...BASE, 'lists']

export function documentPageTags(doc: DocumentEntry, lib: Library): string[] {
  const shown = RELATIONS.flatMap((r) => [...doc[r], ...(lib.pointingAt[r].get(doc.id) ?? []).map((d) => d.id)])
  return [...BASE, `document:${doc.id}`, ...shown.map((id) => `document:${id}`), ...doc.attachmentIds.map((id) => `file:${id}`)]
}

export const newsPageTags = (news: NewsEntry): string[] => [
  ...BASE,
  `news:${news.id}`,
  ...news.relatedIds.map((id) => `document:${id}`),
  ...(news.coverId ? [`media:${news.coverId}`] : []),
]

export const topicPageTags = (topic: TopicEntry): string[] => [...BASE, `topic:${topic.id}`, ...topic.relatedIds.map((id) => `document:${id}`)]

export function tagsForChange(collection: SiteCollection, before: unknown, after: unknown): string[] {
  const versions = [before, after].filter(Boolean)
  switch (collection) {
    case 'documents': {
      const docs = versions as DocumentEntry[]
      // A document's relations show on the pages of the documents it points at ("replaced by…").
      const targets = docs.flatMap((d) => RELATIONS.flatMap((r) => d[r]))
      return ['lists', ...docs.map((d) => `document:${d.id}`), ...targets.map((id) => `document:${id}`)]
    }
    case 'news':
      return ['lists', ...(versions as NewsEntry[]).map((n) => `news:${n.id}`)]
    case 'topics':
      return ['lists', ...(versions as TopicEntry[]).map((t) => `topic:${t.id}`)]
    case 'organizations':
    case 'subjects':
      return ['taxonomy']
    case 'files':
      return (versions as Array<{ id: string }>).map((f) => `file:${f.id}`)
    case 'media':
      return ['lists', ...(versions as Array<{ id: string }>).map((m) => `media:${m.id}`)]
  }
}

/** Route-cache options for a page: kept until a change invalidates one of its tags (a day at most). */
export const cacheFor = (tags: string[], maxAge = 86_400) => ({ maxAge, tags: [...new Set(tags)] })
