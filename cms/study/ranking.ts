import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'
import type { Ranking } from '../../library/study'
import { organizationChain, organizationSubtree } from '../access/organizationTree'
import { relationId } from '../lib/relations'
import type { Member } from '../payload-types'

const TOP = 10

/**
 * "Xếp hạng đảng viên tích cực" at each level from the member's chi bộ up: the top members by points
 * and the member's own place (1 + those with more points; equal points share a place). In their own
 * chi bộ everyone is listed; in wider rankings members who chose to hide their name are left out
 * entirely — they neither appear nor push anyone down.
 */
export async function rankingsOf(payload: Payload, member: Member, req?: PayloadRequest): Promise<Ranking[]> {
  const org = relationId(member.organization)
  if (!org) return []
  const r = req ?? (await createLocalReq({}, payload))
  const chain = await organizationChain(r, org)
  const out: Ranking[] = []
  for (const [level, orgId] of chain.entries()) out.push(await rankingAt(payload, member, orgId, level > 0, r))
  return out
}

export async function rankingAt(payload: Payload, member: Member, orgId: string, wide: boolean, req: PayloadRequest): Promise<Ranking> {
  const subtree = await organizationSubtree(req, orgId)
  const base: Where[] = [{ organization: { in: subtree } }, { status: { equals: 'active' } }]
  if (wide) base.push({ hideFromRanking: { not_equals: true } })
  const where: Where = { and: base }
  const [top, members, orgs] = await Promise.all([
    payload.find({
      collection: 'members',
      where,
      sort: ['-studyPoints', 'name'],
      limit: TOP,
      depth: 0,
      select: { name: true, studyPoints: true, organization: true },
      overrideAccess: true,
      req,
    }),
    payload.count({ collection: 'members', where, overrideAccess: true, req }),
    payload.find({
      collection: 'organizations',
      where: { id: { in: subtree } },
      depth: 0,
      pagination: false,
      select: { name: true },
      overrideAccess: true,
      req,
    }),
  ])
  const orgName = new Map(orgs.docs.map((o) => [String(o.id), o.name]))
  const points = (m: { studyPoints?: number | null }) => m.studyPoints ?? 0
  const above = async (p: number) =>
    (await payload.count({ collection: 'members', where: { and: [...base, { studyPoints: { greater_than: p } }] }, overrideAccess: true, req })).totalDocs
  // Equal points share a place: a place is 1 + the members with more points.
  const entries = []
  for (const m of top.docs) {
    entries.push({
      rank: 1 + (await above(points(m))),
      name: m.name,
      organizationName: orgName.get(relationId(m.organization) ?? '') ?? '',
      points: points(m),
      isMe: String(m.id) === String(member.id),
    })
  }
  const hidden = wide && Boolean(member.hideFromRanking)
  const me = hidden ? null : { rank: 1 + (await above(points(member))), points: points(member) }
  return { organization: { id: orgId, name: orgName.get(orgId) ?? '' }, wide, entries, me, members: members.totalDocs }
}
