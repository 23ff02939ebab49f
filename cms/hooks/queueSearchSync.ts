import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import type { SearchableCollection } from '../../search/sync/items'

/**
 * Every change to a searchable record queues a search sync job, in the same transaction as the
 * change (an outbox): the job row exists exactly when the change does. The job re-reads the record,
 * so drafts, unpublishing, a switch to members-only and deletion all come out right.
 */
async function queue(req: PayloadRequest, collection: SearchableCollection, id: string) {
  await req.payload.jobs.queue({ task: 'syncSearch', input: { collection, id }, req })
}

export const queueSearchSync =
  (collection: SearchableCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await queue(req, collection, String(doc.id))
    return doc
  }

export const queueSearchSyncOnDelete =
  (collection: SearchableCollection): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await queue(req, collection, String(id))
  }
