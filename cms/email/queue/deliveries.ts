import type { Payload, PayloadRequest } from 'payload'
import type { DeliveryKind } from '../../collections/MailDeliveries/options'
import type { MailDelivery } from '../../payload-types'
import { isNotifiable, type ItemRef } from '../../publish/mail/items'

export interface NewDelivery {
  key: string
  kind: DeliveryKind
  /** A subscriber's mail, or a party member's (`member`). */
  subscriber?: string
  member?: string
  to: string
  items?: ItemRef[]
  windowEnd?: string
}

/** What a delivery's status and bookkeeping fields are set to. */
export type DeliveryChange = Partial<Omit<MailDelivery, 'id' | 'key' | 'kind' | 'subscriber' | 'to' | 'items' | 'updatedAt' | 'createdAt'>>

/** Keys: one message per subscriber and thing it is about. */
export const deliveryKey = {
  confirmation: (subscriberId: string, tokenKey: string) => `confirm:${subscriberId}:${tokenKey}`,
  notification: (subscriberId: string, ref: ItemRef) => `item:${subscriberId}:${ref.collection}:${ref.id}`,
  digest: (subscriberId: string, slot: Date) => `digest:${subscriberId}:${slot.toISOString()}`,
  studyReminder: (memberId: string, campaignId: string) => `study-reminder:${memberId}:${campaignId}`,
  // One reminder per meeting and member, however often the reminder run looks.
  meetingReminder: (announcementId: string, memberId: string) => `meeting-reminder:${announcementId}:${memberId}`,
  questionAnswered: (questionId: string) => `question-answered:${questionId}`,
}

/** Why a notification was dropped when its content stopped being public (a republish re-queues it). */
export const WITHDRAWN = 'Nội dung đã gỡ xuất bản hoặc không còn công khai.'

export const subscriberIdOf = (row: MailDelivery): string | null =>
  row.subscriber ? (typeof row.subscriber === 'object' ? row.subscriber.id : row.subscriber) : null

const isItemRef = (value: unknown): value is ItemRef =>
  typeof value === 'object' &&
  value !== null &&
  'collection' in value &&
  'id' in value &&
  typeof value.collection === 'string' &&
  isNotifiable(value.collection) &&
  typeof value.id === 'string'

/** The items a notification or digest is about (a JSON field: written from `ItemRef`s by enqueueDelivery). */
export const itemsOf = (row: MailDelivery): ItemRef[] => (Array.isArray(row.items) ? row.items.filter(isItemRef) : [])

export async function findDeliveries(payload: Payload, keys: string[], req?: PayloadRequest): Promise<Map<string, MailDelivery>> {
  const found = new Map<string, MailDelivery>()
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
    for (const d of docs) found.set(d.key, d)
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
    data: { ...delivery, status: 'queued', attempts: 0, nextAttemptAt: new Date().toISOString() },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return 'created'
}

export async function updateDelivery(payload: Payload, id: string, data: DeliveryChange) {
  await payload.update({ collection: 'mail-deliveries', id, data, depth: 0, overrideAccess: true })
}

/** Drops what is still waiting for a subscriber (unsubscribed, bounced, deleted). */
export async function cancelQueuedFor(payload: Payload, subscriberId: string, reason: string, req?: PayloadRequest) {
  await payload.update({
    collection: 'mail-deliveries',
    where: { and: [{ subscriber: { equals: subscriberId } }, { status: { equals: 'queued' } }] },
    data: { status: 'cancelled', lastError: reason },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
