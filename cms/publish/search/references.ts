import type { Payload, PayloadRequest, Where } from 'payload'
import type { SearchEngine, SearchItem } from '../../../search/contract'
import { findForMembersIndex } from '../membersIndexView'
import { findPublic } from '../publicView'
import { scopeOfRecord, toSearchItem } from './items'

/**
 * Search items show more than their own record: a document's issuer name, its fields' names and the
 * text of its attachments. When one of those changes (an organization renamed, a field renamed, an
 * original replaced), every indexed document that uses it is indexed again, in each index.
 */
export const REFERENCED_BY = { organizations: 'issuer', subjects: 'subjects', files: 'attachments' } as const
export type ReferencedCollection = keyof typeof REFERENCED_BY

export const isReferencedCollection = (value: string): value is ReferencedCollection => value in REFERENCED_BY

/** Re-indexes the documents that use the record, in batches; returns how many items were written. */
export async function applyReferenceSync(
  payload: Payload,
  engines: readonly SearchEngine[],
  collection: ReferencedCollection,
  cmsId: string,
  req?: PayloadRequest,
  batchSize = 200,
): Promise<number> {
  const uses: Where = { [REFERENCED_BY[collection]]: { in: [cmsId] } }
  let count = 0
  for (const engine of engines) {
    for (let page = 1; ; page++) {
      const result =
        engine.index === 'public'
          ? await findPublic(payload, 'documents', { req, where: uses, depth: 1, limit: batchSize, page, sort: 'id' })
          : await findForMembersIndex(payload, 'documents', { req, where: uses, depth: 1, limit: batchSize, page })
      const items: SearchItem[] = []
      for (const doc of result.docs) {
        const scope = engine.index === 'public' ? 'public' : scopeOfRecord(doc)
        if (scope) items.push(toSearchItem('documents', doc, scope))
      }
      if (items.length > 0) await engine.upsert(items)
      count += items.length
      if (!result.hasNextPage) break
    }
  }
  return count
}
