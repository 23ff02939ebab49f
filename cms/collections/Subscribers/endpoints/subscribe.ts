import type { Endpoint } from 'payload'
import { SUBSCRIBE_ACCEPTED, SUBSCRIBE_INVALID } from '../../../email/subscriptions/messages'
import { validateSubscribeRequest } from '../../../email/subscriptions/request'
import { requestSubscription, UnknownChoiceError } from '../../../email/subscriptions/subscribe'
import { noStore, readBody } from './readBody'

/** POST /api/subscribers/subscribe — JSON from the site's form (server to server). */
export const subscribeEndpoint: Endpoint = {
  path: '/subscribe',
  method: 'post',
  handler: async (req) => {
    const check = validateSubscribeRequest(await readBody(req))
    if (!check.ok) return Response.json({ ok: false, message: SUBSCRIBE_INVALID, errors: check.errors }, { status: 400, headers: noStore })
    try {
      await requestSubscription(req.payload, check.value)
    } catch (error) {
      if (error instanceof UnknownChoiceError) {
        return Response.json({ ok: false, message: SUBSCRIBE_INVALID, errors: { [error.field]: error.message } }, { status: 400, headers: noStore })
      }
      throw error
    }
    return Response.json({ ok: true, message: SUBSCRIBE_ACCEPTED }, { status: 202, headers: noStore })
  },
}
