import crypto from 'node:crypto'
import type { Payload } from 'payload'

/** A password an operator can type from the console once, then change. */
const randomPassword = () => crypto.randomBytes(12).toString('base64url')

export class WeakPasswordError extends Error {}

export function assertStrongPassword(password: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length
  if (password.length < 12 || classes < 3) {
    throw new WeakPasswordError('ADMIN_PASSWORD is too weak: use at least 12 characters mixing lower case, upper case, digits or symbols.')
  }
}

/**
 * The first admin, created once on an empty installation. ADMIN_EMAIL/ADMIN_PASSWORD may supply it
 * (refused if weak); otherwise a random password is generated and shown once.
 */
export async function ensureFirstAdmin(payload: Payload): Promise<{ email: string; password?: string } | null> {
  if ((await payload.count({ collection: 'users' })).totalDocs > 0) return null
  const email = process.env.ADMIN_EMAIL || 'admin@so-tay.local'
  const given = process.env.ADMIN_PASSWORD
  if (given) assertStrongPassword(given)
  const password = given || randomPassword()
  await payload.create({ collection: 'users', data: { email, password, name: 'Quản trị viên', role: 'admin' } })
  return { email, password: given ? undefined : password }
}
