import type { Payload, PayloadRequest } from 'payload'
import type { SearchEngine } from '../../../search/contract'
import { loadSearchItem, searchId, type SearchableCollection } from './items'

/**
 * Brings one CMS record's entry in each search index in line with its current published state:
 * re-read, then upsert or remove — in the public index as an anonymous visitor sees it, in the
 * members' index with its audience's scope. Idempotent and order-free, so a retried or late job can
 * never resurrect an unpublished item or index a stale version. Inside a job, pass the job's `req`
 * so the reads join its transaction (SQLite allows one writer; a second connection would get SQLITE_BUSY).
 */
export async function applySearchSync(
  payload: Payload,
  engines: readonly SearchEngine[],
  collection: SearchableCollection,
  cmsId: string,
  req?: PayloadRequest,
): Promise<string> {
  const done: string[] = []
  for (const engine of engines) {
    const item = await loadSearchItem(payload, engine.index, collection, cmsId, req)
    if (item) await engine.upsert([item])
    else await engine.remove([searchId(collection, cmsId)])
    done.push(`${engine.index}: ${item ? 'upserted' : 'removed'}`)
  }
  return done.join(', ')
}
