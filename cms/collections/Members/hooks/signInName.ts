import crypto from 'node:crypto'
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook } from 'payload'
import { looksLikeEmail, normalizePhone } from '../../../../core/phone'
import { fieldError } from '../../../lib/fieldError'
import type { Member } from '../../../payload-types'

/**
 * A member signs in with a phone number or an e-mail address. The phone is stored in one canonical
 * form, and Payload's username (the sign-in name) is the phone, or the e-mail for a member without
 * one. A phone typed where the admin asks for the username counts as the phone.
 */
export const signInName: CollectionBeforeOperationHook<'members'> = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: Record<string, unknown> }).data
  if (!data) return args
  const typedName = typeof data.username === 'string' ? data.username.trim() : ''
  if (!data.phone && typedName && !looksLikeEmail(typedName)) data.phone = typedName
  if (typeof data.phone === 'string') {
    const raw = data.phone.trim()
    if (raw === '') data.phone = null
    else {
      const phone = normalizePhone(raw)
      if (!phone) throw fieldError(req, 'members', 'phone', `«${raw}» không phải số điện thoại Việt Nam (ví dụ 0912 345 678).`)
      data.phone = phone
    }
  }
  if (typeof data.email === 'string') data.email = data.email.trim().toLowerCase() || null
  if (operation === 'create') {
    if (!data.phone && !data.email) throw fieldError(req, 'members', 'phone', 'Đảng viên cần có số điện thoại hoặc thư điện tử để đăng nhập.')
    data.username = data.phone ?? data.email
    // Accounts are issued without a password (the member sets one when activating): a random one
    // nobody knows stands in, so the account cannot be signed in to before then.
    if (typeof data.password !== 'string' || data.password === '') data.password = `${crypto.randomBytes(32).toString('base64url')}1a`
    return args
  }
  const id = (args as { id?: string | number }).id
  if (('phone' in data || 'email' in data || 'username' in data) && id !== undefined) {
    const current = await req.payload.findByID({ collection: 'members', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    const phone = 'phone' in data ? data.phone : current?.phone
    const email = 'email' in data ? data.email : current?.email
    if (!phone && !email) throw fieldError(req, 'members', 'phone', 'Đảng viên cần có số điện thoại hoặc thư điện tử để đăng nhập.')
    data.username = phone ?? email
  }
  return args
}

/** An update may not take away the last way to sign in. */
export const keepASignInName: CollectionBeforeValidateHook<Member> = ({ data, originalDoc, req, operation }) => {
  if (!data || operation !== 'update') return data
  const phone = data.phone === undefined ? originalDoc?.phone : data.phone
  const email = data.email === undefined ? originalDoc?.email : data.email
  if (!phone && !email) throw fieldError(req, 'members', 'phone', 'Đảng viên cần có số điện thoại hoặc thư điện tử để đăng nhập.')
  return data
}
