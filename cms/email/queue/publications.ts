import type { Payload, PayloadRequest } from 'payload'
import type { MailPublication } from '../../payload-types'
import { refKey, type ItemRef } from '../../publish/mail/items'

export async function findPublication(payload: Payload, ref: ItemRef, req?: PayloadRequest): Promise<MailPublication | null> {
  const { docs } = await payload.find({
    collection: 'mail-publications',
    where: { key: { equals: refKey(ref) } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}

/** Records the first time an item became public; later publications keep the first time. */
export async function recordFirstPublication(payload: Payload, ref: ItemRef, title: string, req?: PayloadRequest): Promise<MailPublication> {
  const existing = await findPublication(payload, ref, req)
  if (existing) return existing
  return payload.create({
    collection: 'mail-publications',
    data: { key: refKey(ref), contentCollection: ref.collection, contentId: ref.id, title: title.slice(0, 300), firstPublishedAt: new Date().toISOString() },
    depth: 0,
    overrideAccess: true,
    req,
  })
}
