import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseSync } from 'node:sqlite'
import type { FileEntry, MediaEntry } from './model'
import { CHANGE_LOG_KEEP, openStore, uploadsDir, type SiteCollection, type UploadCollection } from './store'

/** One entry by collection and id. */
export interface EntryRef {
  collection: SiteCollection
  id: string
}

/** One entry's next state: `data` null means it leaves the site. `digest` tells an unchanged entry. */
export interface StoreChange extends EntryRef {
  digest: string
  data: unknown | null
}

export const isUploadCollection = (collection: SiteCollection): collection is UploadCollection => collection === 'files' || collection === 'media'

/** The bytes an upload entry shows: file names under its collection's upload directory. */
export function uploadFilenames(collection: UploadCollection, entry: unknown): string[] {
  if (collection === 'files') {
    const file = entry as FileEntry
    return file.filename ? [file.filename] : []
  }
  const media = entry as MediaEntry
  return [media.original.filename, ...Object.values(media.sizes).map((s) => s.filename)].filter(Boolean)
}

/**
 * The write side of the library store (the CMS's site sync and `npm run sync:site` use it; the
 * site server only reads). A commit copies the bytes first (each to a temporary name, then renamed
 * into place), then writes every entry and its change-log row in one transaction; bytes of uploads
 * that left the site are deleted only after the commit. A failure anywhere leaves the store
 * exactly as it was, so the site never shows a half-applied change.
 */
export class LibraryWriter {
  private readonly db: DatabaseSync

  constructor(private readonly dataDir: string) {
    this.db = openStore(dataDir)
  }

  stored(ref: EntryRef): { digest: string; data: unknown } | null {
    const row = this.db.prepare('SELECT digest, data FROM entries WHERE collection = ? AND id = ?').get(ref.collection, ref.id) as
      | { digest: string; data: string }
      | undefined
    return row ? { digest: row.digest, data: JSON.parse(row.data) } : null
  }

  /** Every stored entry of a collection, id → digest. */
  digests(collection: SiteCollection): Map<string, string> {
    const rows = this.db.prepare('SELECT id, digest FROM entries WHERE collection = ?').all(collection) as Array<{ id: string; digest: string }>
    return new Map(rows.map((r) => [r.id, r.digest]))
  }

  /** Applies `changes` as one change of the store; `sourceDir` says where an upload collection's bytes are read from. */
  async commit(changes: StoreChange[], sourceDir: (collection: UploadCollection) => string): Promise<{ written: number; removed: number }> {
    if (changes.length === 0) return { written: 0, removed: 0 }
    const obsolete: Array<{ collection: UploadCollection; filename: string }> = []
    for (const change of changes) {
      if (!isUploadCollection(change.collection)) continue
      const before = this.stored(change)
      const next = new Set(change.data ? uploadFilenames(change.collection, change.data) : [])
      if (change.data) await copyUploads(sourceDir(change.collection), uploadsDir(this.dataDir, change.collection), [...next])
      for (const filename of before ? uploadFilenames(change.collection, before.data) : []) {
        if (!next.has(filename)) obsolete.push({ collection: change.collection, filename })
      }
    }

    const db = this.db
    const upsert = db.prepare(
      'INSERT INTO entries (collection, id, digest, data) VALUES (?, ?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET digest = excluded.digest, data = excluded.data',
    )
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
    for (const { collection, filename } of obsolete) fs.rmSync(path.join(uploadsDir(this.dataDir, collection), filename), { force: true })
    return { written: changes.filter((c) => c.data).length, removed: changes.filter((c) => !c.data).length }
  }

  close(): void {
    this.db.close()
  }
}

async function copyUploads(fromDir: string, toDir: string, filenames: string[]): Promise<void> {
  fs.mkdirSync(toDir, { recursive: true })
  for (const filename of filenames) {
    // Upload names come from the CMS, but a name is never allowed to leave its directory.
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

const writers = new Map<string, LibraryWriter>()

/** This process's writer for a data directory (one connection per store). */
export function libraryWriter(dataDir: string): LibraryWriter {
  let writer = writers.get(dataDir)
  if (!writer) writers.set(dataDir, (writer = new LibraryWriter(dataDir)))
  return writer
}

/** Closes the store handles this process opened (scripts and tests). */
export function closeLibraryWriters(): void {
  for (const writer of writers.values()) writer.close()
  writers.clear()
}
