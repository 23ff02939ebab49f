import { parseSearchEnv } from '../../cms/env'
import type { SiteCollection } from '../store/db'
import { StoreReader, type ChangedEntry, type Entries } from '../store/reader'
import { tagsForChange } from './cacheTags'
import type { DocumentEntry, FileEntry, MediaEntry, NewsEntry, OrganizationEntry, SubjectEntry, TopicEntry } from './model'

/**
 * The whole public library, held in memory by the site server and shared by every page. It comes
 * from the library store (site/store/), never from the CMS, and is replaced as a whole when the
 * store changes: a page renders against one consistent version.
 */
export interface Library {
  documents: DocumentEntry[] // newest first
  news: NewsEntry[] // newest first
  topics: TopicEntry[] // newest month first
  documentById: Map<string, DocumentEntry>
  documentBySlug: Map<string, DocumentEntry>
  newsBySlug: Map<string, NewsEntry>
  topicBySlug: Map<string, TopicEntry>
  organizationById: Map<string, OrganizationEntry>
  subjectById: Map<string, SubjectEntry>
  fileById: Map<string, FileEntry>
  fileByName: Map<string, FileEntry>
  mediaById: Map<string, MediaEntry>
  /** Every stored image file name (originals and generated sizes) → its media entry. */
  mediaByFilename: Map<string, MediaEntry>
  files: FileEntry[]
  media: MediaEntry[]
  /** Reverse relations: for a document id, the public documents that point at it. */
  pointingAt: Record<'replaces' | 'guides' | 'implements' | 'amends', Map<string, DocumentEntry[]>>
}

const RELATIONS = ['replaces', 'guides', 'implements', 'amends'] as const

const collator = new Intl.Collator('vi')
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
// Total orders (ties broken by id), so an incremental insert lands where a full sort would put it.
const documentOrder = (a: DocumentEntry, b: DocumentEntry) => newestFirst(a.issuedAt, b.issuedAt) || collator.compare(a.number, b.number) || byId(a, b)
const newsOrder = (a: NewsEntry, b: NewsEntry) => newestFirst(a.publishedAt, b.publishedAt) || collator.compare(a.title, b.title) || byId(a, b)
const topicOrder = (a: TopicEntry, b: TopicEntry) => newestFirst(a.month, b.month) || byId(a, b)
const values = <T>(map: Map<string, unknown>) => [...map.values()] as T[]

function pointingAtOf(documents: DocumentEntry[]): Library['pointingAt'] {
  const pointingAt: Library['pointingAt'] = { replaces: new Map(), guides: new Map(), implements: new Map(), amends: new Map() }
  for (const doc of documents) {
    for (const relation of RELATIONS) {
      for (const target of doc[relation]) {
        const list = pointingAt[relation].get(target) ?? []
        list.push(doc)
        pointingAt[relation].set(target, list)
      }
    }
  }
  return pointingAt
}

const fileIndex = (files: FileEntry[]) => new Map(files.filter((f) => f.filename).map((f) => [f.filename, f]))
function mediaIndex(media: MediaEntry[]) {
  const byFilename = new Map<string, MediaEntry>()
  for (const m of media) for (const size of [m.original, ...Object.values(m.sizes)]) if (size.filename) byFilename.set(size.filename, m)
  return byFilename
}

export function buildLibrary(entries: Entries): Library {
  const documents = values<DocumentEntry>(entries.documents).sort(documentOrder)
  const news = values<NewsEntry>(entries.news).sort(newsOrder)
  const topics = values<TopicEntry>(entries.topics).sort(topicOrder)
  const files = values<FileEntry>(entries.files)
  const media = values<MediaEntry>(entries.media)
  return {
    documents,
    news,
    topics,
    documentById: entries.documents as Map<string, DocumentEntry>,
    documentBySlug: new Map(documents.map((d) => [d.slug, d])),
    newsBySlug: new Map(news.map((n) => [n.slug, n])),
    topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    organizationById: entries.organizations as Map<string, OrganizationEntry>,
    subjectById: entries.subjects as Map<string, SubjectEntry>,
    fileById: entries.files as Map<string, FileEntry>,
    fileByName: fileIndex(files),
    mediaById: entries.media as Map<string, MediaEntry>,
    mediaByFilename: mediaIndex(media),
    files,
    media,
    pointingAt: pointingAtOf(documents),
  }
}

/** A sorted list with `removed` taken out and `added` put in place (binary search, no re-sort). */
function patchSorted<T extends { id: string }>(list: T[], removed: Set<string>, added: T[], order: (a: T, b: T) => number): T[] {
  const next = removed.size > 0 ? list.filter((item) => !removed.has(item.id)) : [...list]
  for (const item of added) {
    let lo = 0
    let hi = next.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (order(next[mid]!, item) < 0) lo = mid + 1
      else hi = mid
    }
    next.splice(lo, 0, item)
  }
  return next
}

function patchSlugs<T extends { id: string; slug: string }>(map: Map<string, T>, before: T[], after: T[]): Map<string, T> {
  const next = new Map(map)
  for (const old of before) if (next.get(old.slug)?.id === old.id) next.delete(old.slug)
  for (const item of after) next.set(item.slug, item)
  return next
}

/**
 * The next library version from the previous one and a few changed entries, without re-sorting or
 * re-indexing what did not change: the cost of a publish stays flat as the library grows.
 */
export function patchLibrary(prev: Library, entries: Entries, changed: Array<{ collection: SiteCollection; before: unknown; after: unknown }>): Library {
  const of = <T>(collection: SiteCollection) => {
    const list = changed.filter((c) => c.collection === collection)
    return {
      any: list.length > 0,
      removed: new Set(list.map((c) => ((c.before ?? c.after) as { id: string }).id)),
      before: list.map((c) => c.before).filter(Boolean) as T[],
      after: list.map((c) => c.after).filter(Boolean) as T[],
    }
  }
  const docs = of<DocumentEntry>('documents')
  const news = of<NewsEntry>('news')
  const topics = of<TopicEntry>('topics')
  const next: Library = {
    ...prev,
    documentById: entries.documents as Map<string, DocumentEntry>,
    organizationById: entries.organizations as Map<string, OrganizationEntry>,
    subjectById: entries.subjects as Map<string, SubjectEntry>,
    fileById: entries.files as Map<string, FileEntry>,
    mediaById: entries.media as Map<string, MediaEntry>,
  }
  if (docs.any) {
    next.documents = patchSorted(prev.documents, docs.removed, docs.after, documentOrder)
    next.documentBySlug = patchSlugs(prev.documentBySlug, docs.before, docs.after)
    const pointingAt = { ...prev.pointingAt }
    for (const relation of RELATIONS) {
      const targets = new Set([...docs.before, ...docs.after].flatMap((d) => d[relation]))
      if (targets.size === 0) continue
      const map = new Map(pointingAt[relation])
      for (const target of targets) {
        const pointing = patchSorted(map.get(target) ?? [], docs.removed, docs.after.filter((d) => d[relation].includes(target)), documentOrder)
        if (pointing.length > 0) map.set(target, pointing)
        else map.delete(target)
      }
      pointingAt[relation] = map
    }
    next.pointingAt = pointingAt
  }
  if (news.any) {
    next.news = patchSorted(prev.news, news.removed, news.after, newsOrder)
    next.newsBySlug = patchSlugs(prev.newsBySlug, news.before, news.after)
  }
  if (topics.any) {
    next.topics = patchSorted(prev.topics, topics.removed, topics.after, topicOrder)
    next.topicBySlug = patchSlugs(prev.topicBySlug, topics.before, topics.after)
  }
  if (changed.some((c) => c.collection === 'files')) {
    next.files = values<FileEntry>(entries.files)
    next.fileByName = fileIndex(next.files)
  }
  if (changed.some((c) => c.collection === 'media')) {
    next.media = values<MediaEntry>(entries.media)
    next.mediaByFilename = mediaIndex(next.media)
  }
  return next
}

interface State {
  reader: StoreReader
  entries: Entries
  library: Library
}
let state: State | undefined
const listeners: Array<(tags: string[]) => void> = []

function load(): State {
  if (!state) {
    const reader = new StoreReader(parseSearchEnv().dataDir)
    const entries = reader.readAll()
    state = { reader, entries, library: buildLibrary(entries) }
  }
  return state
}

/** The current library version (loaded from the store on first use). */
export const getLibrary = async (): Promise<Library> => load().library

/** Called with the cache tags of every change the library takes in (the route cache listens). */
export function onLibraryChange(listener: (tags: string[]) => void): void {
  listeners.push(listener)
}

/**
 * Takes in what the store committed since the last look, and tells the listeners which cached
 * pages it touched. Runs at the start of every on-demand request (site/cache/provider.ts), before
 * a cached page can be served.
 */
export function refreshLibrary(): void {
  const current = load()
  const changes = current.reader.changes()
  if (changes !== 'reload' && changes.length === 0) return
  let changed: ChangedEntry[]
  if (changes === 'reload') {
    const entries = current.reader.readAll()
    changed = [] // everything may have changed: invalidate all
    current.entries = entries
  } else {
    changed = changes
  }
  const tags = new Set<string>(changes === 'reload' ? ['all'] : [])
  const next = { ...current.entries } as Entries
  const copied = new Set<SiteCollection>()
  const patches: Array<{ collection: SiteCollection; before: unknown; after: unknown }> = []
  for (const change of changed) {
    if (!copied.has(change.collection)) {
      next[change.collection] = new Map(next[change.collection])
      copied.add(change.collection)
    }
    const before = next[change.collection].get(change.id) ?? null
    for (const tag of tagsForChange(change.collection, before, change.data)) tags.add(tag)
    patches.push({ collection: change.collection, before, after: change.data })
    if (change.data) next[change.collection].set(change.id, change.data)
    else next[change.collection].delete(change.id)
  }
  current.entries = next
  current.library = changes === 'reload' || changed.length > 200 ? buildLibrary(next) : patchLibrary(current.library, next, patches)
  for (const listener of listeners) listener([...tags])
}

export const resolveDocuments = (lib: Library, ids: string[]): DocumentEntry[] =>
  ids.map((id) => lib.documentById.get(id)).filter((d): d is DocumentEntry => Boolean(d))
