import type { DatabaseSync } from 'node:sqlite'
import { lastChange, openStore, SITE_COLLECTIONS, type SiteCollection } from './db'

export type Entries = Record<SiteCollection, Map<string, unknown>>

export interface ChangedEntry {
  collection: SiteCollection
  id: string
  /** The committed entry, or null when it left the site. */
  data: unknown | null
}

/**
 * The site server's read side of the library store. `changes()` is cheap enough to call on every
 * request: SQLite's data_version only moves when another connection has committed.
 */
export class StoreReader {
  private readonly db: DatabaseSync
  private seq = 0
  private dataVersion = -1

  constructor(dataDir: string) {
    this.db = openStore(dataDir)
  }

  /** Every entry, as of one committed state. */
  readAll(): Entries {
    const entries = Object.fromEntries(SITE_COLLECTIONS.map((c) => [c, new Map<string, unknown>()])) as Entries
    this.db.exec('BEGIN')
    try {
      this.seq = lastChange(this.db)
      this.dataVersion = this.currentDataVersion()
      for (const row of this.db.prepare('SELECT collection, id, data FROM entries').iterate() as Iterable<{ collection: SiteCollection; id: string; data: string }>) {
        entries[row.collection]?.set(row.id, JSON.parse(row.data))
      }
    } finally {
      this.db.exec('COMMIT')
    }
    return entries
  }

  /**
   * What was committed since the last read: [] when nothing, 'reload' when the change log no
   * longer reaches back that far (the caller then reads everything again).
   */
  changes(): ChangedEntry[] | 'reload' {
    const dataVersion = this.currentDataVersion()
    if (dataVersion === this.dataVersion) return []
    this.db.exec('BEGIN')
    try {
      const last = lastChange(this.db)
      if (last === this.seq) {
        this.dataVersion = dataVersion
        return []
      }
      const first = (this.db.prepare('SELECT min(seq) AS seq FROM changes').get() as { seq: number | null }).seq ?? 0
      if (last < this.seq || first > this.seq + 1) return 'reload'
      const refs = this.db.prepare('SELECT DISTINCT collection, id FROM changes WHERE seq > ? AND seq <= ?').all(this.seq, last) as Array<{ collection: SiteCollection; id: string }>
      const read = this.db.prepare('SELECT data FROM entries WHERE collection = ? AND id = ?')
      const changed = refs.map((ref) => {
        const row = read.get(ref.collection, ref.id) as { data: string } | undefined
        return { ...ref, data: row ? JSON.parse(row.data) : null }
      })
      this.seq = last
      this.dataVersion = dataVersion
      return changed
    } finally {
      this.db.exec('COMMIT')
    }
  }

  private currentDataVersion(): number {
    return Number((this.db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version)
  }

  close(): void {
    this.db.close()
  }
}
