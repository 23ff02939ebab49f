import crypto from 'node:crypto'
import type { Endpoint } from 'payload'
import { isMember, isMemberAccount } from '../../../access/roles'
import { noStore } from '../../../lib/readBody'
import { asMemberUser, memberInbox } from '../../../publish/memberView'

/**
 * A member's private feed (for a feed reader, which cannot sign in): the token in its URL is the
 * only credential, so "Của tôi" can replace it at once and the old URL stops working.
 */
export const feedEndpoints: Endpoint[] = [
  {
    path: '/feed/:token',
    method: 'get',
    handler: async (req) => {
      const token = String(req.routeParams?.token ?? '')
      if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return Response.json({ ok: false }, { status: 404, headers: noStore })
      const { docs } = await req.payload.find({
        collection: 'members',
        where: { and: [{ feedToken: { equals: token } }, { status: { equals: 'active' } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        showHiddenFields: true,
        req,
      })
      const member = docs[0]
      if (!member) return Response.json({ ok: false }, { status: 404, headers: noStore })
      return Response.json({ name: member.name, items: await memberInbox(req.payload, asMemberUser(member), 30) }, { headers: noStore })
    },
  },
  {
    path: '/feed-token',
    method: 'post',
    handler: async (req) => {
      const user = req.user
      if (!isMemberAccount(user) || !isMember(user)) return Response.json({ ok: false }, { status: 401, headers: noStore })
      const feedToken = crypto.randomBytes(24).toString('base64url')
      await req.payload.update({ collection: 'members', id: user.id, data: { feedToken }, overrideAccess: true, req })
      return Response.json({ ok: true, feedToken }, { headers: noStore })
    },
  },
]
