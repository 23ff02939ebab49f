import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, DataFromCollectionSlug, PayloadRequest } from 'payload'
import { isSiteCollection, type SiteCollection } from '../../../library/store'
import { isSearchableCollection, type SearchableCollection } from '../search/items'
import { isReferencedCollection, type ReferencedCollection } from '../search/references'
import { wakeJobRunner } from '../../jobs/runner'

/**
 * Every change to a record the public sees queues its sync jobs — the site (always) and search
 * (documents, news, topics) — in the same transaction as the change (an outbox): the job rows
 * exist exactly when the change does. The jobs re-read the record, so drafts, unpublishing, a
 * switch to members-only and deletion all come out right. The runner is woken so the change is
 * live within seconds rather than at its next poll.
 */
async function queue(req: PayloadRequest, collection: SyncedCollection, id: string) {
  if (isSiteCollection(collection)) await req.payload.jobs.queue({ task: 'syncSite', input: { collection, id }, req })
  if (isSearchableCollection(collection)) await req.payload.jobs.queue({ task: 'syncSearch', input: { collection, id }, req })
  wakeJobRunner()
}

/** What follows the CMS through jobs: the site's library store, the search indexes (announcements: only the members'). */
export type SyncedCollection = SiteCollection | SearchableCollection
export const isSyncedCollection = (value: string): value is SyncedCollection => isSiteCollection(value) || isSearchableCollection(value)

/**
 * A record created where nothing outward can show it — a draft, a private upload — has nothing to
 * carry to the site or the indexes yet: the change that later makes it visible (publishing; an
 * upload's visibility following the item that uses it) queues its sync. Skipping those creations
 * spares a bulk import of drafts its job rows per original, each a no-op for the worker.
 */
function createdUnseen(doc: { _status?: unknown; visibility?: unknown }): boolean {
  return doc._status === 'draft' || doc.visibility === 'private'
}

export const queueContentSync =
  <C extends SyncedCollection>(collection: C): CollectionAfterChangeHook<DataFromCollectionSlug<C>> =>
  async ({ doc, operation, req }) => {
    if (operation === 'create' && createdUnseen(doc as { _status?: unknown; visibility?: unknown })) return doc
    await queue(req, collection, String(doc.id))
    return doc
  }

export const queueContentSyncOnDelete =
  <C extends SyncedCollection>(collection: C): CollectionAfterDeleteHook<DataFromCollectionSlug<C>> =>
  async ({ id, req }) => {
    await queue(req, collection, String(id))
  }

/** What of a record documents' search items show (issuer and field names, an original's text). */
const SHOWN_IN_SEARCH: { [C in ReferencedCollection]: (keyof DataFromCollectionSlug<C>)[] } = {
  organizations: ['name', 'slug', 'code'],
  subjects: ['name', 'slug'],
  files: ['extractedText'],
}

/** A renamed organization or field, or a replaced original: the documents using it are re-indexed. */
export const queueReferenceSync =
  <C extends ReferencedCollection>(collection: C): CollectionAfterChangeHook<DataFromCollectionSlug<C>> =>
  async ({ doc, previousDoc, operation, req }) => {
    if (operation === 'update' && SHOWN_IN_SEARCH[collection].some((field) => doc[field] !== previousDoc?.[field])) {
      await req.payload.jobs.queue({ task: 'syncSearchReferences', input: { collection, id: String(doc.id) }, req })
      wakeJobRunner()
    }
    return doc
  }

/** The hooks for collections the site shows but that have no editorial workflow. */
export const contentSyncHooks = (collection: SiteCollection): { afterChange: CollectionAfterChangeHook[]; afterDelete: CollectionAfterDeleteHook[] } => ({
  afterChange: [queueContentSync(collection), ...(isReferencedCollection(collection) ? [queueReferenceSync(collection)] : [])],
  afterDelete: [queueContentSyncOnDelete(collection)],
})
