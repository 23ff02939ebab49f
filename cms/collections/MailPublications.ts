import type { CollectionConfig } from 'payload'
import { isAdmin } from '../access/isAdmin'

/**
 * When each public item first became public. The fan-out only notifies subscribers who were
 * already confirmed at that moment, and the daily digest collects the items of its window from
 * here — an edit, an unpublish and a republish never make an item "new" again.
 */
export const MailPublications: CollectionConfig = {
  slug: 'mail-publications',
  labels: { singular: 'Nội dung đã báo tin', plural: 'Nội dung đã báo tin' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'contentCollection', 'firstPublishedAt'],
    group: 'Thư điện tử',
    description: 'Thời điểm mỗi nội dung công khai được xuất bản lần đầu (dùng để báo tin cho người đăng ký).',
  },
  defaultSort: '-firstPublishedAt',
  access: { read: isAdmin, create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    {
      name: 'contentCollection',
      label: 'Loại nội dung',
      type: 'select',
      required: true,
      options: [
        { label: 'Văn bản', value: 'documents' },
        { label: 'Tin tức', value: 'news' },
        { label: 'Chuyên đề', value: 'topics' },
      ],
    },
    { name: 'contentId', label: 'Mã nội dung', type: 'text', required: true },
    { name: 'title', label: 'Tiêu đề', type: 'text' },
    { name: 'firstPublishedAt', label: 'Xuất bản lần đầu', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
