import fs from 'node:fs'
import path from 'node:path'
import { parseSearchEnv, type SearchEnv } from '../core/env/search'
import type { SearchEngine, SearchIndex } from './contract'

/**
 * The name of an index: SEARCH_INDEX for the public one, `${SEARCH_INDEX}-members` for the
 * members' one (a SQLite file or a Meilisearch index of that name).
 */
export const searchIndexName = (config: Pick<SearchEnv, 'SEARCH_INDEX'>, which: SearchIndex): string =>
  which === 'public' ? config.SEARCH_INDEX : `${config.SEARCH_INDEX}-members`

/**
 * The one way in to the configured engine: Meilisearch when MEILI_URL is set, otherwise the
 * embedded SQLite FTS5 index in DATA_DIR/search/. `which` picks the public index (the public site;
 * it refuses non-public items) or the members' index (everything a member may find, filtered per
 * query by the member's scopes).
 */
export async function openSearchEngine(config: SearchEnv = parseSearchEnv(), which: SearchIndex = 'public'): Promise<SearchEngine> {
  const name = searchIndexName(config, which)
  if (config.MEILI_URL) {
    const { createMeilisearchEngine } = await import('./engines/meilisearch')
    const searchKey =
      which === 'members' && config.MEILI_SEARCH_KEY && config.MEILI_SEARCH_KEY_UID
        ? { key: config.MEILI_SEARCH_KEY, uid: config.MEILI_SEARCH_KEY_UID }
        : undefined
    return createMeilisearchEngine({ url: config.MEILI_URL, apiKey: config.MEILI_MASTER_KEY ?? '', index: name, which, searchKey })
  }
  const { createSqliteEngine } = await import('./engines/sqlite')
  const dir = path.join(config.dataDir, 'search')
  fs.mkdirSync(dir, { recursive: true })
  return createSqliteEngine({ path: path.join(dir, `${name}.sqlite`), which })
}

const shared = new Map<SearchIndex, Promise<SearchEngine>>()

/** The configured engine for index `which`, opened once per process. */
export function searchEngine(which: SearchIndex = 'public'): Promise<SearchEngine> {
  let engine = shared.get(which)
  if (!engine) {
    engine = openSearchEngine(parseSearchEnv(), which).catch((error) => {
      shared.delete(which) // a failed open (engine down at start) is retried on the next call
      throw error
    })
    shared.set(which, engine)
  }
  return engine
}

/**
 * Puts a given engine behind `searchEngine(which)` (tests wrap the real one to make it fail; an
 * embedding application may bring its own). `undefined` returns to the configured engine.
 */
export function setSearchEngine(engine: SearchEngine | undefined, which: SearchIndex = 'public'): void {
  if (engine) shared.set(which, Promise.resolve(engine))
  else shared.delete(which)
}

/** Closes both indexes' engines (tests and scripts switch DATA_DIR between runs). */
export async function closeSearchEngine(): Promise<void> {
  const engines = [...shared.values()]
  shared.clear()
  await Promise.all(engines.map(async (engine) => (await engine.catch(() => undefined))?.close()))
}
