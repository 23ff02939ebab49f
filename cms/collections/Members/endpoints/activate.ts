import type { Endpoint, PayloadRequest } from 'payload'
import { ACTIVATED, ACTIVATION_FAILED, ACTIVATION_LINK_FAILED, REQUEST_INVALID } from '../../../../core/members/messages'
import { memberPasswordProblem } from '../../../../core/members/password'
import { clientAddress } from '../../../limits/clientAddress'
import { countRequest } from '../../../limits/countRequest'
import { noStore, readBody } from '../../../lib/readBody'
import type { Member } from '../../../payload-types'
import { codeMatches, findMemberById, findMemberBySignInName, linkMatches, NO_ACTIVATION, typedCode } from '../credentials'

/** Wrong codes per client address and quarter hour: guessing 8 digits stays hopeless. */
const TRIES_PER_ADDRESS = 20
const WINDOW_MS = 15 * 60_000

const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { ...noStore, ...headers } })

/**
 * POST /api/members/activate — the first sign-in (or a new start after a forgotten password):
 * `{ identifier, code, password }` with the code the chi bộ secretary handed over, or
 * `{ token, password }` from the mailed link. Sets the password, activates the account and spends
 * the code or link. Every failure answers alike, so it reveals nothing about which accounts exist.
 */
export const activateEndpoint: Endpoint = {
  path: '/activate',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    const password = body?.password
    if (!body || typeof password !== 'string') return answer(400, { ok: false, message: REQUEST_INVALID })
    const problem = memberPasswordProblem(password)
    if (problem) return answer(400, { ok: false, message: problem, errors: { password: problem } })

    const { count, resetsAt } = await countRequest(req.payload, 'activate:ip', clientAddress(req.headers), WINDOW_MS)
    if (count > TRIES_PER_ADDRESS) {
      const seconds = Math.ceil((resetsAt.getTime() - Date.now()) / 1000)
      const message = `Đã thử quá nhiều lần. Xin đồng chí thử lại sau khoảng ${Math.max(1, Math.ceil(seconds / 60))} phút.`
      return answer(429, { ok: false, message }, { 'Retry-After': String(seconds) })
    }

    const member = await memberFor(req, body)
    if (!member.ok) return answer(400, { ok: false, message: member.message })
    if (member.member.status === 'disabled') return answer(400, { ok: false, message: member.failure })
    await req.payload.update({
      collection: 'members',
      id: member.member.id,
      data: { ...NO_ACTIVATION, password, status: 'active', loginAttempts: 0, lockUntil: null },
      overrideAccess: true,
      req,
    })
    return answer(200, { ok: true, message: ACTIVATED, signInName: member.member.phone ?? member.member.email })
  },
}

type Found = { ok: true; member: Member; failure: string } | { ok: false; message: string }

async function memberFor(req: PayloadRequest, body: Record<string, unknown>): Promise<Found> {
  if (typeof body.token === 'string' && body.token.includes('.')) {
    const member = await findMemberById(req, body.token.slice(0, body.token.indexOf('.')))
    return member && linkMatches(req.payload, member, body.token)
      ? { ok: true, member, failure: ACTIVATION_LINK_FAILED }
      : { ok: false, message: ACTIVATION_LINK_FAILED }
  }
  if (typeof body.identifier !== 'string' || typeof body.code !== 'string') return { ok: false, message: REQUEST_INVALID }
  const member = await findMemberBySignInName(req, body.identifier)
  if (!member) return { ok: false, message: ACTIVATION_FAILED }
  if (!codeMatches(req.payload, member, typedCode(body.code))) {
    // Counted on the code itself too: five wrong tries spend it, from any number of addresses.
    if (member.activationCodeHash) {
      await req.payload.update({
        collection: 'members',
        id: member.id,
        data: { activationCodeAttempts: (member.activationCodeAttempts ?? 0) + 1 },
        overrideAccess: true,
        req,
      })
    }
    return { ok: false, message: ACTIVATION_FAILED }
  }
  return { ok: true, member, failure: ACTIVATION_FAILED }
}
