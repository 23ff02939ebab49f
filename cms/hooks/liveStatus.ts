import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import type { EditorialDoc } from '../lib/records'

const KEY = 'soTayLiveStatus'
type Store = Record<string, string | undefined>

/**
 * The status readers see is the main record's, not the latest version's: after a draft is saved
 * over a published item, `originalDoc._status` says "draft" while the item is still live. Workflow
 * and audit decisions need the live status, so it is read from the database before the change.
 */
export const rememberLiveStatus: CollectionBeforeChangeHook<EditorialDoc> = async ({ data, operation, originalDoc, req, collection }) => {
  if (operation !== 'update' || !originalDoc?.id) return data
  const live = await req.payload.db.findOne<EditorialDoc>({
    collection: collection.slug,
    where: { id: { equals: originalDoc.id } },
    req,
  })
  const store = ((req.context[KEY] as Store | undefined) ??= {})
  store[`${collection.slug}:${originalDoc.id}`] = live?._status ?? 'draft'
  return data
}

/** Live status before this change; undefined for a new item. */
export function liveStatusBefore(req: PayloadRequest, collection: string, id: unknown): string | undefined {
  return (req.context[KEY] as Store | undefined)?.[`${collection}:${String(id)}`]
}
