import type { Access } from 'payload'
import type { UploadDoc } from '../lib/records'
import { canPublish, isStaff, organizationOf, roleOf } from './roles'

/**
 * Update and delete of uploads follow the publishing workflow: an upload used by published content
 * (visibility public or members) is live, and only publishers and admins change or delete it.
 * Editors change unpublished uploads of any organization; contributors their own organization's.
 */
export const changeUpload: Access<UploadDoc> = ({ req }) => {
  const user = req.user
  if (canPublish(user)) return true
  const unpublished = { visibility: { equals: 'private' } }
  if (isStaff(user)) return unpublished
  const org = organizationOf(user)
  if (roleOf(user) !== 'contributor' || !org) return false
  return { and: [unpublished, { organization: { equals: org } }] }
}
