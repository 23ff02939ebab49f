import type { CollectionConfig } from 'payload'
import { isAdmin } from '../access/isAdmin'
import { canPublish } from '../access/roles'

/** Nhật ký: publish, unpublish and delete, and the handling of members' questions; written by hooks only and never edited. */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  labels: { singular: 'Nhật ký', plural: 'Nhật ký xuất bản' },
  admin: {
    useAsTitle: 'documentTitle',
    defaultColumns: ['at', 'action', 'collectionSlug', 'documentTitle', 'userEmail', 'fromStatus'],
    group: 'Quản trị',
  },
  defaultSort: '-at',
  access: {
    read: ({ req }) => canPublish(req.user),
    create: () => false,
    update: () => false,
    delete: isAdmin,
  },
  fields: [
    {
      name: 'action',
      label: 'Thao tác',
      type: 'select',
      required: true,
      index: true,
      options: [
        { label: 'Xuất bản', value: 'publish' },
        { label: 'Gỡ xuất bản', value: 'unpublish' },
        { label: 'Xóa', value: 'delete' },
        { label: 'Đổi trạng thái', value: 'status' },
        { label: 'Phân công', value: 'assign' },
        { label: 'Trả lời', value: 'answer' },
      ],
    },
    { name: 'collectionSlug', label: 'Loại nội dung', type: 'text', required: true, index: true },
    { name: 'documentId', label: 'Mã nội dung', type: 'text', required: true, index: true },
    { name: 'documentTitle', label: 'Tiêu đề', type: 'text' },
    { name: 'user', label: 'Người thực hiện', type: 'relationship', relationTo: 'users' },
    { name: 'userEmail', label: 'Email người thực hiện', type: 'text' },
    { name: 'fromStatus', label: 'Trạng thái trước', type: 'text' },
    { name: 'detail', label: 'Chi tiết', type: 'textarea' },
    { name: 'at', label: 'Thời điểm', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
