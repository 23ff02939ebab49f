import type { Access, FieldAccess } from 'payload'
import { organizationSubtree } from '../../../access/organizationTree'
import { isStaff, organizationOf, roleOf } from '../../../access/roles'
import type { Member } from '../../../payload-types'
import { relationId } from '../../../lib/relations'

/**
 * Member accounts are looked after by the editorial staff, and by an organization's contributor
 * (its secretary's office) for the members of that organization and the organizations below it.
 */
export const manageMembers: Access<Member> = async ({ req, data }) => {
  if (isStaff(req.user)) return true
  const org = organizationOf(req.user)
  if (roleOf(req.user) !== 'contributor' || !org) return false
  const subtree = await organizationSubtree(req, org)
  const target = relationId(data?.organization)
  if (target && !subtree.includes(target)) return false
  return { organization: { in: subtree } }
}

/** Fields only those who look after an account may change (its organization, its status). */
export const manageMembersOf: FieldAccess<Member> = async ({ req, data }) => {
  if (isStaff(req.user)) return true
  const org = organizationOf(req.user)
  if (roleOf(req.user) !== 'contributor' || !org) return false
  const target = relationId(data?.organization)
  return !target || (await organizationSubtree(req, org)).includes(target)
}
