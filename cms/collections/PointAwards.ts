import type { CollectionConfig } from 'payload'
import { describePointRules, POINT_RULE_OPTIONS } from '../../core/study/points'
import { isAdmin } from '../access/isAdmin'
import { withinStudyScope } from '../access/studyScope'

/** Điểm học tập: every award of points, so a member's total can always be explained. */
export const PointAwards: CollectionConfig = {
  slug: 'point-awards',
  labels: { singular: 'Điểm học tập', plural: 'Điểm học tập' },
  admin: {
    group: 'Học tập',
    defaultColumns: ['awardedAt', 'member', 'rule', 'points'],
    description: `Cách tính điểm xếp hạng đảng viên tích cực — ${describePointRules().join('; ')}.`,
  },
  defaultSort: '-awardedAt',
  access: { read: withinStudyScope(), create: () => false, update: () => false, delete: isAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'member', label: 'Đảng viên', type: 'relationship', relationTo: 'members', index: true },
    { name: 'organization', label: 'Tổ chức', type: 'relationship', relationTo: 'organizations', index: true },
    { name: 'rule', label: 'Cách tính', type: 'select', required: true, options: POINT_RULE_OPTIONS },
    { name: 'points', label: 'Điểm', type: 'number', required: true },
    { name: 'about', label: 'Nội dung', type: 'text' },
    { name: 'awardedAt', label: 'Thời điểm', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
