import type { Access, PayloadRequest, Where } from 'payload'
import { organizationSubtree } from './organizationTree'
import { isStaff, organizationOf, roleOf } from './roles'

/**
 * What an editorial account may see of records that belong to an organization (meeting answers,
 * questions): editors, publishers and admins everything; a contributor — a chi bộ or đảng bộ
 * secretary's office — their organization and the ones below it; anyone else nothing.
 */
export async function staffOrganizations(req: PayloadRequest): Promise<true | string[] | false> {
  if (isStaff(req.user)) return true
  const org = organizationOf(req.user)
  if (roleOf(req.user) !== 'contributor' || !org) return false
  return organizationSubtree(req, org)
}

export const byStaffOrganization =
  (field: string): Access =>
  async ({ req }) => {
    const orgs = await staffOrganizations(req)
    return orgs === true || orgs === false ? orgs : ({ [field]: { in: orgs } } satisfies Where)
  }

export async function staffMayHandle(req: PayloadRequest, organizationId: string): Promise<boolean> {
  const orgs = await staffOrganizations(req)
  return orgs === true || (Array.isArray(orgs) && orgs.includes(organizationId))
}
