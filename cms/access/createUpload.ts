import type { Access } from 'payload'
import type { UploadDoc } from '../lib/records'
import { relationId } from '../lib/relations'
import { isStaff, organizationOf, roleOf } from './roles'

/**
 * Staff upload for any organization; a contributor only for their own (an upload without an
 * organization gets theirs from the field's default, so only another organization is refused).
 */
export const createUpload: Access<UploadDoc> = ({ req, data }) => {
  if (isStaff(req.user)) return true
  if (roleOf(req.user) !== 'contributor') return false
  const org = organizationOf(req.user)
  if (!org) return false
  if (!data || data.organization === undefined) return true
  return relationId(data.organization) === org
}
