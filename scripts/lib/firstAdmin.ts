import crypto from 'node:crypto'
import type { Payload } from 'payload'
import { z } from 'zod'
import { passwordProblem } from '../../cms/auth/passwordStrength'
import { LOOPBACK_HOSTS } from '../../core/env/shared'

/** A password an operator can type from the console once, then change. */
const randomPassword = () => `${crypto.randomBytes(12).toString('base64url')}-A1`

/** A first-admin setting the operator must fix; start-up stops with this message. */
export class FirstAdminError extends Error {}
export class WeakPasswordError extends FirstAdminError {}

export function assertStrongPassword(password: string): void {
  if (passwordProblem(password)) {
    throw new WeakPasswordError('ADMIN_PASSWORD is too weak: use at least 12 characters mixing three of lower case, upper case, digits and symbols.')
  }
}

export type FirstAdmin =
  /** Users exist; `leftover` when ADMIN_PASSWORD is still set although it is used only once. */
  | { kind: 'exists'; leftover: boolean }
  | { kind: 'created'; email: string }
  /** Only on this machine: a random password, shown once on the console. */
  | { kind: 'generated'; email: string; password: string }
  /** A server others reach with no one-time values: the admin's own first-run form creates it. */
  | { kind: 'form'; url: string }

/**
 * The first admin of an empty installation. ADMIN_EMAIL + ADMIN_PASSWORD (one-time values,
 * refused if weak) create it. Without them, an installation served on this machine only
 * (`npm start` on localhost) gets a random password shown once; any other gets no account at
 * all — no default or logged credentials — and the operator creates it in the admin's first-run
 * form (/admin/create-first-user, open only while there is no user).
 */
export async function ensureFirstAdmin(payload: Payload, serverUrl: string, source: Record<string, string | undefined> = process.env): Promise<FirstAdmin> {
  const givenEmail = source.ADMIN_EMAIL?.trim() || ''
  const givenPassword = source.ADMIN_PASSWORD || ''
  if ((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs > 0) return { kind: 'exists', leftover: givenPassword !== '' }

  const local = LOOPBACK_HOSTS.has(new URL(serverUrl).hostname)
  if (givenEmail && !z.email().safeParse(givenEmail).success) throw new FirstAdminError(`ADMIN_EMAIL is not an e-mail address: ${givenEmail}`)
  if (givenPassword) {
    assertStrongPassword(givenPassword)
    if (!givenEmail && !local) throw new FirstAdminError('ADMIN_EMAIL is required with ADMIN_PASSWORD.')
    const email = givenEmail || 'admin@so-tay.local'
    await payload.create({ collection: 'users', data: { email, password: givenPassword, name: 'Quản trị viên', role: 'admin' }, overrideAccess: true })
    return { kind: 'created', email }
  }
  if (givenEmail) throw new FirstAdminError('ADMIN_PASSWORD is required with ADMIN_EMAIL (or unset both and use the first-run form).')
  if (!local) return { kind: 'form', url: `${serverUrl.replace(/\/+$/, '')}/admin/create-first-user` }
  const email = 'admin@so-tay.local'
  const password = randomPassword()
  await payload.create({ collection: 'users', data: { email, password, name: 'Quản trị viên', role: 'admin' }, overrideAccess: true })
  return { kind: 'generated', email, password }
}

/** What the operator reads at start-up about the first admin (Vietnamese, like the rest of the console). */
export function describeFirstAdmin(outcome: FirstAdmin): string | null {
  const line = '─'.repeat(60)
  switch (outcome.kind) {
    case 'generated':
      return `\n${line}\n  Tài khoản quản trị đầu tiên (chỉ hiện một lần — hãy đổi mật khẩu):\n  Email:     ${outcome.email}\n  Mật khẩu:  ${outcome.password}\n${line}\n`
    case 'created':
      return `› Đã tạo tài khoản quản trị đầu tiên ${outcome.email} từ ADMIN_EMAIL/ADMIN_PASSWORD. Hãy xóa ADMIN_PASSWORD khỏi cấu hình: giá trị này chỉ dùng một lần.`
    case 'form':
      return `\n${line}\n  Chưa có tài khoản quản trị. Mở ngay ${outcome.url}\n  để tạo tài khoản đầu tiên (biểu mẫu chỉ mở khi chưa có người dùng nào).\n${line}\n`
    case 'exists':
      return outcome.leftover
        ? '› ADMIN_PASSWORD vẫn còn trong cấu hình dù tài khoản quản trị đã có: hãy xóa nó (giá trị này chỉ dùng một lần và không được dùng lại).'
        : null
  }
}
