import crypto from 'node:crypto'
import type { Payload, PayloadRequest, Where } from 'payload'
import { looksLikeEmail, normalizePhone } from '../../../core/phone'
import type { Member } from '../../payload-types'

/** How long a printed activation code works, and how many wrong tries it survives. */
export const ACTIVATION_CODE_DAYS = 30
export const ACTIVATION_CODE_TRIES = 5

/**
 * Codes and link tokens are stored only as keyed hashes: a copy of the database does not activate
 * anyone. The key is the CMS secret, the member's id is in the hash so a code works for one account.
 */
const hashOf = (payload: Payload, memberId: string, secret: string) =>
  crypto.createHmac('sha256', payload.secret).update(`${memberId}:${secret}`).digest('base64url')

const sameHash = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))

/** Eight digits, printed as "1234 5678": easy to read out and to type on a phone keypad. */
export function newActivationCode(): string {
  return String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')
}
export const printedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`
export const typedCode = (input: string) => input.replace(/\D/g, '')

/** The fields that store a new activation code for `memberId` (the code itself is only printed). */
export function activationCodeFields(payload: Payload, memberId: string, code: string, now = Date.now()) {
  return {
    activationCodeHash: hashOf(payload, memberId, code),
    activationCodeExpiresAt: new Date(now + ACTIVATION_CODE_DAYS * 86_400_000).toISOString(),
    activationCodeAttempts: 0,
  }
}

/** A link token names its account (`<id>.<secret>`), so the link needs nothing else typed in. */
export function newActivationLink(payload: Payload, memberId: string, days: number, now = Date.now()) {
  const secret = crypto.randomBytes(24).toString('base64url')
  return {
    token: `${memberId}.${secret}`,
    fields: { activationLinkHash: hashOf(payload, memberId, secret), activationLinkExpiresAt: new Date(now + days * 86_400_000).toISOString() },
  }
}

export const codeMatches = (payload: Payload, member: Member, code: string, now = Date.now()): boolean =>
  Boolean(member.activationCodeHash) &&
  new Date(member.activationCodeExpiresAt ?? 0).getTime() > now &&
  (member.activationCodeAttempts ?? 0) < ACTIVATION_CODE_TRIES &&
  sameHash(hashOf(payload, String(member.id), code), member.activationCodeHash ?? '')

export function linkMatches(payload: Payload, member: Member, token: string, now = Date.now()): boolean {
  const secret = token.slice(token.indexOf('.') + 1)
  return (
    Boolean(member.activationLinkHash) &&
    new Date(member.activationLinkExpiresAt ?? 0).getTime() > now &&
    sameHash(hashOf(payload, String(member.id), secret), member.activationLinkHash ?? '')
  )
}

/** The account a member names when signing in or activating: by phone in any spelling, or by e-mail. */
export async function findMemberBySignInName(req: PayloadRequest, identifier: string): Promise<Member | null> {
  const name = identifier.trim().normalize('NFC')
  const where: Where = looksLikeEmail(name) ? { email: { equals: name.toLowerCase() } } : { phone: { equals: normalizePhone(name) ?? '\u0000' } }
  const { docs } = await req.payload.find({ collection: 'members', where, limit: 1, depth: 0, overrideAccess: true, showHiddenFields: true, req })
  return docs[0] ?? null
}

export async function findMemberById(req: PayloadRequest, id: string): Promise<Member | null> {
  const { docs } = await req.payload.find({
    collection: 'members',
    where: { id: { equals: id } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  return docs[0] ?? null
}

/** Every credential that activates an account, cleared once one has been used. */
export const NO_ACTIVATION = {
  activationCodeHash: null,
  activationCodeExpiresAt: null,
  activationCodeAttempts: 0,
  activationLinkHash: null,
  activationLinkExpiresAt: null,
}
