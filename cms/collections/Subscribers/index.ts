import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { FREQUENCIES, EMAIL_MESSAGE } from '../../../core/subscriptions/request'
import { documentTypeOptions } from '../../../core/vocabulary'
import { confirmEndpoint } from './endpoints/confirm'
import { subscribeEndpoint } from './endpoints/subscribe'
import { unsubscribeEndpoints } from './endpoints/unsubscribe'
import { deleteDeliveries } from './hooks/deleteDeliveries'
import { normalizeEmail } from './hooks/normalizeEmail'
import { SUBSCRIBER_STATUSES } from './options'

const hiddenFromApi = { read: () => false, create: () => false, update: () => false }

/**
 * People who asked for mail about new content, from the public site (double opt-in). Only what
 * sending needs is kept: the address, the choices and the consent trail. Subscribers never log in;
 * the public reaches this collection only through the three endpoints below.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: 'Người nhận thông báo', plural: 'Người nhận thông báo' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'frequency', 'consentAt', 'unsubscribedAt'],
    listSearchableFields: ['email'],
    group: 'Thư điện tử',
    description:
      'Người đăng ký nhận thư báo nội dung mới trên trang công khai. Chỉ gửi thư cho người đã xác nhận qua thư; mỗi thư đều có liên kết hủy đăng ký.',
  },
  defaultSort: '-requestedAt',
  access: { read: isAdmin, create: () => false, update: isAdmin, delete: isAdmin },
  endpoints: [subscribeEndpoint, confirmEndpoint, ...unsubscribeEndpoints],
  hooks: { beforeDelete: [deleteDeliveries] },
  fields: [
    {
      name: 'email',
      label: 'Email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      hooks: { beforeValidate: [normalizeEmail] },
      validate: (value: unknown) => (typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? true : EMAIL_MESSAGE),
    },
    {
      type: 'row',
      fields: [
        { name: 'status', label: 'Trạng thái', type: 'select', required: true, defaultValue: 'pending', index: true, options: [...SUBSCRIBER_STATUSES] },
        { name: 'frequency', label: 'Cách nhận thư', type: 'select', required: true, defaultValue: 'immediate', index: true, options: [...FREQUENCIES] },
      ],
    },
    {
      type: 'collapsible',
      label: 'Nội dung theo dõi',
      fields: [
        { name: 'documents', label: 'Văn bản mới', type: 'checkbox', defaultValue: false },
        {
          name: 'documentTypes',
          label: 'Chỉ các loại văn bản',
          type: 'select',
          hasMany: true,
          options: documentTypeOptions,
          admin: { description: 'Để trống: mọi loại văn bản.' },
        },
        {
          name: 'subjects',
          label: 'Chỉ các lĩnh vực',
          type: 'relationship',
          relationTo: 'subjects',
          hasMany: true,
          admin: { description: 'Để trống: mọi lĩnh vực.' },
        },
        {
          name: 'issuers',
          label: 'Chỉ các cơ quan ban hành',
          type: 'relationship',
          relationTo: 'organizations',
          hasMany: true,
          admin: { description: 'Để trống: mọi cơ quan ban hành.' },
        },
        { name: 'topics', label: 'Chuyên đề hằng tháng', type: 'checkbox', defaultValue: false },
        { name: 'news', label: 'Tin tức', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      type: 'collapsible',
      label: 'Lịch sử đồng ý',
      admin: { initCollapsed: true },
      fields: [
        { name: 'requestedAt', label: 'Lần đăng ký gần nhất', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'confirmedAt', label: 'Xác nhận lần đầu', type: 'date', index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'consentAt',
          label: 'Đồng ý với lựa chọn hiện tại',
          type: 'date',
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' }, description: 'Thời điểm người nhận bấm xác nhận trong thư.' },
        },
        { name: 'unsubscribedAt', label: 'Hủy đăng ký lúc', type: 'date', index: true, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'bouncedAt', label: 'Thư bị từ chối lúc', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'bounceReason', label: 'Lý do máy chủ thư từ chối', type: 'text', admin: { readOnly: true } },
        {
          name: 'lastDigestAt',
          label: 'Bản tin ngày đã tổng hợp đến',
          type: 'date',
          index: true,
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    // The choices of a request not yet confirmed: they replace the ones above only when the owner
    // of the address clicks the confirmation link, so nobody can change another person's choices.
    { name: 'requestedChoices', type: 'json', access: hiddenFromApi, admin: { hidden: true } },
    // Rotated with every request; the confirmation link signs it, so only the latest mail confirms.
    { name: 'tokenKey', type: 'text', access: hiddenFromApi, admin: { hidden: true } },
  ],
}
