import type { Payload } from 'payload'

/**
 * Brings what follows the CMS through jobs — the search index and the site's library store — in
 * line with it, for `npm start` and the worker's start: a first start, a restored backup, a changed
 * engine or a deleted store. Each is incremental (nothing to do costs a listing), and neither a
 * search engine that is down nor a store that cannot be written keeps the product from starting:
 * the jobs, `npm run reindex` and `npm run sync:site` catch up later.
 */
export async function catchUp(payload: Payload, dataDir: string): Promise<void> {
  try {
    const { searchEngine, closeSearchEngine } = await import('../../search/engine')
    const { checkDrift, reindexAll } = await import('../../cms/publish/search/reindex')
    const { SEARCH_INDEXES } = await import('../../search/contract')
    for (const index of SEARCH_INDEXES) {
      const engine = await searchEngine(index)
      const drift = await checkDrift(payload, engine)
      if (drift.missing.length + drift.stale.length + drift.extra.length > 0) {
        console.log(`› Building the ${index} search index (${engine.name})…`)
        const { count } = await reindexAll(payload, engine)
        console.log(`› Search index (${index}): ${count} items`)
      }
    }
    await closeSearchEngine()
  } catch (error) {
    console.error('The search index could not be checked:', error instanceof Error ? error.message : error)
  }
  try {
    const { syncAll } = await import('../../cms/publish/site/sync')
    const result = await syncAll(payload, dataDir)
    if (result.written + result.removed > 0) console.log(`› Library store: ${result.written} written, ${result.removed} removed`)
  } catch (error) {
    console.error('The library store could not be updated (the site serves what it had):', error instanceof Error ? error.message : error)
  }
}
