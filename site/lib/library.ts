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

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
const values = <T>(map: Map<string, unknown>) => [...map.values()] as T[]

export function buildLibrary(entries: Entries): Library {
  const documents = values<DocumentEntry>(entries.documents)
  const news = values<NewsEntry>(entries.news)
  const topics = values<TopicEntry>(entries.topics)
  const files = values<FileEntry>(entries.files)
  const media = values<MediaEntry>(entries.media)
  documents.sort((a, b) => newestFirst(a.issuedAt, b.issuedAt) || a.number.localeCompare(b.number, 'vi'))
  news.sort((a, b) => newestFirst(a.publishedAt, b.publishedAt) || a.title.localeCompare(b.title, 'vi'))
  topics.sort((a, b) => newestFirst(a.month, b.month))

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
  const mediaByFilename = new Map<string, MediaEntry>()
  for (const m of media) for (const size of [m.original, ...Object.values(m.sizes)]) if (size.filename) mediaByFilename.set(size.filename, m)
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
    fileByName: new Map(files.filter((f) => f.filename).map((f) => [f.filename, f])),
    mediaById: entries.media as Map<string, MediaEntry>,
    mediaByFilename,
    files,
    media,
    pointingAt,
  }
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
  for (const change of changed) {
    if (!copied.has(change.collection)) {
      next[change.collection] = new Map(next[change.collection])
      copied.add(change.collection)
    }
    for (const tag of tagsForChange(change.collection, current.entries[change.collection].get(change.id) ?? null, change.data)) tags.add(tag)
    if (change.data) next[change.collection].set(change.id, change.data)
    else next[change.collection].delete(change.id)
  }
  current.entries = next
  current.library = buildLibrary(next)
  for (const listener of listeners) listener([...tags])
}

export const resolveDocuments = (lib: Library, ids: string[]): DocumentEntry[] =>
  ids.map((id) => lib.documentById.get(id)).filter((d): d is DocumentEntry => Boolean(d))
