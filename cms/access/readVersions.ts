import type { Access } from 'payload'
import type { EditorialDoc, OwnerField } from '../lib/records'
import { isStaff, organizationOf, roleOf } from './roles'

/**
 * Versions hold drafts, secret ones included, so they follow the content's editorial read rule:
 * staff read all, a contributor only the versions of their own organization's items, readers none.
 */
export const readVersions =
  (ownerField: OwnerField): Access<EditorialDoc> =>
  ({ req }) => {
    if (isStaff(req.user)) return true
    const org = organizationOf(req.user)
    if (roleOf(req.user) !== 'contributor' || !org) return false
    return { [`version.${ownerField}`]: { equals: org } }
  }
