import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import type { Payload, PayloadRequest } from 'payload'
import { CHANGE_LOG_KEEP, openStore, SITE_COLLECTIONS, uploadsDir, type SiteCollection, type UploadCollection } from './db'
import { cmsUploadDir, MAPPER_VERSION, SOURCES } from './sources'

export interface EntryRef {
  collection: SiteCollection
  id: string
}

/** One entry's next state: `data` null means it leaves the site. */
interface Change extends EntryRef {
  digest: string
  data: unknown | null
}

export interface SyncResult {
  written: number
  removed: number
  unchanged: number
}

const key = (ref: EntryRef) => `${ref.collection}:${ref.id}`
const digestOf = (updatedAt: unknown) => `${MAPPER_VERSION}:${String(updatedAt)}`
const isUpload = (collection: SiteCollection): collection is UploadCollection => collection === 'files' || collection === 'media'

const stores = new Map<string, DatabaseSync>()
function store(dataDir: string): DatabaseSync {
  let db = stores.get(dataDir)
  if (!db) stores.set(dataDir, (db = openStore(dataDir)))
  return db
}

function storedEntry(db: DatabaseSync, ref: EntryRef): { digest: string; data: unknown } | null {
  const row = db.prepare('SELECT digest, data FROM entries WHERE collection = ? AND id = ?').get(ref.collection, ref.id) as
    | { digest: string; data: string }
    | undefined
  return row ? { digest: row.digest, data: JSON.parse(row.data) } : null
}

/** Reads records as an anonymous visitor would see them; `req` only shares a job's transaction. */
async function readPublic(payload: Payload, collection: SiteCollection, ids: string[], req?: PayloadRequest) {
  const source = SOURCES[collection]
  const found = await payload.find({
    collection,
    req,
    where: { and: [source.where, { id: { in: ids } }] },
    overrideAccess: false,
    depth: source.depth,
    pagination: false,
    joins: false,
  } as unknown as Parameters<Payload['find']>[0])
  return new Map(found.docs.map((doc) => [String(doc.id), doc as { id: string; updatedAt: string }]))
}

/**
 * Brings the given entries (and the uploads they show) in line with the CMS's current public
 * state, as one atomic change of the library store. Idempotent and order-free: a retried or late
 * job re-reads the record, so it can never bring back what was unpublished. A failure anywhere —
 * reading, copying a file, writing — leaves the store exactly as it was.
 */
export async function syncEntries(payload: Payload, dataDir: string, refs: EntryRef[], req?: PayloadRequest): Promise<SyncResult> {
  const db = store(dataDir)
  const pending = new Map(refs.map((r) => [key(r), r]))
  const changes: Change[] = []
  const seen = new Set<string>()
  let unchanged = 0
  while (pending.size > 0) {
    const batch = [...pending.values()]
    pending.clear()
    for (const collection of SITE_COLLECTIONS) {
      const wanted = batch.filter((r) => r.collection === collection && !seen.has(key(r)))
      if (wanted.length === 0) continue
      const source = SOURCES[collection]
      const docs = await readPublic(payload, collection, wanted.map((r) => r.id), req)
      for (const ref of wanted) {
        seen.add(key(ref))
        const before = storedEntry(db, ref)
        const doc = docs.get(ref.id)
        const data = doc ? source.map(doc, { payload }) : null
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
  const { written, removed } = await commit(payload, dataDir, db, changes)
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
  const db = store(dataDir)
  const changes: Change[] = []
  let unchanged = 0
  const BATCH = 250
  for (const collection of SITE_COLLECTIONS) {
    const source = SOURCES[collection]
    const listing = await payload.find({
      collection,
      where: source.where,
      overrideAccess: false,
      select: { updatedAt: true },
      pagination: false,
      depth: 0,
    } as unknown as Parameters<Payload['find']>[0])
    const current = new Map(listing.docs.map((d) => [String(d.id), digestOf((d as { updatedAt?: string }).updatedAt)]))
    const stored = db.prepare('SELECT id, digest FROM entries WHERE collection = ?').all(collection) as Array<{ id: string; digest: string }>
    const storedDigest = new Map(stored.map((r) => [r.id, r.digest]))
    for (const id of storedDigest.keys()) if (!current.has(id)) changes.push({ collection, id, digest: '', data: null })
    const changed = [...current].filter(([id, digest]) => storedDigest.get(id) !== digest).map(([id]) => id)
    unchanged += current.size - changed.length
    for (let i = 0; i < changed.length; i += BATCH) {
      const ids = changed.slice(i, i + BATCH)
      const docs = await readPublic(payload, collection, ids)
      for (const id of ids) {
        const doc = docs.get(id)
        // Gone between the listing and the read: treat as removed if the store has it.
        if (!doc) {
          if (storedDigest.has(id)) changes.push({ collection, id, digest: '', data: null })
          continue
        }
        changes.push({ collection, id, digest: digestOf(doc.updatedAt), data: source.map(doc, { payload }) })
      }
      onProgress?.({ collection, done: Math.min(i + BATCH, changed.length), total: changed.length })
    }
  }
  const { written, removed } = await commit(payload, dataDir, db, changes)
  return { written, removed, unchanged }
}

/**
 * Copies the bytes first (each to a temporary name, then renamed into place), then writes every
 * entry and its change-log row in one transaction. Bytes of uploads that left the site are deleted
 * only after the commit, so the previous library stays whole until the next one is complete.
 */
async function commit(payload: Payload, dataDir: string, db: DatabaseSync, changes: Change[]): Promise<{ written: number; removed: number }> {
  if (changes.length === 0) return { written: 0, removed: 0 }
  const obsolete: Array<{ collection: UploadCollection; filename: string }> = []
  for (const change of changes) {
    if (!isUpload(change.collection)) continue
    const source = SOURCES[change.collection]
    const before = storedEntry(db, change)
    const next = new Set(change.data ? source.uploads!(change.data) : [])
    if (change.data) await copyUploads(cmsUploadDir(payload, change.collection), uploadsDir(dataDir, change.collection), [...next])
    for (const filename of before ? source.uploads!(before.data) : []) {
      if (!next.has(filename)) obsolete.push({ collection: change.collection, filename })
    }
  }

  const upsert = db.prepare('INSERT INTO entries (collection, id, digest, data) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET digest = excluded.digest, data = excluded.data')
  const remove = db.prepare('DELETE FROM entries WHERE collection = ? AND id = ?')
  const log = db.prepare('INSERT INTO changes (collection, id) VALUES (?, ?)')
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const change of changes) {
      if (change.data) upsert.run(change.collection, change.id, change.digest, JSON.stringify(change.data))
      else remove.run(change.collection, change.id)
      log.run(change.collection, change.id)
    }
    db.prepare('DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?').run(CHANGE_LOG_KEEP)
    db.exec('COMMIT')
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
  for (const { collection, filename } of obsolete) fs.rmSync(path.join(uploadsDir(dataDir, collection), filename), { force: true })
  return { written: changes.filter((c) => c.data).length, removed: changes.filter((c) => !c.data).length }
}

async function copyUploads(fromDir: string, toDir: string, filenames: string[]): Promise<void> {
  fs.mkdirSync(toDir, { recursive: true })
  for (const filename of filenames) {
    // Upload names come from Payload, but a name is never allowed to leave its directory.
    if (filename !== path.basename(filename)) throw new Error(`Refusing an upload name with a path: ${filename}`)
    const target = path.join(toDir, filename)
    const temporary = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`
    try {
      await fs.promises.copyFile(path.join(fromDir, filename), temporary)
      await fs.promises.rename(temporary, target)
    } catch (error) {
      fs.rmSync(temporary, { force: true })
      throw new Error(`Could not copy the upload "${filename}" into the site: ${(error as Error).message}`)
    }
  }
}

/** Closes the store handles this process opened (scripts and tests). */
export function closeStores(): void {
  for (const db of stores.values()) db.close()
  stores.clear()
}
