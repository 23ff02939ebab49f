import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest, Where } from 'payload'
import type { EditorialDoc } from '../lib/records'
import { relationIds } from '../lib/relations'
import { isDraftSave } from './draftFlag'

type UploadSlug = 'files' | 'media'
type UploadReference = { content: 'documents'; field: 'attachments'; upload: 'files' } | { content: 'news'; field: 'cover'; upload: 'media' }

/** Which content field points at which upload collection. */
export const UPLOAD_REFERENCES: ReadonlyArray<UploadReference> = [
  { content: 'documents', field: 'attachments', upload: 'files' },
  { content: 'news', field: 'cover', upload: 'media' },
]

/** The ids of the uploads a record uses through a reference's field (a document's attachments, a news cover). */
function uploadsOf(doc: EditorialDoc | null | undefined, field: UploadReference['field']): string[] {
  if (!doc) return []
  if (field === 'attachments') return 'attachments' in doc ? relationIds(doc.attachments) : []
  return 'cover' in doc ? relationIds(doc.cover) : []
}

export type Visibility = 'public' | 'members' | 'private'

/**
 * An uploaded file is as visible as the most visible published item that uses it, and private
 * (editorial board only) otherwise — so a members-only or unpublished attachment is never served
 * to an anonymous reader, even by a guessed URL.
 */
export async function visibilityOf(req: PayloadRequest, upload: UploadSlug, id: string): Promise<Visibility> {
  let result: Visibility = 'private'
  for (const ref of UPLOAD_REFERENCES.filter((r) => r.upload === upload)) {
    const uses: Where[] = [{ [ref.field]: { in: [id] } }, { _status: { equals: 'published' } }]
    const count = async (audience: string) =>
      (
        await req.payload.count({
          collection: ref.content,
          where: { and: [...uses, { audience: { equals: audience } }] },
          overrideAccess: true,
          req,
        })
      ).totalDocs
    if ((await count('public')) > 0) return 'public'
    if ((await count('members')) > 0) result = 'members'
  }
  return result
}

export async function refreshVisibility(req: PayloadRequest, upload: UploadSlug, ids: Iterable<string>) {
  for (const id of new Set(ids)) {
    const visibility = await visibilityOf(req, upload, id)
    const current = await req.payload.findByID({ collection: upload, id, depth: 0, req, disableErrors: true, overrideAccess: true })
    if (current && current.visibility !== visibility) {
      await req.payload.update({ collection: upload, id, data: { visibility }, depth: 0, req, overrideAccess: true })
    }
  }
}

export const syncUploadVisibility =
  (content: CollectionSlug): CollectionAfterChangeHook<EditorialDoc> =>
  async ({ doc, previousDoc, req }) => {
    if (isDraftSave(req, doc)) return doc
    for (const ref of UPLOAD_REFERENCES.filter((r) => r.content === content)) {
      await refreshVisibility(req, ref.upload, [...uploadsOf(doc, ref.field), ...uploadsOf(previousDoc, ref.field)])
    }
    return doc
  }

export const syncUploadVisibilityOnDelete =
  (content: CollectionSlug): CollectionAfterDeleteHook<EditorialDoc> =>
  async ({ doc, req }) => {
    for (const ref of UPLOAD_REFERENCES.filter((r) => r.content === content)) {
      await refreshVisibility(req, ref.upload, uploadsOf(doc, ref.field))
    }
    return doc
  }
