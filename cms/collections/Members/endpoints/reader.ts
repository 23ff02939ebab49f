import type { Endpoint } from 'payload'
import { MEMBER_COLLECTIONS, type MemberCollection, type MemberReader } from '../../../../library/members'
import { noStore } from '../../../lib/readBody'
import { relationId } from '../../../lib/relations'
import { memberInbox, memberRecord, scopesOf } from '../../../publish/memberView'
import { signedInMember, signedOut } from './signedIn'

/**
 * The site's members' pages ask here, server to server with the member's token: who they are and
 * their search scopes, "Của tôi", one record. Answers are private to the member and never cached.
 */
export const readerEndpoints: Endpoint[] = [
  {
    path: '/reader',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const orgId = relationId(member.organization) ?? ''
      const org = orgId ? await req.payload.findByID({ collection: 'organizations', id: orgId, depth: 0, disableErrors: true, req }) : null
      const full = await req.payload.findByID({ collection: 'members', id: member.id, depth: 0, overrideAccess: true, showHiddenFields: true, req })
      const reader: MemberReader = {
        id: String(member.id),
        name: member.name,
        organization: { id: orgId, name: org?.name ?? '' },
        scopes: await scopesOf(req, member),
        feedToken: full.feedToken ?? '',
      }
      return Response.json(reader, { headers: noStore })
    },
  },
  {
    path: '/inbox',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      return Response.json({ items: await memberInbox(req.payload, member, 50, req) }, { headers: noStore })
    },
  },
  {
    // `:kind`, not `:collection`: Payload sets routeParams.collection to this collection's slug.
    path: '/content/:kind/:slug',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const collection = String(req.routeParams?.kind ?? '')
      const slug = String(req.routeParams?.slug ?? '')
      if (!(MEMBER_COLLECTIONS as readonly string[]).includes(collection) || !slug) return Response.json({ ok: false }, { status: 404, headers: noStore })
      const record = await memberRecord(req.payload, member, collection as MemberCollection, slug)
      return record ? Response.json(record, { headers: noStore }) : Response.json({ ok: false }, { status: 404, headers: noStore })
    },
  },
]
