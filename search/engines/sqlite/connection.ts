/**
 * The embedded engine's one SQLite connection: prepared statements kept by SQL text, read and
 * write transactions, and the mapping of SQLite failures to SearchUnavailableError.
 *
 * Everything the engine keeps in memory is a copy of this connection's view of the file, so the
 * connection also records its own commits (`dirty`): PRAGMA data_version reports only other
 * connections' commits, and memory.ts must know about both before answering.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import { SearchUnavailableError } from '../../contract'
import { UNAVAILABLE_MESSAGE } from '../../ranking'

export const isSqliteError = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && ((e as { code?: unknown }).code === 'ERR_SQLITE_ERROR' || 'errcode' in e)

/** What a caller sees of a failure: a SQLite error means the index cannot be used right now. */
export function unavailable(e: unknown): unknown {
  if (e instanceof SearchUnavailableError || !isSqliteError(e)) return e
  return new SearchUnavailableError(UNAVAILABLE_MESSAGE, { cause: e })
}

export class Connection {
  readonly db: DatabaseSync
  private readonly statements = new Map<string, StatementSync>()
  /** Set after this connection's own commits, which PRAGMA data_version does not report. */
  dirty = true

  constructor(file: string) {
    if (file !== ':memory:' && !file.startsWith('file:')) mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    this.db = new DatabaseSync(file, { timeout: 10_000 })
    if (file !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL')
    // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt; the index is
    // derived data that the reindex drift check restores.
    this.db.exec('PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000')
  }

  prep(sql: string): StatementSync {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Statements name a generation's tables: forgotten when the live generation changes. */
  clearStatements(): void {
    this.statements.clear()
  }

  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prep(sql).get(...params) as T | undefined
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.prep(sql).all(...params) as T[]
  }

  run(sql: string, ...params: SQLInputValue[]) {
    return this.prep(sql).run(...params)
  }

  /** A write transaction; BEGIN IMMEDIATE takes the write lock up front (no upgrade deadlocks). */
  write<T>(fn: () => T): T {
    try {
      return this.transaction('BEGIN IMMEDIATE', fn)
    } finally {
      this.dirty = true
    }
  }

  /** A read transaction: every statement of one search sees the same snapshot. */
  read<T>(fn: () => T): T {
    return this.transaction('BEGIN', fn)
  }

  private transaction<T>(begin: string, fn: () => T): T {
    this.db.exec(begin)
    try {
      const result = fn()
      this.db.exec('COMMIT')
      return result
    } catch (e) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK')
      throw e
    }
  }
}
