import type { Payload } from 'payload'
import { loadPublicItems, refKey, type ItemRef } from '../../publish/mail/items'
import { matches } from '../content/matches'
import { mailSettings } from '../settings'
import { activeChoices } from '../subscriptions/stored'
import { deliveryKey, enqueueDelivery, findDeliveries, updateDelivery, WITHDRAWN } from './deliveries'
import { findPublication, recordFirstPublication } from './publications'

export const FAN_OUT_PAGE = 200

export interface FanOutResult {
  created: number
  /** Cursor for the next page of subscribers; null when done. */
  next: string | null
  skipped?: 'not-public'
}

/**
 * Writes one notification delivery per matching "immediately" subscriber, a page of subscribers
 * per call. Idempotent: keys already present are left alone, so a retried or repeated fan-out
 * (a republish, a crash) never writes a second one. Subscribers confirmed after the item first
 * became public are not told about it.
 */
export async function fanOut(payload: Payload, ref: ItemRef, after: string | null): Promise<FanOutResult> {
  const item = (await loadPublicItems(payload, [ref], mailSettings().siteUrl)).get(refKey(ref))
  if (!item) return { created: 0, next: null, skipped: 'not-public' }
  const publication = (await findPublication(payload, ref)) ?? (await recordFirstPublication(payload, ref, item.title))

  const { docs } = await payload.find({
    collection: 'subscribers',
    where: {
      and: [
        { status: { equals: 'confirmed' } },
        { frequency: { equals: 'immediate' } },
        { confirmedAt: { less_than_equal: publication.firstPublishedAt } },
        ...(after ? [{ id: { greater_than: after } }] : []),
      ],
    },
    sort: 'id',
    depth: 0,
    limit: FAN_OUT_PAGE,
    pagination: false,
    overrideAccess: true,
  })
  const subscribers = docs.filter((s) => matches(activeChoices(s), item))
  const keys = subscribers.map((s) => deliveryKey.notification(String(s.id), ref))
  const existing = await findDeliveries(payload, keys)
  let created = 0
  for (const subscriber of subscribers) {
    const key = deliveryKey.notification(String(subscriber.id), ref)
    const found = existing.get(key)
    if (!found) {
      if ((await enqueueDelivery(payload, { key, kind: 'notification', subscriber: String(subscriber.id), to: subscriber.email, items: [ref] })) === 'created')
        created++
    } else if (found.status === 'cancelled' && found.lastError === WITHDRAWN) {
      // Withdrawn before it went out, and now public again: this is still the first notification.
      await updateDelivery(payload, found.id, { status: 'queued', nextAttemptAt: new Date().toISOString(), lastError: null })
      created++
    }
  }
  return { created, next: docs.length === FAN_OUT_PAGE ? String(docs[docs.length - 1].id) : null }
}
