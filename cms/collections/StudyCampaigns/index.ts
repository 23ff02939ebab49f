import type { CollectionConfig } from 'payload'
import { withinStudyScope } from '../../access/studyScope'
import { dayOnlyField } from '../../fields/dayOnly'
import { organizationField } from '../../fields/organization'
import { ensureStudyTend } from '../../study/tend'
import { checkCampaignItems } from './hooks/checkCampaignItems'

/**
 * Đợt học tập, quán triệt: what the members of an organization (and of those below it) must study
 * by a deadline. A member's "Của tôi" lists it with their progress; reminders go out before the
 * deadline (cms/study/reminders.ts); completing it earns points (core/study/points.ts).
 */
export const StudyCampaigns: CollectionConfig = {
  slug: 'study-campaigns',
  labels: { singular: 'Đợt học tập', plural: 'Đợt học tập, quán triệt' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'organization', 'deadline', 'active'], group: 'Học tập' },
  defaultSort: '-deadline',
  access: {
    read: withinStudyScope(),
    create: withinStudyScope(),
    update: withinStudyScope(),
    delete: withinStudyScope(),
  },
  // A new or changed campaign may bring reminders due today: make sure the study housekeeping runs.
  hooks: { beforeChange: [checkCampaignItems], afterChange: [async ({ req }) => ensureStudyTend(req.payload, { req })] },
  fields: [
    { name: 'title', label: 'Tên đợt học tập', type: 'text', required: true },
    { name: 'description', label: 'Yêu cầu', type: 'textarea' },
    organizationField('organization', 'Dành cho đảng viên của tổ chức (và các tổ chức trực thuộc)'),
    {
      name: 'items',
      label: 'Nội dung phải học',
      type: 'relationship',
      relationTo: ['documents', 'topics'],
      hasMany: true,
      required: true,
      minRows: 1,
      maxRows: 30,
      admin: { description: 'Văn bản hoặc chuyên đề đã xuất bản mà đảng viên trong phạm vi đọc được. Chuyên đề có câu hỏi thì phải làm bài.' },
    },
    dayOnlyField('deadline', 'Hạn hoàn thành', { required: true }),
    {
      name: 'remindDaysBefore',
      label: 'Nhắc qua thư trước hạn (ngày)',
      type: 'number',
      defaultValue: 3,
      min: 0,
      max: 30,
      admin: { description: 'Đảng viên chưa hoàn thành và có địa chỉ thư nhận một thư nhắc. 0: không nhắc.' },
    },
    { name: 'active', label: 'Đang triển khai', type: 'checkbox', defaultValue: true, index: true },
  ],
}
