import crypto from 'node:crypto'
import { mailSettings } from './settings'

/**
 * Links in subscriber mail carry `<subscriber id>.<HMAC>`: no login, nothing stored. The key is
 * derived from PAYLOAD_SECRET so mail links cannot be replayed as any other Payload token.
 *
 * - confirm: signs the subscription's current `tokenKey`, which changes with every new request,
 *   so only the latest confirmation mail works.
 * - unsubscribe: signs the id alone, so the link in any mail ever sent keeps working.
 */
export type TokenPurpose = 'confirm' | 'unsubscribe'

const ID = /^[A-Za-z0-9-]{1,64}$/

function key(): Buffer {
  return crypto.createHmac('sha256', mailSettings().secret).update('so-tay:mail-links:v1').digest()
}

function signature(purpose: TokenPurpose, id: string, tokenKey: string): string {
  return crypto.createHmac('sha256', key()).update(`${purpose}\n${id}\n${tokenKey}`).digest('base64url')
}

export function signToken(purpose: TokenPurpose, id: string, tokenKey = ''): string {
  return `${id}.${signature(purpose, id, purpose === 'confirm' ? tokenKey : '')}`
}

/** The subscriber id a well-formed token names, before its signature is checked. */
export function tokenSubject(token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const dot = token.lastIndexOf('.')
  if (dot <= 0) return null
  const id = token.slice(0, dot)
  return ID.test(id) ? id : null
}

/** Constant-time check of a token against the subscriber it names. */
export function verifyToken(purpose: TokenPurpose, token: string, id: string, tokenKey = ''): boolean {
  if (tokenSubject(token) !== id) return false
  const given = Buffer.from(token.slice(token.lastIndexOf('.') + 1))
  const expected = Buffer.from(signature(purpose, id, purpose === 'confirm' ? tokenKey : ''))
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

export const newTokenKey = (): string => crypto.randomBytes(16).toString('base64url')
