import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { queueInRequest } from '../jobs/queueInRequest'
import { relationId } from '../lib/relations'
import type { Announcement } from '../payload-types'
import { invitees, meetingOrganization, rsvpKey } from './scope'

/**
 * The secretary's list holds every invited member from the moment the meeting is published ("Chưa
 * trả lời" until they answer), so attendance can be recorded for those who never answered too.
 * Saving the announcement again adds members who joined the organization since; nothing is removed.
 */
export async function ensureRollCall(req: PayloadRequest, meeting: Announcement): Promise<number> {
  const { docs: existing } = await req.payload.find({
    collection: 'meeting-responses',
    where: { announcement: { equals: meeting.id } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { member: true },
    req,
  })
  const listed = new Set(existing.map((r) => relationId(r.member)))
  let added = 0
  for (const member of await invitees(req.payload, req, meeting)) {
    if (listed.has(String(member.id))) continue
    await req.payload.create({
      collection: 'meeting-responses',
      data: {
        key: rsvpKey(String(meeting.id), String(member.id)),
        announcement: meeting.id,
        member: member.id,
        memberName: member.name,
        meetingOrganization: meetingOrganization(meeting),
        response: 'none',
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
    added++
  }
  return added
}

/**
 * A published meeting gets its roll call, and, while it is ahead, keeps the mail housekeeping (which
 * sends the reminders the day before, meetings/reminders.ts) going.
 */
export const meetingHooks: CollectionAfterChangeHook<Announcement> = async ({ doc, req }) => {
  if (doc._status !== 'published' || !doc.meetingAt) return doc
  await ensureRollCall(req, doc)
  if (new Date(doc.meetingAt).getTime() > Date.now()) await queueInRequest(req, 'mailTend', {})
  return doc
}
