import type { CollectionAfterChangeHook, DataFromCollectionSlug, PayloadRequest } from 'payload'
import type { NotifiableCollection } from '../publish/mail/items'
import { isPublicRecord } from '../publish/publicView'
import { recordFirstPublication } from '../email/queue/publications'
import { isDraftSave } from './draftFlag'
import { liveStatusBefore } from './liveStatus'

async function hasImmediateSubscribers(req: PayloadRequest): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection: 'subscribers',
    where: { and: [{ status: { equals: 'confirmed' } }, { frequency: { equals: 'immediate' } }] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * When an item becomes public (a publish, a scheduled publish, a switch to public), its first
 * publication time is recorded for the daily digest and a fan-out job is queued for "immediately"
 * subscribers — both in the publish's own transaction. Edits of live public content do nothing.
 * A bulk restore sets `context.silent` and notifies nobody.
 */
export const queueNotifications =
  (collection: NotifiableCollection): CollectionAfterChangeHook<DataFromCollectionSlug<NotifiableCollection>> =>
  async ({ doc, previousDoc, operation, req }) => {
    if (req.context.silent === true || isDraftSave(req, doc)) return doc
    if (!isPublicRecord(collection, doc)) return doc
    if (
      operation === 'update' &&
      liveStatusBefore(req, collection, doc.id) === 'published' &&
      isPublicRecord(collection, { ...previousDoc, _status: 'published' })
    ) {
      return doc
    }
    const ref = { collection, id: String(doc.id) }
    await recordFirstPublication(req.payload, ref, String(doc.title ?? doc.id), req)
    // The fan-out would find nobody; the digest reads the publication record instead.
    if (await hasImmediateSubscribers(req)) await req.payload.jobs.queue({ task: 'mailFanOut', input: ref, req })
    return doc
  }
