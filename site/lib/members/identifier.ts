import { looksLikeEmail, normalizePhone } from '../../../core/phone'

/** What a member typed to sign in, as the CMS's login wants it; null when it is neither a phone nor an e-mail. */
export function signInName(typed: string): { email: string } | { username: string } | null {
  const value = typed.trim().normalize('NFC')
  if (!value) return null
  if (looksLikeEmail(value)) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { email: value.toLowerCase() } : null
  const phone = normalizePhone(value)
  return phone ? { username: phone } : null
}

export const field = (form: FormData, name: string, max = 200): string => {
  const value = form.get(name)
  return typeof value === 'string' ? value.slice(0, max) : ''
}
