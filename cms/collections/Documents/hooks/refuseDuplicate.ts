import type { CollectionBeforeChangeHook } from 'payload'
import type { Document } from '../../../payload-types'
import { normalizeDay } from '../../../fields/dayOnly'
import { fieldError } from '../../../lib/fieldError'

const vnDate = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso))

/**
 * Numbers restart every term, so "21-NQ/TW" alone is not unique; the same number from the same
 * issuer on the same day is the same document. Refused with the existing one named, so the editor
 * can open it instead. (A unique index backs this up against concurrent saves.)
 */
export const refuseDuplicate: CollectionBeforeChangeHook<Document> = async ({ data, originalDoc, req, collection }) => {
  const numberKey = data.numberKey
  const issuer = data.issuer ?? originalDoc?.issuer
  // Collection hooks run before field hooks, so the day is normalized here as the field will store it.
  const issuedAt = normalizeDay(data.issuedAt ?? originalDoc?.issuedAt)
  if (!numberKey || !issuer || !issuedAt) return data
  const issuerId = typeof issuer === 'object' ? issuer.id : issuer
  const found = await req.payload.find({
    collection: 'documents',
    where: {
      and: [
        { numberKey: { equals: numberKey } },
        { issuer: { equals: issuerId } },
        { issuedAt: { equals: issuedAt } },
        ...(originalDoc?.id ? [{ id: { not_equals: originalDoc.id } }] : []),
      ],
    },
    depth: 1,
    limit: 1,
    // Only whether one exists (no count query on every save), and what the message names.
    pagination: false,
    select: { number: true, issuer: true, issuedAt: true, title: true, slug: true },
    overrideAccess: true,
    req,
  })
  const existing = found.docs[0]
  if (existing) {
    const issuerName = typeof existing.issuer === 'object' && existing.issuer ? existing.issuer.name : ''
    throw fieldError(
      req,
      collection.slug,
      'number',
      `Đã có văn bản số ${existing.number} của ${issuerName} ngày ${vnDate(String(existing.issuedAt))}, ` +
        `«${existing.title}» (đường dẫn ${existing.slug}). Không tạo bản trùng; hãy mở và sửa văn bản đã có.`,
    )
  }
  return data
}
