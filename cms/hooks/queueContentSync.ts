import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import type { SiteCollection } from '../../site/store/db'
import { isSearchableCollection } from '../../search/sync/items'
import { wakeJobRunner } from '../jobs/runner'

/**
 * Every change to a record the public sees queues its sync jobs — the site (always) and search
 * (documents, news, topics) — in the same transaction as the change (an outbox): the job rows
 * exist exactly when the change does. The jobs re-read the record, so drafts, unpublishing, a
 * switch to members-only and deletion all come out right. The runner is woken so the change is
 * live within seconds rather than at its next poll.
 */
async function queue(req: PayloadRequest, collection: SiteCollection, id: string) {
  await req.payload.jobs.queue({ task: 'syncSite', input: { collection, id }, req })
  if (isSearchableCollection(collection)) await req.payload.jobs.queue({ task: 'syncSearch', input: { collection, id }, req })
  wakeJobRunner()
}

export const queueContentSync =
  (collection: SiteCollection): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await queue(req, collection, String(doc.id))
    return doc
  }

export const queueContentSyncOnDelete =
  (collection: SiteCollection): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await queue(req, collection, String(id))
  }

/** The two hooks, for collections the site shows but that have no editorial workflow. */
export const contentSyncHooks = (collection: SiteCollection) => ({
  afterChange: [queueContentSync(collection)],
  afterDelete: [queueContentSyncOnDelete(collection)],
})
