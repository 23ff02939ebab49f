import type { DataFromCollectionSlug, Payload, PayloadRequest, Where } from 'payload'
import type { SearchableCollection } from './search/items'

/**
 * What the members' search index may hold: every published record that is not secret (documents
 * marked secret can never be published — collections/Documents/hooks — and are excluded here again).
 * Read with the access rules overridden, because no single reader sees all of it: each item carries
 * its audience's scope (core/scopes.ts), and each member's query names the scopes that member holds
 * — the same audience rule the CMS applies to that member (access/readContent.ts, visibleToReader).
 */
const published: Where = { _status: { equals: 'published' } }
const WHERE: Record<SearchableCollection, Where> = {
  documents: { and: [published, { secrecy: { equals: 'none' } }] },
  news: published,
  topics: published,
  announcements: published,
}

export async function findForMembersIndex<C extends SearchableCollection>(
  payload: Payload,
  collection: C,
  options: { depth: number; limit?: number; page?: number; where?: Where; select?: Record<string, true>; req?: PayloadRequest },
): Promise<{ docs: DataFromCollectionSlug<C>[]; hasNextPage: boolean }> {
  // Cast as in publicView.ts: Payload types `joins` only for collections with join fields.
  return payload.find({
    collection,
    where: options.where ? { and: [WHERE[collection], options.where] } : WHERE[collection],
    overrideAccess: true,
    draft: false,
    depth: options.depth,
    joins: false,
    sort: 'id',
    req: options.req,
    ...(options.limit === undefined ? { pagination: false } : { limit: options.limit, page: options.page ?? 1 }),
    ...(options.select ? { select: options.select } : {}),
  } as never) as unknown as Promise<{ docs: DataFromCollectionSlug<C>[]; hasNextPage: boolean }>
}

export async function readForMembersIndex<C extends SearchableCollection>(payload: Payload, collection: C, id: string, req?: PayloadRequest) {
  const { docs } = await findForMembersIndex(payload, collection, { depth: 1, limit: 1, where: { id: { equals: id } }, req })
  return docs[0] ?? null
}
