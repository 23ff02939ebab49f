import type { CollectionSlug, FieldHook, PayloadRequest, RelationshipField, TypeWithID, UploadField } from 'payload'
import { isEditorial } from '../access/roles'
import type { EditorialDoc } from '../lib/records'
import { relationId } from '../lib/relations'

/** A relation to one collection as a field holds it: an id, or the record when populated. */
type Related = string | number | TypeWithID

const CACHE = 'soTayReadableIds'

/** Which of these ids the request's user may read, remembered for the rest of the request. */
async function readable(req: PayloadRequest, collection: CollectionSlug, ids: string[]): Promise<Set<string>> {
  const cache = ((req.context[CACHE] as Record<string, Map<string, boolean>> | undefined) ??= {})
  const known = (cache[collection] ??= new Map())
  const unknown = [...new Set(ids.filter((id) => !known.has(id)))]
  if (unknown.length > 0) {
    // Without `req`: a separate read that selects ids only, so no relation hooks run inside it.
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: unknown } },
      select: {},
      depth: 0,
      limit: unknown.length,
      pagination: false,
      overrideAccess: false,
      user: req.user ?? undefined,
    })
    const found = new Set(docs.map((d) => String(d.id)))
    for (const id of unknown) known.set(id, found.has(id))
  }
  return new Set(ids.filter((id) => known.get(id)))
}

/**
 * Payload leaves the bare id in a relation it may not populate for the reader, which tells an
 * anonymous visitor that a members-only or unpublished document exists (and its id). Over REST and
 * GraphQL, readers outside the editorial board get only the relations they may open. Server code
 * (Local API: the site and search sync) keeps every id — it re-reads each target with the same rules.
 */
const hideUnreadable =
  (collection: CollectionSlug): FieldHook<EditorialDoc, Related | Related[] | null | undefined> =>
  async ({ value, req, overrideAccess }) => {
    if (overrideAccess || req.payloadAPI === 'local' || isEditorial(req.user) || value === null || value === undefined) return value
    const list = Array.isArray(value) ? value : [value]
    const ids = list.map(relationId).filter((id): id is string => id !== undefined)
    const allowed = await readable(req, collection, ids)
    const kept = list.filter((v) => {
      const id = relationId(v)
      return id !== undefined && allowed.has(id)
    })
    return Array.isArray(value) ? kept : (kept[0] ?? null)
  }

/** A relationship or upload field to one collection, with unreadable targets hidden from readers. */
export function readableRelation<F extends RelationshipField | UploadField>(field: F): F {
  if (typeof field.relationTo !== 'string') throw new Error(`readableRelation: ${field.name} must point at one collection`)
  const hooks = field.hooks ?? {}
  return { ...field, hooks: { ...hooks, afterRead: [...(hooks.afterRead ?? []), hideUnreadable(field.relationTo as CollectionSlug)] } }
}
