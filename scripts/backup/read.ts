import type { Payload, Where } from 'payload'
import { JOBS_COLLECTION, KEPT_JOBS, TRANSIENT_USER_FIELDS, type BackedUpCollection } from './format'

const PAGE = 250

type Row = Record<string, unknown>

/**
 * The stored records of one collection, page by page in id order (stable while paging). Read
 * through the adapter, so hidden fields (password hash and salt) and upload metadata come as stored.
 */
export async function* readRecords(payload: Payload, collection: BackedUpCollection): AsyncGenerator<Row> {
  const where: Where = collection.slug === JOBS_COLLECTION ? KEPT_JOBS : {}
  for (let page = 1; ; page++) {
    // joins: false leaves out the join fields (reverse relations), which are computed, not stored.
    const result = await payload.db.find<Row>({ collection: collection.slug, where, sort: 'id', limit: PAGE, page, pagination: true, joins: false as never })
    for (const doc of result.docs) {
      const record: Row = { ...doc }
      if (collection.auth) for (const field of TRANSIENT_USER_FIELDS) delete record[field]
      yield record
    }
    if (!result.hasNextPage) return
  }
}

/**
 * The version history of one collection, oldest first: a restore writes them back in this order,
 * and the adapter then marks the newest of each document as the latest, as it did originally.
 */
export async function* readVersions(payload: Payload, collection: BackedUpCollection): AsyncGenerator<Row> {
  for (let page = 1; ; page++) {
    const result = await payload.db.findVersions<Row>({ collection: collection.slug, sort: ['updatedAt', 'id'], limit: PAGE, page, pagination: true })
    for (const version of result.docs) yield { ...(version as Row) }
    if (!result.hasNextPage) return
  }
}

export async function countRecords(payload: Payload, collection: BackedUpCollection): Promise<number> {
  const where: Where = collection.slug === JOBS_COLLECTION ? KEPT_JOBS : {}
  return (await payload.db.count({ collection: collection.slug, where })).totalDocs
}

export async function countVersions(payload: Payload, collection: BackedUpCollection): Promise<number> {
  if (!collection.versions) return 0
  return (await payload.db.countVersions({ collection: collection.slug, where: {} })).totalDocs
}
