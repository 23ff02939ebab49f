import type { Payload } from 'payload'
import { plainTextToLexical } from '../../cms/richtext/plainText'

export const PASSWORD = 'Mat-khau-thu-nghiem-2024'
export const ROLES = ['admin', 'publisher', 'editor', 'contributor', 'member'] as const
export type TestRole = (typeof ROLES)[number]

export async function createOrganizations(payload: Payload) {
  const tw = await payload.create({ collection: 'organizations', data: { name: 'Ban Chấp hành Trung ương', code: 'TW', kind: 'trung-uong' } })
  const province = await payload.create({ collection: 'organizations', data: { name: 'Tỉnh ủy Hòa Bình Mẫu', code: 'TU', kind: 'tinh-uy' } })
  const branch = await payload.create({
    collection: 'organizations',
    data: { name: 'Chi bộ thôn Đông Hòa', code: 'CB', kind: 'chi-bo', parent: province.id },
  })
  return { tw, province, branch }
}

/** One user per role; the contributor belongs to `contributorOrg`. */
export async function createUsers(payload: Payload, contributorOrg: string) {
  const users = {} as Record<TestRole, { id: string; email: string }>
  for (const role of ROLES) {
    const email = `${role}@so-tay.test`
    const user = await payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, name: `Người dùng ${role}`, role, organization: role === 'contributor' ? contributorOrg : undefined },
    })
    users[role] = { id: String(user.id), email }
  }
  return users
}

let counter = 100
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

/** Payload's Local API as a given user, with access control enforced. */
export async function asUser(payload: Payload, userId: string) {
  const user = await payload.findByID({ collection: 'users', id: userId })
  return { ...user, collection: 'users' as const }
}

/** A fresh CMS with the three test organizations and one user per role (the contributor in the branch). */
export async function startWorld() {
  const { startPayload } = await import('./payload')
  const payload = await startPayload()
  const orgs = await createOrganizations(payload)
  const users = await createUsers(payload, orgs.branch.id)
  return { payload, orgs, users }
}
