import type { Member, User } from '../payload-types'
import { relationId } from '../lib/relations'

/** The editorial board's roles (`users`). Party members have accounts of their own (`members`). */
export const ROLES = ['admin', 'publisher', 'editor', 'contributor'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị viên',
  publisher: 'Tổng biên tập (xuất bản)',
  editor: 'Biên tập viên',
  contributor: 'Cộng tác viên (theo tổ chức)',
}

/** `req.user`: an editorial account (`users`), a party member (`members`), or nobody. */
type MaybeUser = User | Member | null | undefined

export function roleOf(user: MaybeUser): Role | undefined {
  if (user?.collection !== 'users') return undefined
  return user.role
}

/** The id of the account's organization: a contributor's, or a member's chi bộ. */
export function organizationOf(user: MaybeUser): string | undefined {
  return relationId(user?.organization) || undefined
}

/** A party member's own account (signed in on the site; never in the admin). */
export const isMemberAccount = (user: MaybeUser): user is Member & { collection: 'members' } => user?.collection === 'members'

/** Publishing, unpublishing and deleting are the publisher's and the admin's alone. */
export const canPublish = (user: MaybeUser): boolean => ['admin', 'publisher'].includes(roleOf(user) ?? '')

/** Staff edit every organization's content. */
export const isStaff = (user: MaybeUser): boolean => ['admin', 'publisher', 'editor'].includes(roleOf(user) ?? '')

/** Everyone who writes in the admin. */
export const isEditorial = (user: MaybeUser): boolean => isStaff(user) || roleOf(user) === 'contributor'

/**
 * Signed-in readers who may see content for all members: every editorial account is a party
 * member's, and so is an activated member account (a locked one reads what anonymous readers read).
 */
export const isMember = (user: MaybeUser): boolean => roleOf(user) !== undefined || (isMemberAccount(user) && user.status === 'active')
