import type { CollectionConfig } from 'payload'
import { STUDY_EVENT_KINDS } from '../study/events'
import { isAdmin } from '../access/isAdmin'

/**
 * Lean study events — member, organization, what, day — written by the members' study endpoints
 * only, each under a unique key so a repeat (two taps, a retried request) writes nothing. Figures are
 * never read from here directly: cms/study/rollup.ts folds events not yet counted into `study-stats`.
 */
export const StudyEvents: CollectionConfig = {
  slug: 'study-events',
  labels: { singular: 'Sự kiện học tập', plural: 'Sự kiện học tập' },
  admin: { hidden: ({ user }) => user?.role !== 'admin', group: 'Học tập', defaultColumns: ['day', 'kind', 'member', 'item', 'value'] },
  timestamps: false,
  // Member and organization are kept loose: deleting either keeps the (then anonymous) figures.
  access: { read: isAdmin, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'kind', label: 'Loại', type: 'select', required: true, options: [...STUDY_EVENT_KINDS] },
    { name: 'member', label: 'Đảng viên', type: 'relationship', relationTo: 'members', index: true },
    { name: 'organization', label: 'Tổ chức', type: 'relationship', relationTo: 'organizations' },
    /** `documents:<id>`, `topics:<id>`, `campaign:<id>`, or the month for `active`. */
    { name: 'item', label: 'Nội dung', type: 'text', required: true },
    { name: 'day', label: 'Ngày', type: 'text', required: true },
    /** The score in percent for a quiz. */
    { name: 'value', label: 'Điểm bài làm (%)', type: 'number' },
    { name: 'answers', label: 'Phương án đã chọn', type: 'json' },
    /** Set, in the same transaction as the sums, once cms/study/rollup.ts has counted the event. */
    { name: 'counted', type: 'checkbox', defaultValue: false, index: true },
  ],
}
