import type { CollectionConfig } from 'payload'
import type { Subject } from '../payload-types'
import { isAdmin } from '../access/isAdmin'
import { isStaffAccess } from '../access/isStaffAccess'
import { slugField } from '../fields/slug'
import { contentSyncHooks } from '../publish/hooks/queueContentSync'

/** Lĩnh vực: the fields a document belongs to, kept as a list so facets have one spelling each. */
export const Subjects: CollectionConfig = {
  slug: 'subjects',
  labels: { singular: 'Lĩnh vực', plural: 'Lĩnh vực' },
  admin: { useAsTitle: 'name', group: 'Danh mục' },
  access: { read: () => true, create: isStaffAccess, update: isStaffAccess, delete: isAdmin },
  hooks: contentSyncHooks('subjects'),
  fields: [
    { name: 'name', label: 'Tên lĩnh vực', type: 'text', required: true, unique: true },
    slugField<Subject>((d) => (typeof d.name === 'string' ? d.name : undefined)),
  ],
}
