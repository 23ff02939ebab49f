import type { CollectionSlug, Payload, PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

/**
 * Creates a row under a unique `key` unless one exists: 'exists' for a repeat (a second tap, a
 * retried request). The check comes first; the unique index is the last word when two writers race.
 */
export async function insertOnce<C extends 'study-events' | 'point-awards'>(
  payload: Payload,
  collection: C,
  data: RequiredDataFromCollectionSlug<C> & { key: string },
  req?: PayloadRequest,
): Promise<'created' | 'exists'> {
  const found = await payload.count({ collection: collection as CollectionSlug, where: { key: { equals: data.key } }, overrideAccess: true, req })
  if (found.totalDocs > 0) return 'exists'
  try {
    await payload.create({ collection, data, depth: 0, overrideAccess: true, req } as never)
    return 'created'
  } catch (error) {
    const again = await payload.count({ collection: collection as CollectionSlug, where: { key: { equals: data.key } }, overrideAccess: true, req })
    if (again.totalDocs > 0) return 'exists'
    throw error
  }
}
