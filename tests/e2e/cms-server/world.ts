/**
 * Helpers for the tests against the real CMS server (tests/e2e/cms-server/global-setup.ts): HTTP calls,
 * and a small world of organizations and one account per role created through the REST API as the
 * first admin. The server and its database are shared by every file, so each world has its own tag.
 */
import fs from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import { documentData, ROLES, type TestRole } from '../../helpers/fixtures'

export const cms = inject('cmsServer')
export const PDF = fs.readFileSync(path.resolve(__dirname, '../../fixtures/attachments/nghi-quyet-mau.pdf'))
const PASSWORD = 'Mat-khau-May-chu-2026!'

export interface Answer {
  status: number
  headers: Headers
  text: string
  json: any
}

export async function call(pathname: string, init: RequestInit & { token?: string } = {}): Promise<Answer> {
  const { token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token) headers.set('authorization', `JWT ${token}`)
  const res = await fetch(`${cms.url}${pathname}`, { ...rest, headers })
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}

export const sendJson = (method: string, pathname: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  call(pathname, { method, token, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

/** A multipart upload as the admin sends it: the file and the other fields as `_payload` JSON. */
export function uploadForm(bytes: Uint8Array, name: string, type: string, data: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return form
}

export async function login(email: string, password: string): Promise<string> {
  const res = await sendJson('POST', '/api/users/login', { email, password })
  if (res.status !== 200 || !res.json?.token) throw new Error(`login failed for ${email}: ${res.status} ${res.text}`)
  return res.json.token as string
}

export const adminToken = () => login(cms.admin.email, cms.admin.password)

export interface Account {
  id: string
  email: string
  password: string
  token: string
}

let phones = 0
/** A party member's account (collection `members`), activated, signed in through the members' login. */
export async function createMemberAccount(admin: string, organization: string, email: string): Promise<Account> {
  phones += 1
  const phone = `09${String(Date.now() % 1_000_000).padStart(6, '0')}${String(phones).padStart(2, '0')}`
  const res = await sendJson('POST', '/api/members', { name: 'Đảng viên thử nghiệm', email, phone, organization, password: PASSWORD, status: 'active' }, admin)
  if (res.status !== 201) throw new Error(`member: ${res.status} ${res.text}`)
  const signIn = await sendJson('POST', '/api/members/login', { email, password: PASSWORD })
  if (signIn.status !== 200 || !signIn.json?.token) throw new Error(`member login failed: ${signIn.status} ${signIn.text}`)
  return { id: res.json.doc.id, email, password: PASSWORD, token: signIn.json.token }
}

/** Two organizations (a central body and a branch) and one account per role; the contributor is in the branch. */
export async function createWorld(tag: string) {
  const admin = await adminToken()
  const org = async (name: string, code: string, kind: string) => {
    const res = await sendJson('POST', '/api/organizations', { name: `${name} ${tag}`, code, kind }, admin)
    if (res.status !== 201) throw new Error(`organization: ${res.status} ${res.text}`)
    return res.json.doc.id as string
  }
  const orgs = { central: await org('Ban Chấp hành Trung ương', 'TW', 'trung-uong'), branch: await org('Chi bộ thôn Đông Hòa', 'CB', 'chi-bo') }
  const users = {} as Record<TestRole, Account>
  for (const role of ROLES) {
    const email = `${role}.${tag}@sotay.example.vn`
    if (role === 'member') {
      users[role] = await createMemberAccount(admin, orgs.branch, email)
      continue
    }
    const res = await sendJson(
      'POST',
      '/api/users',
      { email, password: PASSWORD, name: `Người dùng ${role}`, role, organization: role === 'contributor' ? orgs.branch : undefined },
      admin,
    )
    if (res.status !== 201) throw new Error(`user ${role}: ${res.status} ${res.text}`)
    users[role] = { id: res.json.doc.id, email, password: PASSWORD, token: await login(email, PASSWORD) }
  }
  let counter = 0
  /** Valid document data of an organization (a unique number each time). */
  const document = (issuer: string, overrides: Record<string, unknown> = {}) => {
    counter += 1
    return documentData(issuer, { number: `${counter}${Math.floor(Math.random() * 9000) + 1000}-NQ/TW`, ...overrides })
  }
  return { admin, orgs, users, document }
}
