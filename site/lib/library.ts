import { parseSearchEnv } from '../../core/env/search'
import type { SiteCollection } from '../../library/store'
import { StoreReader, type ChangeBatch, type Entries } from '../../library/reader'
import { tagsForChange } from './cacheTags'
import type { DocumentEntry, FileEntry, MediaEntry, NewsEntry, OrganizationEntry, SubjectEntry, TopicEntry } from '../../library/model'

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
      removed: new Set(
        list
          .map((c) => (c.before ?? c.after) as { id: string } | null)
          .filter((e) => e !== null)
          .map((e) => e.id),
      ),
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
        const pointing = patchSorted(
          map.get(target) ?? [],
          docs.removed,
          docs.after.filter((d) => d[relation].includes(target)),
          documentOrder,
        )
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
  /** Why the last refresh could not bring the library up to the store, if it could not. */
  failure?: string
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

const notify = (tags: Iterable<string>) => {
  const list = [...tags]
  for (const listener of listeners) listener(list)
}

type Patch = { collection: SiteCollection; before: unknown; after: unknown }

/**
 * The entries and library after a batch, computed aside: nothing is assigned until all of it
 * succeeded, so a failure leaves the current version whole. An entry that appeared and left
 * between two refreshes (null before and after) changes nothing.
 */
function applyBatch(current: State, batch: ChangeBatch): { entries: Entries; library: Library; tags: Set<string> } {
  const tags = new Set<string>()
  const entries = { ...current.entries } as Entries
  const copied = new Set<SiteCollection>()
  const patches: Patch[] = []
  for (const change of batch.changes) {
    const before = current.entries[change.collection].get(change.id) ?? null
    if (before === null && change.data === null) continue
    if (!copied.has(change.collection)) {
      entries[change.collection] = new Map(entries[change.collection])
      copied.add(change.collection)
    }
    for (const tag of tagsForChange(change.collection, before, change.data)) tags.add(tag)
    patches.push({ collection: change.collection, before, after: change.data })
    if (change.data) entries[change.collection].set(change.id, change.data)
    else entries[change.collection].delete(change.id)
  }
  const library = patches.length > 200 ? buildLibrary(entries) : patchLibrary(current.library, entries, patches)
  return { entries, library, tags }
}

/** Reads the whole store again; every cached page goes. */
function reload(current: State): void {
  const entries = current.reader.readAll()
  current.entries = entries
  current.library = buildLibrary(entries)
  notify(['all'])
}

/**
 * Takes in what the store committed since the last look, and tells the listeners which cached
 * pages it touched. Runs at the start of every on-demand request (site/cache/provider.ts), before
 * a cached page can be served. It never throws: a batch that cannot be patched in is replaced by
 * a full reload of the store, and if even that fails the last good library keeps serving while
 * /api/health reports the failure (and the next request tries again from the same position).
 */
export function refreshLibrary(): void {
  const current = load()
  try {
    const batch = current.reader.pending()
    if (batch === null) {
      current.failure = undefined
      return
    }
    if (batch === 'reload') {
      reload(current)
    } else {
      try {
        const next = applyBatch(current, batch)
        current.entries = next.entries
        current.library = next.library
        current.reader.advance(batch)
        notify(next.tags)
      } catch (error) {
        console.error(`Library: could not apply store changes ${batch.from}→${batch.to} (${messageOf(error)}); reloading the whole store`)
        reload(current)
      }
    }
    current.failure = undefined
  } catch (error) {
    current.failure = messageOf(error)
    console.error(`Library: could not read the library store (${current.failure}); still serving position ${current.reader.position}`)
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export interface LibraryStatus {
  /** The store position the library has applied. */
  position: number
  /** The store's last committed position. */
  store: number
  behind: number
  failure?: string
}

/** How far the in-memory library is from the store it serves (for /api/health). */
export function libraryStatus(): LibraryStatus {
  const current = load()
  let store: number
  try {
    store = current.reader.storePosition()
  } catch (error) {
    return { position: current.reader.position, store: -1, behind: -1, failure: current.failure ?? messageOf(error) }
  }
  return { position: current.reader.position, store, behind: Math.max(0, store - current.reader.position), failure: current.failure }
}

export const resolveDocuments = (lib: Library, ids: string[]): DocumentEntry[] =>
  ids.map((id) => lib.documentById.get(id)).filter((d): d is DocumentEntry => Boolean(d))
