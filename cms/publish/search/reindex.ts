import type { Payload } from 'payload'
import type { SearchEngine, SearchItem } from '../../../search/contract'
import { compareEntries, type Drift } from './drift'
import { searchEntries, searchItems } from './items'

/**
 * Rebuilds an index (the engine's own: public or members) from the CMS into a fresh index and swaps
 * it in (see SearchEngine.replaceAll).
 */
export async function reindexAll(payload: Payload, engine: SearchEngine, onProgress?: (done: number, total: number) => void): Promise<{ count: number }> {
  const total = (await searchEntries(payload, engine.index)).length
  let done = 0
  async function* counted(): AsyncGenerator<SearchItem[]> {
    for await (const batch of searchItems(payload, engine.index)) {
      done += batch.length
      onProgress?.(done, total)
      yield batch
    }
  }
  onProgress?.(0, total)
  return engine.replaceAll(counted())
}

export async function checkDrift(payload: Payload, engine: SearchEngine): Promise<Drift> {
  const [cms, index] = await Promise.all([searchEntries(payload, engine.index), engine.entries()])
  return compareEntries(cms, index)
}
