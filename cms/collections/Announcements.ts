import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import type { Announcement } from '../payload-types'
import { fieldError } from '../lib/fieldError'
import { audienceFields } from '../fields/audience'
import { dayOnlyField } from '../fields/dayOnly'
import { organizationField } from '../fields/organization'
import { slugField } from '../fields/slug'
import { editorialCollection } from './editorial'
import { MEETING_KINDS } from '../../core/participation'
import { meetingHooks } from '../meetings/rollCall'

/** A meeting is announced with both its time and its place, or with neither. */
const meetingTimeWithPlace: CollectionBeforeValidateHook<Announcement> = ({ data, originalDoc, req }) => {
  const meetingAt = data?.meetingAt ?? originalDoc?.meetingAt
  const location = data?.location ?? originalDoc?.location
  if (Boolean(meetingAt) !== Boolean(location && String(location).trim())) {
    throw fieldError(
      req,
      'announcements',
      meetingAt ? 'location' : 'meetingAt',
      'Thời gian họp và địa điểm phải đi cùng nhau. Hãy điền cả hai hoặc để trống cả hai.',
    )
  }
  return data
}

const isMeeting = (data: Partial<Announcement> | undefined) => Boolean(data?.meetingAt)

/** Thông báo from an organization to its members, usually a meeting: when and where. */
export const Announcements: CollectionConfig = editorialCollection(
  {
    slug: 'announcements',
    labels: { singular: 'Thông báo', plural: 'Thông báo' },
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'organization', 'meetingAt', '_status'], group: 'Nội dung' },
    defaultSort: '-publishedAt',
    fields: [
      { name: 'title', label: 'Tiêu đề', type: 'text', required: true },
      organizationField('organization', 'Tổ chức thông báo', true),
      { name: 'body', label: 'Nội dung', type: 'richText', required: true },
      {
        type: 'row',
        fields: [
          {
            name: 'meetingAt',
            label: 'Thời gian họp',
            type: 'date',
            admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'HH:mm dd/MM/yyyy', timeFormat: 'HH:mm' } },
          },
          { name: 'location', label: 'Địa điểm', type: 'text' },
        ],
      },
      {
        name: 'attachments',
        label: 'Tài liệu kèm theo',
        type: 'upload',
        relationTo: 'files',
        hasMany: true,
        admin: { description: 'Tài liệu họp, dự thảo… Đảng viên được đọc thông báo thì tải được tài liệu.' },
      },
      {
        name: 'meetingKind',
        label: 'Hình thức sinh hoạt',
        type: 'select',
        options: [...MEETING_KINDS],
        admin: { condition: isMeeting },
      },
      {
        name: 'agenda',
        label: 'Chương trình họp',
        type: 'textarea',
        maxLength: 4000,
        admin: { condition: isMeeting, description: 'Mỗi nội dung một dòng. Đảng viên xác nhận tham dự hoặc vắng mặt ở trang «Của tôi».' },
      },
      {
        name: 'minutes',
        label: 'Kết luận / biên bản cuộc họp',
        type: 'richText',
        admin: { condition: isMeeting, description: 'Điền sau cuộc họp; đến đúng những đảng viên được đọc thông báo này.' },
      },
      {
        name: 'minutesFiles',
        label: 'Tệp biên bản, kết luận',
        type: 'upload',
        relationTo: 'files',
        hasMany: true,
        admin: { condition: isMeeting },
      },
      dayOnlyField('publishedAt', 'Ngày thông báo', { required: true, defaultValue: () => new Date().toISOString(), admin: { position: 'sidebar' } }),
      ...audienceFields('organization'),
      slugField<Announcement>((d) => (typeof d.title === 'string' ? d.title.slice(0, 80) : undefined)),
    ],
    hooks: { beforeValidate: [meetingTimeWithPlace], afterChange: [meetingHooks] },
  },
  { ownerField: 'organization' },
)
