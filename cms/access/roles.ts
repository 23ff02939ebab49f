import type { User } from '../payload-types'
import { relationId } from '../lib/relations'

export const ROLES = ['admin', 'publisher', 'editor', 'contributor', 'member'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị viên',
  publisher: 'Tổng biên tập (xuất bản)',
  editor: 'Biên tập viên',
  contributor: 'Cộng tác viên (theo tổ chức)',
  member: 'Đảng viên (chỉ đọc)',
}

/** `req.user`: the generated `User` (the only auth collection), or nobody. */
type MaybeUser = User | null | undefined

export function roleOf(user: MaybeUser): Role | undefined {
  if (user?.collection !== 'users') return undefined
  return user.role
}

/** The id of the user's organization (a relation: an id, or the record when populated). */
export function organizationOf(user: MaybeUser): string | undefined {
  return relationId(user?.organization) || undefined
}

/** Publishing, unpublishing and deleting are the publisher's and the admin's alone. */
export const canPublish = (user: MaybeUser): boolean => ['admin', 'publisher'].includes(roleOf(user) ?? '')

/** Staff edit every organization's content. */
export const isStaff = (user: MaybeUser): boolean => ['admin', 'publisher', 'editor'].includes(roleOf(user) ?? '')

/** Everyone who writes in the admin. */
export const isEditorial = (user: MaybeUser): boolean => isStaff(user) || roleOf(user) === 'contributor'

/** Authenticated readers who may see members-only content (every account is a party member). */
export const isMember = (user: MaybeUser): boolean => roleOf(user) !== undefined
