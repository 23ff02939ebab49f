import type { CollectionSlug, DataFromCollectionSlug, Payload, PayloadRequest, Where } from 'payload'

/**
 * "What the public may see", stated once. Every outward channel — the site's library store, the
 * search index, subscriber mail — reads through `readPublic`, so a change to the rule reaches all of
 * them. Two layers, on purpose: the read is anonymous (`overrideAccess: false`, no user), so the
 * collections' access rules apply, and the where clause below states the rule again, so neither
 * layer alone can leak a draft, a members-only item or a secret document (Luật 29/2018: secret
 * documents can never be published, and a published one can never be made secret; see
 * collections/Documents/hooks/refuseSecretPublication.ts).
 */
const publishedPublic: Where = { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }] }

export const PUBLIC_WHERE = {
  documents: { and: [publishedPublic, { secrecy: { equals: 'none' } }] },
  news: publishedPublic,
  topics: publishedPublic,
  // Names shown next to public content; nothing in them is private.
  organizations: {},
  subjects: {},
  // Uploads follow the published public content that uses them (hooks/uploadVisibility.ts).
  files: { visibility: { equals: 'public' } },
  media: { visibility: { equals: 'public' } },
} satisfies Partial<Record<CollectionSlug, Where>>

export type PublicCollection = keyof typeof PUBLIC_WHERE

/** The content collections with an editorial workflow (drafts, audience). */
export type PublicContentCollection = 'documents' | 'news' | 'topics'

/** True when a saved record (an afterChange `doc`) is what an anonymous reader sees. */
export function isPublicRecord(
  collection: PublicContentCollection,
  doc: { _status?: unknown; audience?: unknown; secrecy?: unknown } | null | undefined,
): boolean {
  if (doc?._status !== 'published' || doc.audience !== 'public') return false
  return collection !== 'documents' || doc.secrecy === 'none'
}

export interface PublicReadOptions {
  depth: number
  /** Shares a job's transaction (SQLite allows one writer); never widens what is read. */
  req?: PayloadRequest
  where?: Where
  limit?: number
  page?: number
  sort?: string
  select?: Record<string, true>
}

/** One page of public records of a collection, read as an anonymous visitor. */
export async function findPublic(payload: Payload, collection: PublicCollection, options: PublicReadOptions) {
  const where = options.where ? { and: [PUBLIC_WHERE[collection], options.where] } : PUBLIC_WHERE[collection]
  // Cast: Payload types `joins` only for collections with join fields (here: documents), while
  // `joins: false` is what every collection's read needs. The result is typed for any collection.
  return payload.find({
    collection,
    req: options.req,
    where,
    overrideAccess: false,
    user: undefined,
    draft: false,
    depth: options.depth,
    joins: false,
    ...(options.limit === undefined ? { pagination: false } : { limit: options.limit, page: options.page ?? 1 }),
    ...(options.sort ? { sort: options.sort } : {}),
    ...(options.select ? { select: options.select } : {}),
  } as unknown as Parameters<Payload['find']>[0])
}

/** The public records among `ids`, by id (absent: not public, or gone), whole (no `select`). */
export async function readPublic<C extends PublicCollection>(
  payload: Payload,
  collection: C,
  ids: string[],
  options: Omit<PublicReadOptions, 'where' | 'limit' | 'page' | 'select'>,
): Promise<Map<string, DataFromCollectionSlug<C>>> {
  const found = new Map<string, DataFromCollectionSlug<C>>()
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100)
    const { docs } = await findPublic(payload, collection, { ...options, where: { id: { in: batch } } })
    // findPublic's result is typed for any collection (see there); these are whole records of `collection`.
    for (const doc of docs) found.set(String(doc.id), doc as DataFromCollectionSlug<C>)
  }
  return found
}
