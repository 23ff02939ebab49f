import type { Access, Where } from 'payload'
import type { UploadDoc } from '../lib/records'
import { isMember, isStaff, organizationOf, roleOf } from './roles'

/**
 * Files follow the content that uses them (see hooks/uploadVisibility): anonymous readers get
 * public ones, members also members-only ones. Contributors read what members read plus their own
 * organization's uploads, like content; staff read everything.
 */
export const readUpload: Access<UploadDoc> = ({ req }) => {
  const user = req.user
  // Everything, as a condition rather than `true`: Payload then looks the file up before serving
  // it, and answers a name that no record has with 404 instead of failing on the disk (500).
  if (isStaff(user)) return { id: { exists: true } }
  const visible: Where = isMember(user) ? { visibility: { in: ['public', 'members'] } } : { visibility: { equals: 'public' } }
  const org = organizationOf(user)
  if (roleOf(user) === 'contributor' && org) return { or: [visible, { organization: { equals: org } }] }
  return visible
}
