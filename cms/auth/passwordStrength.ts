import type { CollectionBeforeOperationHook } from 'payload'
import { fieldError } from '../lib/fieldError'

export const MIN_PASSWORD_LENGTH = 12

/**
 * Why a password is too weak, in Vietnamese, or null when it is acceptable: at least 12
 * characters mixing three of lower case, upper case, digits and symbols. One rule for every way a
 * password is set (first-run form, the admin, REST, reset link, one-time environment values).
 */
export function passwordProblem(password: string): string | null {
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z0-9]/].filter((r) => r.test(password)).length
  if (password.length < MIN_PASSWORD_LENGTH || classes < 3) {
    return `Mật khẩu quá yếu. Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự và ít nhất ba trong bốn loại ký tự (chữ thường, chữ hoa, chữ số, ký hiệu).`
  }
  return null
}

/**
 * Refuses a weak password before Payload hashes it. A beforeOperation hook, because Payload's
 * reset-password operation sets the password without running the field or change hooks.
 */
export const refuseWeakPassword: CollectionBeforeOperationHook<'users'> = ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password: unknown = args.data?.password
  if (password !== undefined && password !== null && typeof password !== 'string') {
    throw fieldError(req, collection.slug, 'password', 'Mật khẩu phải là một đoạn chữ.')
  }
  if (typeof password === 'string' && password !== '') {
    const problem = passwordProblem(password)
    if (problem) throw fieldError(req, collection.slug, 'password', problem)
  }
  return args
}
