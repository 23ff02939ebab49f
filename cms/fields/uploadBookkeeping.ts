import type { Field } from 'payload'

/** Fields every upload collection keeps: who may see the file, and its name when imported. */
export const uploadBookkeepingFields = (visibleWhen: string): Field[] => [
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
      { label: 'Chỉ đảng viên', value: 'members' },
      { label: 'Nội bộ Ban Biên tập', value: 'private' },
    ],
    access: { update: () => false, create: () => false },
    admin: { readOnly: true, position: 'sidebar', description: visibleWhen },
  },
]
