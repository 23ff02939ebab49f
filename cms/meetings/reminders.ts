import { createLocalReq, type Payload } from 'payload'
import { enqueueDelivery, deliveryKey } from '../email/queue/deliveries'
import { scheduleSender } from '../email/queue/jobs'
import { relationId } from '../lib/relations'
import { invitees } from './scope'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The day before a meeting, a reminder to every invited member with an e-mail address who has not
 * answered yet. Run every minute by the mail housekeeping (email/queue/tend.ts); the delivery key
 * (meeting + member) makes a second run, a retried job or two processes queue nothing more, and
 * the message is dropped at send time if the member answered in between (email/queue/memberMail.ts).
 */
export async function queueMeetingReminders(payload: Payload, now = new Date()): Promise<{ queued: number; upcoming: number }> {
  const req = await createLocalReq({}, payload)
  const published = { _status: { equals: 'published' } }
  const { docs: due } = await payload.find({
    collection: 'announcements',
    where: {
      and: [published, { meetingAt: { greater_than: now.toISOString() } }, { meetingAt: { less_than_equal: new Date(now.getTime() + DAY_MS).toISOString() } }],
    },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  let queued = 0
  for (const meeting of due) {
    const { docs: answered } = await payload.find({
      collection: 'meeting-responses',
      where: { and: [{ announcement: { equals: meeting.id } }, { response: { not_equals: 'none' } }] },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { member: true },
    })
    const done = new Set(answered.map((r) => relationId(r.member)))
    for (const member of await invitees(payload, req, meeting)) {
      if (!member.email || done.has(String(member.id))) continue
      const key = deliveryKey.meetingReminder(String(meeting.id), String(member.id))
      if ((await enqueueDelivery(payload, { key, kind: 'meetingReminder', member: String(member.id), to: member.email })) === 'created') queued++
    }
  }
  if (queued > 0) await scheduleSender(payload)
  const upcoming = (
    await payload.count({ collection: 'announcements', where: { and: [published, { meetingAt: { greater_than: now.toISOString() } }] }, overrideAccess: true })
  ).totalDocs
  return { queued, upcoming }
}
