import type { Payload } from 'payload'
import { plainTextToLexical } from '../../cms/richtext/plainText'

export const PASSWORD = 'Mat-khau-thu-nghiem-2024'
export const ROLES = ['admin', 'publisher', 'editor', 'contributor', 'member'] as const
export type TestRole = (typeof ROLES)[number]

let counter = 100

export async function createOrganizations(payload: Payload) {
  const tw = await payload.create({ collection: 'organizations', data: { name: 'Ban Chấp hành Trung ương', code: 'TW', kind: 'trung-uong' } })
  const province = await payload.create({ collection: 'organizations', data: { name: 'Tỉnh ủy Hòa Bình Mẫu', code: 'TU', kind: 'tinh-uy' } })
  const branch = await payload.create({
    collection: 'organizations',
    data: { name: 'Chi bộ thôn Đông Hòa', code: 'CB', kind: 'chi-bo', parent: province.id },
  })
  return { tw, province, branch }
}

/** A party member's account (collection `members`), activated, with a phone number and an e-mail address. */
export async function createMember(payload: Payload, organization: string, overrides: Record<string, unknown> = {}) {
  counter += 1
  const member = await payload.create({
    collection: 'members',
    data: {
      name: `Đảng viên thử nghiệm ${counter}`,
      phone: `09${String(10_000_000 + counter).padStart(8, '0')}`,
      email: `dang-vien-${counter}@so-tay.test`,
      organization,
      password: PASSWORD,
      status: 'active',
      ...overrides,
    } as never,
  })
  return { id: String(member.id), email: String(member.email ?? ''), phone: String(member.phone ?? '') }
}

/**
 * One editorial account per role; the contributor belongs to `contributorOrg`. `member` is a party
 * member's own account (collection `members`) in `contributorOrg`.
 */
export async function createUsers(payload: Payload, contributorOrg: string) {
  const users = {} as Record<TestRole, { id: string; email: string }>
  for (const role of ROLES) {
    const email = `${role}@so-tay.test`
    if (role === 'member') {
      users[role] = await createMember(payload, contributorOrg, { email })
      continue
    }
    const user = await payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, name: `Người dùng ${role}`, role, organization: role === 'contributor' ? contributorOrg : undefined },
    })
    users[role] = { id: String(user.id), email }
  }
  return users
}

/** Valid document data; override what a test is about. */
export function documentData(issuer: string, overrides: Record<string, unknown> = {}) {
  counter += 1
  return {
    type: 'nghi-quyet',
    number: `${counter}-NQ/TW`,
    title: `Về nội dung thử nghiệm số ${counter}`,
    issuer,
    level: 'trung-uong',
    issuedAt: '2024-05-10',
    summary: plainTextToLexical('Đoạn tóm tắt thứ nhất.\n\nĐoạn tóm tắt thứ hai.'),
    ...overrides,
  } as any
}

/** Payload's Local API as a given account (editorial or member), with access control enforced. */
export async function asUser(payload: Payload, userId: string) {
  const user = await payload.findByID({ collection: 'users', id: userId, disableErrors: true })
  if (user) return { ...user, collection: 'users' as const }
  const member = await payload.findByID({ collection: 'members', id: userId })
  return { ...member, collection: 'members' as const }
}

/** A fresh CMS with the three test organizations and one user per role (the contributor in the branch). */
export async function startWorld() {
  const { startPayload } = await import('./payload')
  const payload = await startPayload()
  const orgs = await createOrganizations(payload)
  const users = await createUsers(payload, orgs.branch.id)
  return { payload, orgs, users }
}
