import crypto from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { env } from '../../core/env/cms'

const COLLECTION = 'request-counts'

export interface Count {
  /** Requests counted in the current window, this one included. */
  count: number
  /** When the window ends. */
  resetsAt: Date
}

/** Subjects are stored only as keyed hashes: the table never holds an address in the clear. */
const hashed = (subject: string) => crypto.createHmac('sha256', env().PAYLOAD_SECRET).update(subject).digest('base64url').slice(0, 32)

/**
 * Counts one request of `limit` by `subject` in the current fixed window and returns the total.
 * The increment is one atomic database update, so parallel requests in several CMS processes
 * are all counted. Inside the request's transaction when it has one (SQLite allows one writer):
 * a request refused later takes its count back, which leaves the counter at the limit.
 */
export async function countRequest(
  payload: Payload,
  limit: string,
  subject: string,
  windowMs: number,
  { now = Date.now(), req }: { now?: number; req?: PayloadRequest } = {},
): Promise<Count> {
  const window = Math.floor(now / windowMs)
  const resetsAt = new Date((window + 1) * windowMs)
  const key = `${limit}:${hashed(subject)}:${window}`
  const bump = async () =>
    (await payload.db.updateOne({
      collection: COLLECTION,
      where: { key: { equals: key } },
      data: { count: { $inc: 1 } },
      req,
    })) as { count?: number } | null
  const bumped = await bump()
  if (bumped?.count) return { count: bumped.count, resetsAt }
  try {
    await payload.db.create({ collection: COLLECTION, data: { key, count: 1, expiresAt: resetsAt.toISOString() }, req })
  } catch (error) {
    // Another request created this window's row first (the key is unique): count on it.
    const again = await bump()
    if (again?.count) return { count: again.count, resetsAt }
    throw error
  }
  // A new window: counters of windows that have ended are no longer needed.
  await payload.db.deleteMany({ collection: COLLECTION, where: { expiresAt: { less_than_equal: new Date(now).toISOString() } }, req })
  return { count: 1, resetsAt }
}
