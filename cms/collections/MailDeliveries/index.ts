import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { DELIVERY_KINDS, DELIVERY_STATUSES } from './options'

const at = { readOnly: true, date: { pickerAppearance: 'dayAndTime' as const } }

/**
 * One row per message that must go out exactly once: the unique `key` names the subscriber and
 * what the message is about, so a repeated fan-out, a retried job or a restarted sender can never
 * produce a second one. The rows are also the sender's queue (status, next attempt, claim) and
 * the admin's view of what failed.
 */
export const MailDeliveries: CollectionConfig = {
  slug: 'mail-deliveries',
  labels: { singular: 'Thư gửi đi', plural: 'Thư gửi đi' },
  admin: {
    useAsTitle: 'to',
    defaultColumns: ['to', 'kind', 'status', 'attempts', 'smtpCode', 'lastError', 'updatedAt'],
    listSearchableFields: ['to', 'lastError'],
    group: 'Thư điện tử',
    description:
      'Mỗi thư gửi cho người đăng ký hoặc đảng viên. Để xem thư lỗi, lọc theo Trạng thái là «Lỗi vĩnh viễn» (địa chỉ bị máy chủ từ chối, mã 5xx; không gửi lại). Thư «Chờ gửi» có lỗi là lỗi tạm thời và sẽ được gửi lại.',
  },
  defaultSort: '-updatedAt',
  access: { read: isAdmin, create: () => false, update: isAdmin, delete: isAdmin },
  indexes: [{ fields: ['status', 'nextAttemptAt'] }],
  fields: [
    { name: 'key', label: 'Khóa', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'kind', label: 'Loại thư', type: 'select', required: true, index: true, options: [...DELIVERY_KINDS], admin: { readOnly: true } },
        {
          name: 'status',
          label: 'Trạng thái',
          type: 'select',
          required: true,
          defaultValue: 'queued',
          index: true,
          options: [...DELIVERY_STATUSES],
          admin: { description: 'Đặt lại «Chờ gửi» để gửi lại một thư lỗi sau khi đã sửa địa chỉ hoặc máy chủ thư.' },
        },
      ],
    },
    // A subscriber's mail (notifications, digests) or a party member's (study and meeting reminders,
    // answers to questions): one of the two.
    {
      name: 'subscriber',
      label: 'Người nhận',
      type: 'relationship',
      relationTo: 'subscribers',
      index: true,
      admin: { readOnly: true, condition: (data) => Boolean(data?.subscriber) },
      validate: (value: unknown, { siblingData }: { siblingData: { member?: unknown } }) =>
        value || siblingData?.member ? true : 'Thư phải có người nhận (người đăng ký hoặc đảng viên).',
    },
    {
      name: 'member',
      label: 'Đảng viên nhận',
      type: 'relationship',
      relationTo: 'members',
      index: true,
      admin: { readOnly: true, condition: (data) => Boolean(data?.member) },
    },
    { name: 'to', label: 'Gửi tới', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'items', label: 'Nội dung', type: 'json', admin: { readOnly: true } },
    { name: 'windowEnd', label: 'Bản tin tổng hợp đến', type: 'date', admin: at },
    {
      type: 'row',
      fields: [
        { name: 'attempts', label: 'Số lần thử', type: 'number', defaultValue: 0, admin: { readOnly: true } },
        { name: 'smtpCode', label: 'Mã phản hồi SMTP', type: 'number', admin: { readOnly: true } },
      ],
    },
    { name: 'lastError', label: 'Lỗi gần nhất', type: 'textarea', admin: { readOnly: true } },
    { name: 'nextAttemptAt', label: 'Gửi (lại) lúc', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastAttemptAt', label: 'Lần thử gần nhất', type: 'date', index: true, admin: at },
    { name: 'claimedAt', label: 'Bắt đầu gửi lúc', type: 'date', admin: at },
    { name: 'sentAt', label: 'Đã gửi lúc', type: 'date', admin: at },
    { name: 'messageId', label: 'Message-ID', type: 'text', admin: { readOnly: true } },
  ],
}
