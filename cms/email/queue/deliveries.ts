import type { Payload, PayloadRequest } from 'payload'
import type { DeliveryKind, DeliveryStatus } from '../../collections/MailDeliveries/options'
import type { ItemRef } from '../../publish/mail/items'

export interface DeliveryRow {
  id: string
  key: string
  kind: DeliveryKind
  status: DeliveryStatus
  subscriber: string | { id: string }
  to: string
  items?: ItemRef[] | null
  windowEnd?: string | null
  attempts?: number | null
  nextAttemptAt?: string | null
  lastAttemptAt?: string | null
  claimedAt?: string | null
  lastError?: string | null
}

export interface NewDelivery {
  key: string
  kind: DeliveryKind
  subscriber: string
  to: string
  items?: ItemRef[]
  windowEnd?: string
}

/** Keys: one message per subscriber and thing it is about. */
export const deliveryKey = {
  confirmation: (subscriberId: string, tokenKey: string) => `confirm:${subscriberId}:${tokenKey}`,
  notification: (subscriberId: string, ref: ItemRef) => `item:${subscriberId}:${ref.collection}:${ref.id}`,
  digest: (subscriberId: string, slot: Date) => `digest:${subscriberId}:${slot.toISOString()}`,
}

/** Why a notification was dropped when its content stopped being public (a republish re-queues it). */
export const WITHDRAWN = 'Nội dung đã gỡ xuất bản hoặc không còn công khai.'

export const subscriberIdOf = (row: DeliveryRow) => (typeof row.subscriber === 'object' ? row.subscriber.id : row.subscriber)

export async function findDeliveries(payload: Payload, keys: string[], req?: PayloadRequest): Promise<Map<string, DeliveryRow>> {
  const found = new Map<string, DeliveryRow>()
  for (let i = 0; i < keys.length; i += 200) {
    const { docs } = await payload.find({
      collection: 'mail-deliveries',
      where: { key: { in: keys.slice(i, i + 200) } },
      depth: 0,
      limit: 200,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const d of docs as unknown as DeliveryRow[]) found.set(d.key, d)
  }
  return found
}

/**
 * Writes the delivery unless its key exists. The check comes first (a failed insert would abort a
 * MongoDB transaction); the unique index on `key` stays the last word if two writers race.
 */
export async function enqueueDelivery(payload: Payload, delivery: NewDelivery, req?: PayloadRequest): Promise<'created' | 'exists'> {
  if ((await findDeliveries(payload, [delivery.key], req)).size > 0) return 'exists'
  await payload.create({
    collection: 'mail-deliveries',
    data: { ...delivery, status: 'queued', attempts: 0, nextAttemptAt: new Date().toISOString() } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return 'created'
}

export async function updateDelivery(payload: Payload, id: string, data: Record<string, unknown>) {
  await payload.update({ collection: 'mail-deliveries', id, data: data as never, depth: 0, overrideAccess: true })
}

/** Drops what is still waiting for a subscriber (unsubscribed, bounced, deleted). */
export async function cancelQueuedFor(payload: Payload, subscriberId: string, reason: string, req?: PayloadRequest) {
  await payload.update({
    collection: 'mail-deliveries',
    where: { and: [{ subscriber: { equals: subscriberId } }, { status: { equals: 'queued' } }] },
    data: { status: 'cancelled', lastError: reason } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
}
