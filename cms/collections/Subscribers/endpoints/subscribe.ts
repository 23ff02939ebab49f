import type { Endpoint } from 'payload'
import { checkMailFormLimits, TooManyRequestsError } from '../../../limits/mailFormLimits'
import { REQUEST_MALFORMED, SUBSCRIBE_ACCEPTED, SUBSCRIBE_INVALID } from '../../../../core/subscriptions/messages'
import { validateSubscribeRequest } from '../../../../core/subscriptions/request'
import { requestSubscription, UnknownChoiceError } from '../../../email/subscriptions/subscribe'
import { noStore, readBody } from '../../../lib/readBody'

/** The form's hidden field, left empty by people and filled in by robots. */
export const HONEYPOT_FIELD = 'website'

/**
 * POST /api/subscribers/subscribe — JSON from the site's form (server to server, with the
 * visitor's address in X-Forwarded-For), or called directly: the same checks either way (the
 * honeypot, the validation, the limits per client and per e-mail address).
 */
export const subscribeEndpoint: Endpoint = {
  path: '/subscribe',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    if (!body) return Response.json({ ok: false, message: REQUEST_MALFORMED }, { status: 400, headers: noStore })
    const trap = body[HONEYPOT_FIELD]
    // A robot is told what a person would be told, and nothing is sent.
    if (typeof trap === 'string' && trap.trim() !== '') return Response.json({ ok: true, message: SUBSCRIBE_ACCEPTED }, { status: 202, headers: noStore })
    const check = validateSubscribeRequest(body)
    if (!check.ok) return Response.json({ ok: false, message: SUBSCRIBE_INVALID, errors: check.errors }, { status: 400, headers: noStore })
    try {
      await checkMailFormLimits(req, 'subscribe', check.value.email)
      await requestSubscription(req.payload, check.value)
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        return Response.json({ ok: false, message: error.message }, { status: 429, headers: { ...noStore, 'Retry-After': String(error.retryAfterSeconds) } })
      }
      if (error instanceof UnknownChoiceError) {
        return Response.json({ ok: false, message: SUBSCRIBE_INVALID, errors: { [error.field]: error.message } }, { status: 400, headers: noStore })
      }
      throw error
    }
    return Response.json({ ok: true, message: SUBSCRIBE_ACCEPTED }, { status: 202, headers: noStore })
  },
}
