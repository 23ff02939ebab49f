import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type Where } from 'payload'
import { loadPublicItems, refKey, type ItemRef, type MailItem } from '../../publish/mail/items'
import { matches } from '../content/matches'
import { mailSettings } from '../settings'
import type { Subscriber } from '../../payload-types'
import { activeChoices } from '../subscriptions/stored'
import { deliveryKey, enqueueDelivery } from './deliveries'

const DAY = 24 * 60 * 60 * 1000
/** Vietnam has one offset all year (UTC+7, no daylight saving). */
const VIETNAM_OFFSET = 7 * 60 * 60 * 1000
/** A digest never reaches further back than this (e.g. after the sender was stopped for days). */
export const DIGEST_MAX_WINDOW = 7 * DAY
export const DIGEST_PAGE = 100

/** The latest digest time (MAIL_DIGEST_HOUR o'clock, Vietnam time) at or before `now`. */
export function digestSlot(now: Date, hour = mailSettings().digestHour): Date {
  const local = now.getTime() + VIETNAM_OFFSET
  let slot = Math.floor(local / DAY) * DAY + hour * 60 * 60 * 1000
  if (slot > local) slot -= DAY
  return new Date(slot - VIETNAM_OFFSET)
}

/** Daily subscribers whose digest for `slot` has not been made yet. */
export function dueForDigest(slot: Date): Where {
  const iso = slot.toISOString()
  return {
    and: [
      { status: { equals: 'confirmed' } },
      { frequency: { equals: 'daily' } },
      { confirmedAt: { less_than: iso } },
      { or: [{ lastDigestAt: { exists: false } }, { lastDigestAt: { less_than: iso } }] },
    ],
  }
}

export interface DigestRunResult {
  subscribers: number
  created: number
  next: string | null
}

/**
 * Makes the digest deliveries of one slot for a page of subscribers. Each subscriber's digest
 * holds what became public in (last digest, slot] and is still public and matching now; writing
 * the delivery and moving `lastDigestAt` happen in one transaction, so a crash can neither lose a
 * window nor put an item in two digests.
 */
export async function buildDigests(payload: Payload, slot: Date, after: string | null): Promise<DigestRunResult> {
  const { docs: subscribers } = await payload.find({
    collection: 'subscribers',
    where: { and: [dueForDigest(slot), ...(after ? [{ id: { greater_than: after } }] : [])] },
    sort: 'id',
    depth: 0,
    limit: DIGEST_PAGE,
    pagination: false,
    overrideAccess: true,
  })
  const floor = slot.getTime() - DIGEST_MAX_WINDOW
  const since = (s: Subscriber) => Math.max(floor, new Date(s.lastDigestAt ?? s.confirmedAt ?? slot).getTime())
  const earliest = Math.min(...subscribers.map(since), slot.getTime())

  const { docs: publications } = await payload.find({
    collection: 'mail-publications',
    where: { and: [{ firstPublishedAt: { greater_than: new Date(earliest).toISOString() } }, { firstPublishedAt: { less_than_equal: slot.toISOString() } }] },
    sort: 'firstPublishedAt',
    depth: 0,
    limit: 2000,
    pagination: false,
    overrideAccess: true,
  })
  const refs: ItemRef[] = publications.map((p) => ({ collection: p.contentCollection, id: p.contentId }))
  const live = await loadPublicItems(payload, refs, mailSettings().siteUrl)

  let created = 0
  for (const subscriber of subscribers) {
    const from = since(subscriber)
    const choices = activeChoices(subscriber)
    const chosen = publications
      .filter((p) => new Date(p.firstPublishedAt).getTime() > from)
      .map((p) => live.get(refKey({ collection: p.contentCollection, id: p.contentId })))
      .filter((i): i is MailItem => Boolean(i) && matches(choices, i!))
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      if (chosen.length > 0) {
        const made = await enqueueDelivery(
          payload,
          {
            key: deliveryKey.digest(String(subscriber.id), slot),
            kind: 'digest',
            subscriber: String(subscriber.id),
            to: subscriber.email,
            items: chosen.map((i) => i.ref),
            windowEnd: slot.toISOString(),
          },
          req,
        )
        if (made === 'created') created++
      }
      await payload.update({ collection: 'subscribers', id: subscriber.id, data: { lastDigestAt: slot.toISOString() }, depth: 0, overrideAccess: true, req })
      await commitTransaction(req)
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  }
  return { subscribers: subscribers.length, created, next: subscribers.length === DIGEST_PAGE ? String(subscribers[subscribers.length - 1].id) : null }
}
