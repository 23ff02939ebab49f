import type { GlobalConfig } from 'payload'
import { isAdmin } from '../access/isAdmin'

/** The day the statistics job last counted members and those active in the last 30 days. */
export const StudyState: GlobalConfig = {
  slug: 'study-state',
  label: 'Trạng thái tổng hợp số liệu học tập',
  admin: { hidden: true },
  access: { read: isAdmin, update: () => false },
  fields: [{ name: 'activeCountedDay', type: 'text' }],
}
