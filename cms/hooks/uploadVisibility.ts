import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest, Where } from 'payload'
import type { EditorialDoc } from '../lib/records'
import { relationId, relationIds } from '../lib/relations'
import { isDraftSave } from './draftFlag'

type UploadSlug = 'files' | 'media'
type UploadReference = { content: 'documents' | 'announcements'; field: 'attachments'; upload: 'files' } | { content: 'news'; field: 'cover'; upload: 'media' }

/** Which content field points at which upload collection. */
export const UPLOAD_REFERENCES: ReadonlyArray<UploadReference> = [
  { content: 'documents', field: 'attachments', upload: 'files' },
  { content: 'announcements', field: 'attachments', upload: 'files' },
  { content: 'news', field: 'cover', upload: 'media' },
]

/** The ids of the uploads a record uses through a reference's field (attachments of a document or an announcement, a news cover). */
function uploadsOf(doc: EditorialDoc | null | undefined, field: UploadReference['field']): string[] {
  if (!doc) return []
  if (field === 'attachments') return 'attachments' in doc ? relationIds(doc.attachments) : []
  return 'cover' in doc ? relationIds(doc.cover) : []
}

export type Visibility = 'public' | 'members' | 'organization' | 'private'

export interface UploadVisibility {
  visibility: Visibility
  /** With 'organization': the organizations whose members (and those below) may read the file. */
  visibleTo: string[]
}

/**
 * An uploaded file is as visible as the most visible published item that uses it — public, all
 * members, the members of some organizations — and private (editorial board only) otherwise, so a
 * members-only or unpublished attachment is never served to a reader who may not read its item,
 * even by a guessed URL.
 */
export async function visibilityOf(req: PayloadRequest, upload: UploadSlug, id: string): Promise<UploadVisibility> {
  let visibility: Visibility = 'private'
  const organizations = new Set<string>()
  for (const ref of UPLOAD_REFERENCES.filter((r) => r.upload === upload)) {
    const uses: Where[] = [{ [ref.field]: { in: [id] } }, { _status: { equals: 'published' } }]
    const count = async (audience: string) =>
      (await req.payload.count({ collection: ref.content, where: { and: [...uses, { audience: { equals: audience } }] }, overrideAccess: true, req })).totalDocs
    if ((await count('public')) > 0) return { visibility: 'public', visibleTo: [] }
    if ((await count('members')) > 0) visibility = 'members'
    const scoped = await req.payload.find({
      collection: ref.content,
      where: { and: [...uses, { audience: { equals: 'organization' } }] },
      overrideAccess: true,
      depth: 0,
      pagination: false,
      select: { audienceOrganization: true },
      req,
    })
    for (const doc of scoped.docs) {
      const org = relationId(doc.audienceOrganization)
      if (org) organizations.add(org)
    }
  }
  if (visibility === 'members') return { visibility, visibleTo: [] }
  if (organizations.size > 0) return { visibility: 'organization', visibleTo: [...organizations].sort() }
  return { visibility: 'private', visibleTo: [] }
}

export async function refreshVisibility(req: PayloadRequest, upload: UploadSlug, ids: Iterable<string>) {
  for (const id of new Set(ids)) {
    const next = await visibilityOf(req, upload, id)
    const current = await req.payload.findByID({ collection: upload, id, depth: 0, req, disableErrors: true, overrideAccess: true })
    if (!current) continue
    const currentTo = relationIds(current.visibleTo).sort()
    if (current.visibility !== next.visibility || currentTo.join() !== next.visibleTo.join()) {
      await req.payload.update({
        collection: upload,
        id,
        data: { visibility: next.visibility, visibleTo: next.visibleTo },
        depth: 0,
        req,
        overrideAccess: true,
      })
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
