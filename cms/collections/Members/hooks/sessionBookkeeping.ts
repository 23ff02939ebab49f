import crypto from 'node:crypto'
import type { CollectionBeforeChangeHook } from 'payload'
import type { Member } from '../../../payload-types'

/**
 * A new password or a locked account signs the member out of every device (Payload keeps one
 * session per sign-in and refuses a token whose session is gone), and every account has a private
 * feed token from the start.
 */
export const sessionBookkeeping: CollectionBeforeChangeHook<Member> = ({ data, originalDoc, operation }) => {
  if (operation === 'create' || !originalDoc?.feedToken) data.feedToken ??= crypto.randomBytes(24).toString('base64url')
  // Payload hashes the password after these hooks, so a new one is still visible here.
  const newPassword = typeof (data as { password?: unknown }).password === 'string' && (data as { password: string }).password !== ''
  const locked = data.status === 'disabled' && originalDoc?.status !== 'disabled'
  if (operation === 'update' && (newPassword || locked)) data.sessions = []
  return data
}
