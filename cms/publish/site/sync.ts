import type { Payload, PayloadRequest } from 'payload'
import { SITE_COLLECTIONS, type SiteCollection } from '../../../library/store'
import { libraryWriter, type EntryRef, type StoreChange } from '../../../library/writer'
import { findPublic, readPublic } from '../publicView'
import { cmsUploadDir, MAPPER_VERSION, SOURCES, toEntry } from './entries'

export interface SyncResult {
  written: number
  removed: number
  unchanged: number
}

const key = (ref: EntryRef) => `${ref.collection}:${ref.id}`
const digestOf = (updatedAt: unknown) => `${MAPPER_VERSION}:${String(updatedAt)}`
const read = (payload: Payload, collection: SiteCollection, ids: string[], req?: PayloadRequest) =>
  readPublic(payload, collection, ids, { depth: SOURCES[collection].depth, req })

/**
 * Brings the given entries (and the uploads they show) in line with the CMS's current public
 * state, as one atomic change of the library store. Idempotent and order-free: a retried or late
 * job re-reads the record, so it can never bring back what was unpublished. A failure anywhere —
 * reading, copying a file, writing — leaves the store exactly as it was.
 */
export async function syncEntries(payload: Payload, dataDir: string, refs: EntryRef[], req?: PayloadRequest): Promise<SyncResult> {
  const writer = libraryWriter(dataDir)
  const pending = new Map(refs.map((r) => [key(r), r]))
  const changes: StoreChange[] = []
  const seen = new Set<string>()
  let unchanged = 0
  while (pending.size > 0) {
    const batch = [...pending.values()]
    pending.clear()
    for (const collection of SITE_COLLECTIONS) {
      const wanted = batch.filter((r) => r.collection === collection && !seen.has(key(r)))
      if (wanted.length === 0) continue
      const source = SOURCES[collection]
      const docs = await read(
        payload,
        collection,
        wanted.map((r) => r.id),
        req,
      )
      for (const ref of wanted) {
        seen.add(key(ref))
        const before = writer.stored(ref)
        const doc = docs.get(ref.id)
        const data = doc ? toEntry(collection, doc, payload) : null
        // The uploads an entry shows before and after join the same change.
        for (const used of [before?.data, data].flatMap((d) => (d && source.uses ? source.uses(d) : []))) {
          if (!seen.has(key(used))) pending.set(key(used), used)
        }
        const digest = doc ? digestOf(doc.updatedAt) : ''
        if (!doc && !before) continue
        if (doc && before?.digest === digest) {
          unchanged++
          continue
        }
        changes.push({ ...ref, digest, data })
      }
    }
  }
  const { written, removed } = await writer.commit(changes, (collection) => cmsUploadDir(payload, collection))
  return { written, removed, unchanged }
}

export interface FullSyncProgress {
  collection: SiteCollection
  done: number
  total: number
}

/**
 * Makes the whole store match the CMS: lists ids and updatedAt (cheap), fetches in full only what
 * is new or changed, drops what is gone — all committed as one change. `npm run sync:site` and
 * `npm start` run it; after that, jobs keep the store current entry by entry.
 */
export async function syncAll(payload: Payload, dataDir: string, onProgress?: (p: FullSyncProgress) => void): Promise<SyncResult> {
  const writer = libraryWriter(dataDir)
  const changes: StoreChange[] = []
  let unchanged = 0
  const BATCH = 250
  for (const collection of SITE_COLLECTIONS) {
    const listing = await findPublic(payload, collection, { depth: 0, select: { updatedAt: true } })
    const current = new Map(listing.docs.map((d) => [String(d.id), digestOf((d as { updatedAt?: string }).updatedAt)]))
    const storedDigest = writer.digests(collection)
    for (const id of storedDigest.keys()) if (!current.has(id)) changes.push({ collection, id, digest: '', data: null })
    const changed = [...current].filter(([id, digest]) => storedDigest.get(id) !== digest).map(([id]) => id)
    unchanged += current.size - changed.length
    for (let i = 0; i < changed.length; i += BATCH) {
      const ids = changed.slice(i, i + BATCH)
      const docs = await read(payload, collection, ids)
      for (const id of ids) {
        const doc = docs.get(id)
        // Gone between the listing and the read: treat as removed if the store has it.
        if (!doc) {
          if (storedDigest.has(id)) changes.push({ collection, id, digest: '', data: null })
          continue
        }
        changes.push({ collection, id, digest: digestOf(doc.updatedAt), data: toEntry(collection, doc, payload) })
      }
      onProgress?.({ collection, done: Math.min(i + BATCH, changed.length), total: changed.length })
    }
  }
  const { written, removed } = await writer.commit(changes, (collection) => cmsUploadDir(payload, collection))
  return { written, removed, unchanged }
}
