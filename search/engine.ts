import fs from 'node:fs'
import path from 'node:path'
import { parseSearchEnv, type SearchEnv } from '../core/env/search'
import type { SearchEngine } from './contract'

/**
 * The one way in to the configured engine: Meilisearch when MEILI_URL is set, otherwise the
 * embedded SQLite FTS5 index in DATA_DIR/search/. Opened once per process.
 */
export async function openSearchEngine(config: SearchEnv = parseSearchEnv()): Promise<SearchEngine> {
  if (config.MEILI_URL) {
    const { createMeilisearchEngine } = await import('./engines/meilisearch')
    return createMeilisearchEngine({ url: config.MEILI_URL, apiKey: config.MEILI_MASTER_KEY ?? '', index: config.SEARCH_INDEX })
  }
  const { createSqliteEngine } = await import('./engines/sqlite')
  const dir = path.join(config.dataDir, 'search')
  fs.mkdirSync(dir, { recursive: true })
  return createSqliteEngine({ path: path.join(dir, `${config.SEARCH_INDEX}.sqlite`) })
}

let shared: Promise<SearchEngine> | undefined
export function searchEngine(): Promise<SearchEngine> {
  shared ??= openSearchEngine().catch((error) => {
    shared = undefined // a failed open (engine down at start) is retried on the next call
    throw error
  })
  return shared
}

/**
 * Puts a given engine behind `searchEngine()` (tests wrap the real one to make it fail; an embedding
 * application may bring its own). `undefined` returns to the configured engine.
 */
export function setSearchEngine(engine: SearchEngine | undefined): void {
  shared = engine ? Promise.resolve(engine) : undefined
}

/** Tests and scripts switch DATA_DIR between runs. */
export async function closeSearchEngine(): Promise<void> {
  const engine = await shared?.catch(() => undefined)
  shared = undefined
  await engine?.close()
}
