/**
 * The index's tables, by generation, and the `search_meta` row that says which one is live.
 *
 * A full rebuild writes generation g+1 next to the live one and swaps by updating one row, so that
 * readers in any process answer from the old tables until that commit and from the new ones after
 * it, and a failed build only has to drop its own tables. A build marks its generation as claimed
 * (pid and host) so that a concurrent build in another process is never dropped as a crash's
 * leftovers. `search_meta` also holds the schema version (another layout: start empty, the sync's
 * drift check refills it) and the write version that items_g.version and gone_g.version carry,
 * which is how other connections find what changed (memory.ts).
 */
import { hostname } from 'node:os'
import type { DatabaseSync } from 'node:sqlite'
import type { Connection } from './connection'

/** 2: items_g.scope (the reader scope of each item). */
const SCHEMA_VERSION = 2
const TOKENIZE = `tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'"`

export type Tables = { items: string; texts: string; head: string; full: string; vocab: string; gone: string }
export const tablesOf = (g: number): Tables => ({
  items: `items_${g}`,
  texts: `texts_${g}`,
  head: `head_${g}`,
  full: `full_${g}`,
  vocab: `vocab_${g}`,
  gone: `gone_${g}`,
})
const GENERATION_TABLE = /^(?:items|texts|head|full|vocab|gone)_(\d+)$/

function createTables(db: DatabaseSync, g: number): void {
  const t = tablesOf(g)
  db.exec(`
    CREATE TABLE ${t.items} (
      rid INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      version INTEGER NOT NULL,
      kind TEXT NOT NULL,
      type TEXT,
      issuer TEXT,
      level TEXT,
      year INTEGER NOT NULL,
      fields TEXT NOT NULL,
      status TEXT,
      issued_at TEXT NOT NULL,
      slug TEXT NOT NULL,
      url TEXT NOT NULL,
      number TEXT,
      number_key TEXT,
      number_short_key TEXT,
      number_compact_key TEXT,
      issuer_name TEXT,
      field_names TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      title TEXT NOT NULL,
      scope TEXT NOT NULL
    );
    CREATE TABLE ${t.texts} (
      rid INTEGER PRIMARY KEY,
      summary TEXT NOT NULL,
      body TEXT NOT NULL,
      attachment_text TEXT NOT NULL
    );
    CREATE INDEX ${t.items}_version ON ${t.items}(version);
    CREATE INDEX ${t.items}_number_key ON ${t.items}(number_key) WHERE number_key IS NOT NULL;
    CREATE INDEX ${t.items}_number_short_key ON ${t.items}(number_short_key) WHERE number_short_key IS NOT NULL;
    CREATE VIRTUAL TABLE ${t.head} USING fts5(number, title, meta, summary, content='', contentless_delete=1, ${TOKENIZE}, prefix='2 3');
    CREATE VIRTUAL TABLE ${t.full} USING fts5(head, body, attachment, content='', contentless_delete=1, detail=none, ${TOKENIZE}, prefix='2 3');
    CREATE TABLE ${t.vocab} (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE ${t.gone} (rid INTEGER PRIMARY KEY, version INTEGER NOT NULL);
    CREATE INDEX ${t.gone}_version ON ${t.gone}(version);
  `)
}

export function dropTables(db: DatabaseSync, g: number): void {
  const t = tablesOf(g)
  for (const name of [t.head, t.full, t.vocab, t.gone, t.texts, t.items]) db.exec(`DROP TABLE IF EXISTS ${name}`)
}

export function meta(c: Connection, key: string): string | null {
  const row = c.get<{ value: string | number }>('SELECT value FROM search_meta WHERE key = ?', key)
  return row === undefined ? null : String(row.value)
}

export function setMeta(c: Connection, key: string, value: string | number): void {
  c.run('INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value)
}

function generationsOnDisk(c: Connection): number[] {
  const names = c.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
  const gens = new Set<number>()
  for (const { name } of names) {
    const m = GENERATION_TABLE.exec(name)
    if (m) gens.add(Number(m[1]))
  }
  return [...gens]
}

/** Creates the first generation of a new file, or starts empty over a file of another layout. */
export function openSchema(c: Connection): void {
  c.write(() => {
    c.db.exec('CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID')
    const schema = meta(c, 'schema')
    if (schema !== null && Number(schema) !== SCHEMA_VERSION) {
      // An index written by another layout: start empty; the sync's drift check refills it.
      for (const g of generationsOnDisk(c)) dropTables(c.db, g)
      c.db.exec('DELETE FROM search_meta')
    }
    if (meta(c, 'generation') === null) {
      createTables(c.db, 1)
      setMeta(c, 'schema', SCHEMA_VERSION)
      setMeta(c, 'generation', 1)
      setMeta(c, 'next_generation', 2)
      setMeta(c, 'version', 0)
    }
  })
}

export function liveGeneration(c: Connection): number {
  return Number(meta(c, 'generation'))
}

/** The version the next change is written with (inside the caller's write transaction). */
export function nextVersion(c: Connection): number {
  const v = Number(meta(c, 'version') ?? 0) + 1
  setMeta(c, 'version', v)
  return v
}

/** Claims a new generation and drops what crashed builds left behind (unless a live process owns it). */
export function beginBuild(c: Connection): number {
  return c.write(() => {
    const live = liveGeneration(c)
    const host = hostname()
    for (const g of generationsOnDisk(c)) {
      if (g === live) continue
      const owner = meta(c, `building:${g}`)
      const claim = owner ? (JSON.parse(owner) as { pid: number; host: string }) : null
      if (claim && claim.host === host && claim.pid !== process.pid && processAlive(claim.pid)) continue
      dropTables(c.db, g)
      c.run('DELETE FROM search_meta WHERE key = ?', `building:${g}`)
    }
    const g = Math.max(Number(meta(c, 'next_generation') ?? live + 1), live + 1, ...generationsOnDisk(c).map((x) => x + 1))
    setMeta(c, 'next_generation', g + 1)
    setMeta(c, `building:${g}`, JSON.stringify({ pid: process.pid, host }))
    createTables(c.db, g)
    return g
  })
}

export function abandonBuild(c: Connection, g: number): void {
  try {
    c.write(() => {
      dropTables(c.db, g)
      c.run('DELETE FROM search_meta WHERE key = ?', `building:${g}`)
    })
  } catch {
    // Left for the next build to clean up.
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}
