import type { CollectionConfig } from 'payload'

/**
 * Counters of the request limits (cms/limits/): one row per limit, subject and time window, so the
 * limits hold across CMS processes and restarts. Subjects (client and e-mail addresses) are stored
 * only as keyed hashes. Never exposed: no API, no admin view; rows are dropped once their window ends.
 */
export const RequestCounts: CollectionConfig = {
  slug: 'request-counts',
  labels: { singular: 'Bộ đếm yêu cầu', plural: 'Bộ đếm yêu cầu' },
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
