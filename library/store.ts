import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/**
 * The site's own copy of the public library (the "library store"): one SQLite file plus copies of
 * the public uploads, under DATA_DIR/site/. The CMS side writes it (site sync jobs, `npm run
 * sync:site`); the site server only reads it. Pages therefore never depend on the CMS, its
 * database or the search engine being up, and every change lands in one transaction.
 */
export const SITE_COLLECTIONS = ['documents', 'news', 'topics', 'organizations', 'subjects', 'files', 'media'] as const
export type SiteCollection = (typeof SITE_COLLECTIONS)[number]
export const isSiteCollection = (value: string): value is SiteCollection => (SITE_COLLECTIONS as readonly string[]).includes(value)

/** Uploads whose bytes the site serves itself. */
export type UploadCollection = 'files' | 'media'

export const storeDir = (dataDir: string): string => path.join(dataDir, 'site')
export const storeFile = (dataDir: string): string => path.join(storeDir(dataDir), 'library.sqlite')
export const uploadsDir = (dataDir: string, collection: UploadCollection): string => path.join(storeDir(dataDir), collection)

/** How many change rows are kept; a reader further behind than this reloads everything. */
export const CHANGE_LOG_KEEP = 20_000

export function openStore(dataDir: string): DatabaseSync {
  fs.mkdirSync(storeDir(dataDir), { recursive: true })
  const db = new DatabaseSync(storeFile(dataDir))
  // WAL: the site server keeps reading the last committed library while a sync writes the next.
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    PRAGMA busy_timeout = 10000;
    CREATE TABLE IF NOT EXISTS entries (
      collection TEXT NOT NULL,
      id TEXT NOT NULL,
      digest TEXT NOT NULL,
      data TEXT NOT NULL,
      PRIMARY KEY (collection, id)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      collection TEXT NOT NULL,
      id TEXT NOT NULL
    );
  `)
  return db
}

/** The sequence number of the last committed change (0 for an empty store). */
export function lastChange(db: DatabaseSync): number {
  const row = db.prepare('SELECT max(seq) AS seq FROM changes').get() as { seq: number | null }
  return Number(row.seq ?? 0)
}
