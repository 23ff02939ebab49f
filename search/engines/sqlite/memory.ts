/**
 * What one connection keeps in memory of the index — the item columns (columns.ts), the posting
 * sets (postings.ts) and the last match sets — and refresh(), which brings all of it up to the
 * snapshot of the current read transaction before every search.
 *
 * Several connections share the file (the CMS writes, the site server reads), so this memory is a
 * copy that any commit may outdate. A commit by another connection changes PRAGMA data_version; a
 * commit by this one sets Connection.dirty (data_version does not count it). Either way refresh()
 * reads only what changed since the version the copy holds (items_g.version, gone_g) and patches
 * it item by item: rebuilding would cost the first search after every sync job ~24 ms at 100 k
 * items instead of ~3 ms. A new live generation (a reindex swap) starts a fresh copy instead.
 */
import { ItemColumns, type ItemRow } from './columns'
import type { Connection } from './connection'
import { storedTexts, scopeTokens, type StoredRow } from './folded'
import type { Matched } from './match'
import { PostingsCache, type ItemTokens } from './postings'
import { liveGeneration, tablesOf, type Tables } from './schema'

/** How many recent match sets each connection keeps (each one bitmap: 12.5 KB at 100 k items). */
const RECENT_QUERIES = 16
/**
 * Memory for the in-memory posting sets (postings.ts), per connection. A common word costs one
 * bitmap per scope it was asked in (16 KB at 100 k items), a rare one a few bytes per item.
 */
const POSTINGS_BUDGET_BYTES = 32 * 2 ** 20
/**
 * More changed items than this in one refresh empty the posting sets (and start a new warm-up)
 * instead of patching them: patching costs ~0.4 ms per item on the first search after the commit.
 */
const MAX_INCREMENTAL_CHANGES = 64

export class Memory {
  /** The live generation's item columns, as of `dataVersion` (null before the first search). */
  columns: ItemColumns | null = null
  private dataVersion = -1
  /** Posting sets of the words queries used, for the columns' generation and data version. */
  postings = new PostingsCache(POSTINGS_BUDGET_BYTES)
  /** Match sets of the last queries (paging and facet clicks reuse them); emptied by any change. */
  private readonly recent = new Map<string, Matched>()

  /** `warm` starts the background warm-up (warmup.ts) for new columns or emptied posting sets. */
  constructor(
    private readonly c: Connection,
    private readonly warm: (columns: ItemColumns) => void,
  ) {}

  /**
   * Brings the item columns and the posting sets up to the snapshot of the current read
   * transaction: every commit by any connection changes PRAGMA data_version, and this connection's
   * own commits set `dirty` (data_version does not count them).
   */
  refresh(): ItemColumns {
    const gen = liveGeneration(this.c)
    const dv = Number(this.c.get<{ data_version: number }>('PRAGMA data_version')!.data_version)
    if (this.columns && this.columns.generation === gen && dv === this.dataVersion && !this.c.dirty) return this.columns
    if (!this.columns || this.columns.generation !== gen) {
      this.columns = new ItemColumns(gen)
      this.postings = new PostingsCache(POSTINGS_BUDGET_BYTES)
      this.c.clearStatements()
      this.warm(this.columns)
    }
    const columns = this.columns
    const t = tablesOf(gen)
    const gone = this.c.all<{ rid: number; version: number }>(`SELECT rid, version FROM ${t.gone} WHERE version > ?`, columns.version)
    const changed = this.c.prep(
      `SELECT rid, version, kind, type, issuer, level, year, fields, status, issued_at, scope, url FROM ${t.items} WHERE version > ? ORDER BY version`,
    )
    changed.setReturnArrays(true)
    const rows = changed.all(columns.version) as unknown as ItemRow[]
    for (const g of gone) columns.drop(g.rid, g.version)
    for (const row of rows) columns.set(row)
    if (gone.length || rows.length || columns.version === 0) this.recent.clear()
    if (gone.length || rows.length) {
      // New words only come with changed items: when their words were all looked at, the
      // vocabulary check stands (or fails); otherwise it is redone on demand (a 7 ms scan at 100 k).
      const ascii = this.patchPostings(
        t,
        gone.map((g) => g.rid),
        rows.map((r) => r[0]),
      )
      if (ascii === false || (ascii === null && rows.length)) columns.asciiVocab = ascii === false ? false : null
    }
    this.dataVersion = dv
    this.c.dirty = false
    return columns
  }

  /**
   * Applies removed and changed items to the posting sets (or empties them: see postings.ts).
   * Returns whether every word of the changed items is made of [a-z0-9], or null when they were
   * not looked at (no posting sets, or too many changes).
   */
  private patchPostings(t: Tables, gone: number[], changed: number[]): boolean | null {
    if (this.postings.size === 0) return null
    if (gone.length + changed.length > MAX_INCREMENTAL_CHANGES) {
      this.postings.clear()
      this.warm(this.columns!)
      return null
    }
    const changes = new Map<number, ItemTokens>()
    for (const rid of gone) changes.set(rid, null)
    if (changed.length) {
      const rows = this.c.all<StoredRow>(
        `SELECT i.rid, i.kind, i.number, i.number_key, i.number_short_key, i.number_compact_key, i.title, i.type, i.issuer_name, i.field_names, i.year,
                x.summary, x.body, x.attachment_text
         FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.rid IN (SELECT value FROM json_each(?))`,
        JSON.stringify(changed),
      )
      for (const row of rows) changes.set(row.rid, scopeTokens(storedTexts(row)))
    }
    if (this.postings.apply(changes, this.columns!.words)) return true
    this.warm(this.columns!)
    return false
  }

  /** The match set of a query asked recently, else match()'s; either way it becomes the most recent. */
  recall(key: string, match: () => Matched): Matched {
    const { plan, ev, numberRids } = this.recent.get(key) ?? match()
    this.recent.delete(key)
    this.recent.set(key, { plan, ev, numberRids })
    if (this.recent.size > RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value!)
    return { plan, ev, numberRids }
  }
}
