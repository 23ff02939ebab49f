import type { Endpoint } from 'payload'
import { UNSUBSCRIBE_PATH } from '../../../email/links'
import { mailSettings } from '../../../email/settings'
import { UNSUBSCRIBE_MESSAGES } from '../../../../core/subscriptions/messages'
import { unsubscribe } from '../../../email/subscriptions/unsubscribe'
import { noStore, readBody } from '../../../lib/readBody'

/**
 * POST /api/subscribers/unsubscribe?t=… — the List-Unsubscribe target. Mail apps POST
 * `List-Unsubscribe=One-Click` (RFC 8058) without any login or cookie; the site's page POSTs JSON
 * {token}. GET changes nothing (link checkers and prefetchers use GET): it sends the visitor to
 * the site's page, which says what happened in words.
 */
export const unsubscribeEndpoints: Endpoint[] = [
  {
    path: '/unsubscribe',
    method: 'post',
    handler: async (req) => {
      const body = (await readBody(req)) ?? {}
      const outcome = await unsubscribe(req.payload, req.searchParams?.get('t') ?? body.token)
      return Response.json({ outcome, message: UNSUBSCRIBE_MESSAGES[outcome] }, { status: outcome === 'invalid' ? 400 : 200, headers: noStore })
    },
  },
  {
    path: '/unsubscribe',
    method: 'get',
    handler: async (req) => {
      const token = req.searchParams?.get('t') ?? ''
      const location = `${mailSettings().siteUrl}${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(token)}`
      return new Response(null, { status: 303, headers: { Location: location, ...noStore } })
    },
  },
]
