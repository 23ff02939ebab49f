import { getCollection } from 'astro:content'
import type { DocumentEntry, FileEntry, MediaEntry, NewsEntry, OrganizationEntry, SubjectEntry, TopicEntry } from './model'

/**
 * The whole public library, read once per build (or per server process) and shared by every page:
 * calling getCollection per page would re-walk tens of thousands of entries each time.
 */
export interface Library {
  documents: DocumentEntry[] // newest first
  news: NewsEntry[] // newest first
  topics: TopicEntry[] // newest month first
  documentById: Map<string, DocumentEntry>
  organizationById: Map<string, OrganizationEntry>
  subjectById: Map<string, SubjectEntry>
  fileById: Map<string, FileEntry>
  mediaById: Map<string, MediaEntry>
  files: FileEntry[]
  media: MediaEntry[]
  /** Reverse relations: for a document id, the public documents that point at it. */
  pointingAt: Record<'replaces' | 'guides' | 'implements' | 'amends', Map<string, DocumentEntry[]>>
}

const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]))
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)

async function load(): Promise<Library> {
  const [documents, news, topics, organizations, subjects, files, media] = await Promise.all([
    getCollection('documents').then((e) => e.map((x) => x.data as unknown as DocumentEntry)),
    getCollection('news').then((e) => e.map((x) => x.data as unknown as NewsEntry)),
    getCollection('topics').then((e) => e.map((x) => x.data as unknown as TopicEntry)),
    getCollection('organizations').then((e) => e.map((x) => x.data as unknown as OrganizationEntry)),
    getCollection('subjects').then((e) => e.map((x) => x.data as unknown as SubjectEntry)),
    getCollection('files').then((e) => e.map((x) => x.data as unknown as FileEntry)),
    getCollection('media').then((e) => e.map((x) => x.data as unknown as MediaEntry)),
  ])
  documents.sort((a, b) => newestFirst(a.issuedAt, b.issuedAt) || a.number.localeCompare(b.number, 'vi'))
  news.sort((a, b) => newestFirst(a.publishedAt, b.publishedAt) || a.title.localeCompare(b.title, 'vi'))
  topics.sort((a, b) => newestFirst(a.month, b.month))

  const pointingAt: Library['pointingAt'] = { replaces: new Map(), guides: new Map(), implements: new Map(), amends: new Map() }
  for (const doc of documents) {
    for (const relation of ['replaces', 'guides', 'implements', 'amends'] as const) {
      for (const target of doc[relation]) {
        const list = pointingAt[relation].get(target) ?? []
        list.push(doc)
        pointingAt[relation].set(target, list)
      }
    }
  }
  return {
    documents,
    news,
    topics,
    documentById: byId(documents),
    organizationById: byId(organizations),
    subjectById: byId(subjects),
    fileById: byId(files),
    mediaById: byId(media),
    files,
    media,
    pointingAt,
  }
}

let library: Promise<Library> | undefined
export const getLibrary = (): Promise<Library> => (library ??= load())

/** Ids that do not resolve are dropped: relations may point at drafts or members-only documents. */
export const resolveDocuments = (lib: Library, ids: string[]): DocumentEntry[] =>
  ids.map((id) => lib.documentById.get(id)).filter((d): d is DocumentEntry => Boolean(d))
