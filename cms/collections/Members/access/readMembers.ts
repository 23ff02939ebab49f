import type { Access } from 'payload'
import { isMemberAccount } from '../../../access/roles'
import type { Member } from '../../../payload-types'
import { manageMembers } from './manageMembers'

/** Those who look after accounts read them; a member reads their own; nobody else reads any. */
export const readMembers: Access<Member> = async (args) => {
  if (isMemberAccount(args.req.user)) return { id: { equals: args.req.user.id } }
  return manageMembers(args)
}
