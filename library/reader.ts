import type { DatabaseSync } from 'node:sqlite'
import { lastChange, openStore, SITE_COLLECTIONS, type SiteCollection } from './store'

export type Entries = Record<SiteCollection, Map<string, unknown>>

export interface ChangedEntry {
  collection: SiteCollection
  id: string
  /** The committed entry, or null when it is not (or no longer) on the site. */
  data: unknown | null
}

/** What the store committed after the reader's position, up to `to`, as one consistent read. */
export interface ChangeBatch {
  changes: ChangedEntry[]
  from: number
  to: number
  dataVersion: number
}

/**
 * The site server's read side of the library store. `pending()` is cheap enough to call on every
 * request: SQLite's data_version only moves when another connection has committed. The reader's
 * position moves only when its owner says a batch was applied (`advance`), so a batch that fails to
 * apply is read again, never skipped.
 */
export class StoreReader {
  private readonly db: DatabaseSync
  private seq = 0
  private dataVersion = -1

  constructor(dataDir: string) {
    this.db = openStore(dataDir)
  }

  /** The last change-log position taken in (by readAll or advance). */
  get position(): number {
    return this.seq
  }

  /** The last change-log position the store has committed. */
  storePosition(): number {
    return lastChange(this.db)
  }

  /** Every entry, as of one committed state; the reader's position moves to that state. */
  readAll(): Entries {
    const entries = Object.fromEntries(SITE_COLLECTIONS.map((c) => [c, new Map<string, unknown>()])) as Entries
    this.db.exec('BEGIN')
    try {
      const seq = lastChange(this.db)
      const dataVersion = this.currentDataVersion()
      for (const row of this.db.prepare('SELECT collection, id, data FROM entries').iterate() as Iterable<{
        collection: SiteCollection
        id: string
        data: string
      }>) {
        entries[row.collection]?.set(row.id, JSON.parse(row.data))
      }
      this.seq = seq
      this.dataVersion = dataVersion
    } finally {
      this.db.exec('COMMIT')
    }
    return entries
  }

  /**
   * What was committed after the reader's position: null when nothing, 'reload' when the change
   * log no longer reaches back that far (the caller then reads everything again).
   */
  pending(): ChangeBatch | 'reload' | null {
    const dataVersion = this.currentDataVersion()
    if (dataVersion === this.dataVersion) return null
    this.db.exec('BEGIN')
    try {
      const last = lastChange(this.db)
      if (last === this.seq) {
        this.dataVersion = dataVersion
        return null
      }
      const first = (this.db.prepare('SELECT min(seq) AS seq FROM changes').get() as { seq: number | null }).seq ?? 0
      if (last < this.seq || first > this.seq + 1) return 'reload'
      const refs = this.db.prepare('SELECT DISTINCT collection, id FROM changes WHERE seq > ? AND seq <= ?').all(this.seq, last) as Array<{
        collection: SiteCollection
        id: string
      }>
      const read = this.db.prepare('SELECT data FROM entries WHERE collection = ? AND id = ?')
      const changes = refs.map((ref) => {
        const row = read.get(ref.collection, ref.id) as { data: string } | undefined
        return { ...ref, data: row ? JSON.parse(row.data) : null }
      })
      return { changes, from: this.seq, to: last, dataVersion }
    } finally {
      this.db.exec('COMMIT')
    }
  }

  /** Marks a batch from pending() as applied. */
  advance(batch: ChangeBatch): void {
    if (batch.from !== this.seq) throw new Error(`Library store: batch ${batch.from}→${batch.to} does not start at position ${this.seq}`)
    this.seq = batch.to
    this.dataVersion = batch.dataVersion
  }

  private currentDataVersion(): number {
    return Number((this.db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version)
  }

  close(): void {
    this.db.close()
  }
}
