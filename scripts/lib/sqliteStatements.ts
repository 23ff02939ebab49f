/**
 * Prepared-statement reuse for Payload's SQLite adapter in operator commands that write in bulk
 * (`npm run import`). Payload's adapter (drizzle over @libsql/client) prepares every statement
 * afresh, and SQLite's prepare of its long generated statements (every column, JSON sub-selects
 * for relations), with the lookup of their result columns on every run, was about a third of the
 * CPU a draft cost. Within one connection the same SQL text is
 * the same statement, so it is kept and reused: @libsql/client binds, runs and reads each statement
 * to the end synchronously before the next call, and SQLite resets a statement when it is run
 * again and re-prepares it by itself if the schema changed. Each transaction gets its own
 * connection (@libsql/client), so a cache lives as long as its connection; it holds at most
 * MAX_PER_CONNECTION statements (statements with a variable number of parameters differ in text).
 *
 * Only `npm run import` (scripts/import.ts) and its benchmark (bench/import-folder) install it: the
 * CMS server keeps the adapter as it comes. Tested by tests/scripts/sqlite-statements.test.ts.
 */
import { createRequire } from 'node:module'

const MAX_PER_CONNECTION = 512
const INSTALLED = Symbol.for('so-tay.sqliteStatementCache')

interface LibsqlDatabase {
  prepare(sql: string): unknown
}

/** libsql's Database class, as the adapter's own @libsql/client loads it. */
function libsqlDatabase(): { prototype: LibsqlDatabase & { [INSTALLED]?: true } } {
  const fromAdapter = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-sqlite'))
  const fromClient = createRequire(fromAdapter.resolve('@libsql/client'))
  return fromClient('libsql')
}

export function cacheSqliteStatements(): void {
  const Database = libsqlDatabase()
  const proto = Database.prototype
  if (proto[INSTALLED]) return
  const prepare = proto.prepare
  const caches = new WeakMap<object, Map<string, unknown>>()
  proto.prepare = function (this: LibsqlDatabase, sql: string) {
    let cache = caches.get(this)
    if (!cache) caches.set(this, (cache = new Map()))
    // A schema change on this connection (a migration) starts the cache afresh.
    if (/^\s*(?:create|alter|drop)\s/i.test(sql)) cache.clear()
    const kept = cache.get(sql)
    if (kept) {
      // Most recently used last, so the oldest is dropped first.
      cache.delete(sql)
      cache.set(sql, kept)
      return kept
    }
    const statement = prepare.call(this, sql) as { columns?: () => unknown }
    // @libsql/client asks a statement for its result columns twice per run. They are fixed when the
    // statement names them (a "*" inside a sub-select does not matter); an outer "select *" or a
    // pragma could answer differently after a schema change, so those are asked each time.
    if (typeof statement.columns === 'function' && !/^\s*(?:select\s+(?:distinct\s+)?\*|pragma)/i.test(sql)) {
      const columns = statement.columns
      let known: unknown
      statement.columns = function (this: unknown) {
        known ??= columns.call(this)
        return known
      }
    }
    cache.set(sql, statement)
    if (cache.size > MAX_PER_CONNECTION) cache.delete(cache.keys().next().value!)
    return statement
  }
  proto[INSTALLED] = true
}
