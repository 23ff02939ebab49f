import type { Payload, PayloadRequest, Where } from 'payload'
import type { SearchEngine } from '../../../search/contract'
import { findPublic } from '../publicView'
import { toSearchItem } from './items'

/**
 * Search items show more than their own record: a document's issuer name, its fields' names and the
 * text of its attachments. When one of those changes (an organization renamed, a field renamed, an
 * original replaced), every public document that uses it is indexed again.
 */
export const REFERENCED_BY = { organizations: 'issuer', subjects: 'subjects', files: 'attachments' } as const
export type ReferencedCollection = keyof typeof REFERENCED_BY

export const isReferencedCollection = (value: string): value is ReferencedCollection => value in REFERENCED_BY

/** Re-indexes the public documents that use the record, in batches; returns how many. */
export async function applyReferenceSync(
  payload: Payload,
  engine: SearchEngine,
  collection: ReferencedCollection,
  cmsId: string,
  req?: PayloadRequest,
  batchSize = 200,
): Promise<number> {
  const uses: Where = { [REFERENCED_BY[collection]]: { in: [cmsId] } }
  let count = 0
  for (let page = 1; ; page++) {
    const result = await findPublic(payload, 'documents', { req, where: uses, depth: 1, limit: batchSize, page, sort: 'id' })
    if (result.docs.length > 0) await engine.upsert(result.docs.map((doc) => toSearchItem('documents', doc)))
    count += result.docs.length
    if (!result.hasNextPage) return count
  }
}
