import type { Field } from 'payload'
import { isStaff } from '../access/roles'
import { organizationField } from './organization'

/**
 * Fields every upload collection keeps: the organization it belongs to (a contributor's own, set for
 * them; only staff may move it), who may see the file, and its name when imported.
 */
export const uploadBookkeepingFields = (visibleWhen: string): Field[] => [
  {
    ...organizationField('organization', 'Tổ chức đảng', false),
    access: { update: ({ req }) => isStaff(req.user) },
    admin: { position: 'sidebar', description: 'Cộng tác viên chỉ thấy và sửa tệp chưa xuất bản của tổ chức mình.' },
  } as Field,
  {
    name: 'sourceName',
    label: 'Tên tệp gốc khi nhập',
    type: 'text',
    index: true,
    admin: { readOnly: true, position: 'sidebar', description: 'Dùng để lần nhập sau nhận ra tệp đã có.' },
  },
  {
    name: 'visibility',
    label: 'Phạm vi hiển thị',
    type: 'select',
    defaultValue: 'private',
    index: true,
    options: [
      { label: 'Công khai', value: 'public' },
      { label: 'Mọi đảng viên', value: 'members' },
      { label: 'Đảng viên của tổ chức', value: 'organization' },
      { label: 'Nội bộ Ban Biên tập', value: 'private' },
    ],
    access: { update: () => false, create: () => false },
    admin: { readOnly: true, position: 'sidebar', description: visibleWhen },
  },
  {
    name: 'visibleTo',
    label: 'Tổ chức được xem',
    type: 'relationship',
    relationTo: 'organizations',
    hasMany: true,
    access: { update: () => false, create: () => false },
    admin: {
      readOnly: true,
      position: 'sidebar',
      condition: (data) => data?.visibility === 'organization',
      description: 'Đảng viên của các tổ chức này và các tổ chức trực thuộc.',
    },
  },
]
