import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import type { EditorialDoc } from '../lib/records'
import { isDraftSave } from './draftFlag'
import { liveStatusBefore } from './liveStatus'

type Action = 'publish' | 'unpublish' | 'delete'

async function record(req: PayloadRequest, action: Action, collection: string, doc: EditorialDoc, fromStatus: string) {
  await req.payload.create({
    collection: 'audit-logs',
    req,
    data: {
      action,
      collectionSlug: collection,
      documentId: String(doc.id),
      // A draft may be saved without a title; its slug or id names it then.
      documentTitle: String(doc.title ?? doc.slug ?? doc.id).slice(0, 500),
      user: req.user?.collection === 'users' ? req.user.id : undefined,
      userEmail: req.user?.email ?? 'hệ thống',
      fromStatus,
      at: new Date().toISOString(),
    },
  })
}

/** Publish and unpublish leave a trace: who, when, which item, from which status. */
export const auditPublication: CollectionAfterChangeHook<EditorialDoc> = async ({ doc, operation, req, collection }) => {
  if (isDraftSave(req, doc)) return doc
  const from = operation === 'create' ? 'new' : (liveStatusBefore(req, collection.slug, doc.id) ?? 'draft')
  const to = doc._status
  if (to === 'published' && from !== 'published') await record(req, 'publish', collection.slug, doc, from)
  else if (from === 'published' && to !== 'published') await record(req, 'unpublish', collection.slug, doc, from)
  return doc
}

export const auditDeletion: CollectionAfterDeleteHook<EditorialDoc> = async ({ doc, req, collection }) => {
  await record(req, 'delete', collection.slug, doc, doc._status ?? 'draft')
  return doc
}
