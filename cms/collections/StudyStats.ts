import type { CollectionConfig } from 'payload'
import { withinStudyScope } from '../access/studyScope'
import { statisticsEndpoints } from '../study/endpoints/statistics'

/**
 * The committees' figures, already summed over each organization's subtree so a question about any
 * organization reads a handful of rows (cms/study/statistics.ts). One row per organization and
 * `period`: a month "YYYY-MM" (readers, reads, quiz, campaigns completed), "now" (members and those
 * active in the last 30 days), or "campaign:<id>"; rows with an `item` count reads of one document.
 * Written only by cms/study/rollup.ts.
 */
export const StudyStats: CollectionConfig = {
  slug: 'study-stats',
  labels: { singular: 'Số liệu học tập', plural: 'Số liệu học tập' },
  admin: { hidden: true },
  timestamps: false,
  endpoints: statisticsEndpoints,
  // "Most read in this organization this month": without it SQLite walks the month's rows of every
  // organization and sorts them (docs/benchmarks.md, study statistics).
  indexes: [{ fields: ['organization', 'period', 'reads'] }],
  access: { read: withinStudyScope(), create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', index: true },
    { name: 'period', type: 'text', required: true, index: true },
    { name: 'item', type: 'text', index: true },
    { name: 'members', type: 'number', defaultValue: 0 },
    { name: 'active', type: 'number', defaultValue: 0 },
    { name: 'readers', type: 'number', defaultValue: 0 },
    { name: 'reads', type: 'number', defaultValue: 0, index: true },
    { name: 'quizzes', type: 'number', defaultValue: 0 },
    { name: 'scoreSum', type: 'number', defaultValue: 0 },
    { name: 'completions', type: 'number', defaultValue: 0 },
    /** On "now" rows: the day (Vietnam time) the members were counted. */
    { name: 'countedDay', type: 'text', index: true },
  ],
}
