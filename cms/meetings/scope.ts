import type { Payload, PayloadRequest } from 'payload'
import { organizationSubtree } from '../access/organizationTree'
import { relationId } from '../lib/relations'
import type { Announcement, Member } from '../payload-types'

/**
 * Who a meeting is for: the members of the organization the announcement is addressed to (its
 * audience organization, else the announcing one) and of the organizations below it — the same
 * members who may read an announcement for that organization (core/scopes.ts).
 */
export const meetingOrganization = (a: Pick<Announcement, 'audience' | 'audienceOrganization' | 'organization'>): string =>
  (a.audience === 'organization' ? relationId(a.audienceOrganization) : undefined) ?? relationId(a.organization) ?? ''

export const inviteeOrganizations = (req: PayloadRequest, a: Announcement): Promise<string[]> => organizationSubtree(req, meetingOrganization(a))

export async function isInvited(req: PayloadRequest, a: Announcement, member: Member): Promise<boolean> {
  const org = relationId(member.organization)
  return Boolean(org) && (await inviteeOrganizations(req, a)).includes(org!)
}

/** The active members a meeting is for. */
export async function invitees(payload: Payload, req: PayloadRequest, a: Announcement): Promise<Member[]> {
  const { docs } = await payload.find({
    collection: 'members',
    where: { and: [{ organization: { in: await inviteeOrganizations(req, a) } }, { status: { equals: 'active' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    sort: 'name',
    req,
  })
  return docs
}

export const isMeeting = (a: Announcement): a is Announcement & { meetingAt: string } => Boolean(a.meetingAt)

/** Answers can change until the meeting starts. */
export const meetingClosed = (a: Announcement & { meetingAt: string }, now = new Date()) => new Date(a.meetingAt).getTime() <= now.getTime()

/** The meeting row key: one answer per meeting and member. */
export const rsvpKey = (announcementId: string, memberId: string) => `${announcementId}:${memberId}`
