import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type CollectionConfig } from 'payload'
import type { Organization } from '../payload-types'
import { fieldError } from '../lib/fieldError'
import { relationId } from '../lib/relations'
import { isStaffAccess } from '../access/isStaffAccess'
import { isAdmin } from '../access/isAdmin'
import { slugField } from '../fields/slug'
import { contentSyncHooks } from '../publish/hooks/queueContentSync'

/** Every member account belongs to an organization: one that still has members is not deleted. */
const keepMembersPlaced: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'members', where: { organization: { equals: id } }, overrideAccess: true, req })
  if (totalDocs > 0) {
    throw new APIError(`Tổ chức này còn ${totalDocs} tài khoản đảng viên. Hãy chuyển các đảng viên sang tổ chức khác trước khi xóa.`, 400, undefined, true)
  }
}

export const ORGANIZATION_KINDS = [
  { label: 'Cơ quan Trung ương', value: 'trung-uong', rank: 0 },
  { label: 'Tỉnh ủy / Thành ủy', value: 'tinh-uy', rank: 1 },
  { label: 'Đảng bộ trực thuộc', value: 'dang-bo-truc-thuoc', rank: 2 },
  { label: 'Đảng bộ cơ sở', value: 'dang-bo-co-so', rank: 3 },
  { label: 'Chi bộ', value: 'chi-bo', rank: 4 },
] as const

const rankOf = (kind: unknown) => ORGANIZATION_KINDS.find((k) => k.value === kind)?.rank ?? -1

/** A parent organization sits above its child, and no chain of parents loops back. */
const parentAbove: CollectionBeforeChangeHook<Organization> = async ({ data, originalDoc, req }) => {
  const parentId = relationId(data.parent)
  if (!parentId) return data
  const selfId = originalDoc?.id
  const fail = (message: string) => {
    throw fieldError(req, 'organizations', 'parent', message)
  }
  const parent = await req.payload.findByID({ collection: 'organizations', id: parentId, depth: 0, req, overrideAccess: true })
  if (rankOf(parent.kind) >= rankOf(data.kind ?? originalDoc?.kind)) {
    fail(`«${parent.name}» không thể là cấp trên của tổ chức này vì cấp trên phải ở cấp cao hơn.`)
  }
  let cursor: Organization | null = parent
  for (let depth = 0; cursor && depth < 10; depth++) {
    if (selfId && cursor.id === selfId) fail('Không thể chọn chính tổ chức này hoặc tổ chức cấp dưới của nó làm cấp trên.')
    const next = relationId(cursor.parent)
    cursor = next ? await req.payload.findByID({ collection: 'organizations', id: next, depth: 0, req, overrideAccess: true }) : null
  }
  return data
}

/** Tỉnh ủy → đảng bộ trực thuộc → đảng bộ cơ sở → chi bộ: a parent sits above its child and no loop forms. */
export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: { singular: 'Tổ chức đảng', plural: 'Tổ chức đảng' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'kind', 'parent'], group: 'Danh mục' },
  access: { read: () => true, create: isStaffAccess, update: isStaffAccess, delete: isAdmin },
  fields: [
    { name: 'name', label: 'Tên tổ chức', type: 'text', required: true, unique: true },
    {
      name: 'code',
      label: 'Ký hiệu cơ quan',
      type: 'text',
      admin: { description: 'Phần sau dấu "/" trong số, ký hiệu văn bản: TW, TU, VPTW, ĐU, CB…' },
    },
    { name: 'kind', label: 'Cấp tổ chức', type: 'select', required: true, options: ORGANIZATION_KINDS.map(({ label, value }) => ({ label, value })) },
    { name: 'parent', label: 'Trực thuộc', type: 'relationship', relationTo: 'organizations' },
    slugField<Organization>((d) => (typeof d.name === 'string' ? d.name : undefined)),
  ],
  hooks: {
    ...contentSyncHooks('organizations'),
    beforeChange: [parentAbove],
    beforeDelete: [keepMembersPlaced],
  },
}
