import type { Endpoint } from 'payload'
import { confirmSubscription } from '../../../email/subscriptions/confirm'
import { CONFIRM_MESSAGES } from '../../../../core/subscriptions/messages'
import { noStore, readBody } from '../../../lib/readBody'

const STATUS = { confirmed: 200, updated: 200, already: 200, expired: 410, invalid: 400 } as const

/** POST /api/subscribers/confirm {token} — from the site's confirmation page (a button, never a bare GET). */
export const confirmEndpoint: Endpoint = {
  path: '/confirm',
  method: 'post',
  handler: async (req) => {
    const body = (await readBody(req)) ?? {}
    const outcome = await confirmSubscription(req.payload, body.token ?? req.searchParams?.get('t'))
    return Response.json({ outcome, message: CONFIRM_MESSAGES[outcome] }, { status: STATUS[outcome], headers: noStore })
  },
}
