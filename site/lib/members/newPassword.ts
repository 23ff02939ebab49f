import { memberPasswordProblem } from '../../../core/members/password'
import { field } from './identifier'

export const PASSWORDS_DIFFER = 'Hai lần nhập mật khẩu chưa giống nhau.'

/** The new password of an activation or reset form, or the field errors to show. */
export function newPasswordFrom(form: FormData): { ok: true; password: string } | { ok: false; errors: Record<string, string> } {
  const password = field(form, 'password', 500)
  const again = field(form, 'password2', 500)
  const problem = memberPasswordProblem(password)
  if (problem) return { ok: false, errors: { password: problem } }
  if (password !== again) return { ok: false, errors: { password2: PASSWORDS_DIFFER } }
  return { ok: true, password }
}

export const PASSWORD_HINT = 'Ít nhất 10 ký tự, gồm cả chữ và số. Ví dụ: mùa xuân 2025 → muaxuan2025'
