import type { Payload, PayloadRequest } from 'payload'
import type { SearchEngine } from '../../../search/contract'
import { loadSearchItem, searchId, type SearchableCollection } from './items'

/**
 * Brings one CMS record's search entry in line with its current published state: re-read, then
 * upsert or remove. Idempotent and order-free, so a retried or late job can never resurrect an
 * unpublished item or index a stale version. Inside a job, pass the job's `req` so the read joins
 * its transaction (SQLite allows one writer; a second connection would get SQLITE_BUSY).
 */
export async function applySearchSync(
  payload: Payload,
  engine: SearchEngine,
  collection: SearchableCollection,
  cmsId: string,
  req?: PayloadRequest,
): Promise<'upserted' | 'removed'> {
  const item = await loadSearchItem(payload, collection, cmsId, req)
  if (item) {
    await engine.upsert([item])
    return 'upserted'
  }
  await engine.remove([searchId(collection, cmsId)])
  return 'removed'
}
