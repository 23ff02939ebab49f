import type { Endpoint, PayloadRequest, Where } from 'payload'
import { z } from 'zod'
import { labelOf, MEETING_KINDS, RSVP_CHANGES_PER_HOUR, RSVP_MESSAGES, RSVP_REASON_MAX } from '../../../../core/participation'
import type { MeetingItem } from '../../../../library/members'
import { countRequest } from '../../../limits/countRequest'
import { noStore, readBody } from '../../../lib/readBody'
import { relationId } from '../../../lib/relations'
import { calendarHeaders, meetingsCalendar, type CalendarMeeting } from '../../../meetings/calendar'
import { isInvited, isMeeting, meetingClosed, meetingOrganization, rsvpKey } from '../../../meetings/scope'
import type { Announcement, MeetingResponse } from '../../../payload-types'
import { asMemberUser, findAsMember, type MemberUser } from '../../../publish/memberView'
import { signedInMember, signedOut } from './signedIn'

const HOUR = 60 * 60 * 1000
/** Meetings shown in "Của tôi" and the calendar: those ahead and those of the last two months. */
const PAST_DAYS = 60

const notFound = () => Response.json({ ok: false, message: 'Không tìm thấy cuộc họp.' }, { status: 404, headers: noStore })

/** The meetings a member may read and is invited to (the same rule as reading the announcement). */
async function meetingsOf(req: PayloadRequest, member: MemberUser, where: Where = {}): Promise<(Announcement & { meetingAt: string })[]> {
  const since = new Date(Date.now() - PAST_DAYS * 24 * HOUR).toISOString()
  const { docs } = await findAsMember(req.payload, member, 'announcements', { and: [{ meetingAt: { greater_than: since } }, where] }, 100, req)
  const out: (Announcement & { meetingAt: string })[] = []
  for (const a of docs) if (isMeeting(a) && (await isInvited(req, a, member))) out.push(a)
  return out.sort((a, b) => a.meetingAt.localeCompare(b.meetingAt))
}

async function oneMeeting(req: PayloadRequest, member: MemberUser): Promise<(Announcement & { meetingAt: string }) | null> {
  const slug = String(req.routeParams?.slug ?? '')
  if (!slug) return null
  return (await meetingsOf(req, member, { slug: { equals: slug } }))[0] ?? null
}

async function answersOf(req: PayloadRequest, memberId: string, ids: string[]): Promise<Map<string, MeetingResponse>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'meeting-responses',
    where: { and: [{ member: { equals: memberId } }, { announcement: { in: ids } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((r) => [relationId(r.announcement) ?? '', r]))
}

async function organizationNames(req: PayloadRequest): Promise<Map<string, string>> {
  const { docs } = await req.payload.find({ collection: 'organizations', depth: 0, pagination: false, select: { name: true }, overrideAccess: true, req })
  return new Map(docs.map((o) => [String(o.id), o.name]))
}

async function meetingItems(req: PayloadRequest, member: MemberUser, meetings: (Announcement & { meetingAt: string })[]): Promise<MeetingItem[]> {
  const [answers, names] = await Promise.all([
    answersOf(
      req,
      String(member.id),
      meetings.map((m) => String(m.id)),
    ),
    organizationNames(req),
  ])
  return meetings.map((m) => {
    const r = answers.get(String(m.id))
    return {
      slug: m.slug ?? String(m.id),
      title: m.title,
      meetingAt: m.meetingAt,
      location: m.location ?? '',
      kindLabel: labelOf(MEETING_KINDS, m.meetingKind) || 'Cuộc họp',
      organizationName: names.get(relationId(m.organization) ?? '') ?? '',
      rsvp: r && r.response !== 'none' ? { response: r.response, reason: r.reason ?? '', respondedAt: r.respondedAt ?? '' } : null,
      closed: meetingClosed(m),
      hasMinutes: Boolean(m.minutes) || (m.minutesFiles?.length ?? 0) > 0,
    }
  })
}

const calendarMeetings = async (req: PayloadRequest, meetings: (Announcement & { meetingAt: string })[]): Promise<CalendarMeeting[]> => {
  const names = await organizationNames(req)
  return meetings.map((m) => ({
    id: String(m.id),
    slug: m.slug ?? String(m.id),
    title: m.title,
    meetingAt: m.meetingAt,
    location: m.location ?? '',
    agenda: m.agenda ?? '',
    organizationName: names.get(relationId(m.organization) ?? '') ?? '',
    updatedAt: m.updatedAt,
  }))
}

const RsvpInput = z
  .object({
    response: z.enum(['attend', 'absent'], { error: RSVP_MESSAGES.badResponse }),
    reason: z
      .string({ error: RSVP_MESSAGES.reasonRequired })
      .optional()
      .transform((r) => (r ?? '').normalize('NFC').trim())
      .pipe(z.string().max(RSVP_REASON_MAX, { error: RSVP_MESSAGES.reasonTooLong })),
  })
  .superRefine((d, ctx) => {
    if (d.response === 'absent' && !d.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: RSVP_MESSAGES.reasonRequired })
  })

const refused = (status: number, message: string, field?: string) =>
  Response.json({ ok: false, message, ...(field ? { errors: { [field]: message } } : {}) }, { status, headers: noStore })

/**
 * A member's meetings (sinh hoạt chi bộ): the list with their answers, answering (attend, or absent
 * with a reason) until the meeting starts, one meeting as .ics, and a private calendar feed on the
 * same revocable token as the RSS feed.
 */
export const meetingEndpoints: Endpoint[] = [
  {
    path: '/meetings',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      return Response.json({ items: await meetingItems(req, member, await meetingsOf(req, member)) }, { headers: noStore })
    },
  },
  {
    path: '/meetings/:slug',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const meeting = await oneMeeting(req, member)
      if (!meeting) return notFound()
      return Response.json((await meetingItems(req, member, [meeting]))[0], { headers: noStore })
    },
  },
  {
    path: '/meetings/:slug/rsvp',
    method: 'post',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const meeting = await oneMeeting(req, member)
      if (!meeting) return notFound()
      if (meetingClosed(meeting)) return refused(409, RSVP_MESSAGES.closed)
      const parsed = RsvpInput.safeParse((await readBody(req)) ?? {})
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        return refused(400, issue.message, String(issue.path[0] ?? 'response'))
      }
      const count = await countRequest(req.payload, 'rsvp', String(member.id), HOUR)
      if (count.count > RSVP_CHANGES_PER_HOUR) return refused(429, RSVP_MESSAGES.tooMany)
      const key = rsvpKey(String(meeting.id), String(member.id))
      const data = {
        response: parsed.data.response,
        reason: parsed.data.response === 'absent' ? parsed.data.reason : '',
        respondedAt: new Date().toISOString(),
      }
      const existing = await req.payload.find({
        collection: 'meeting-responses',
        where: { key: { equals: key } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
      })
      if (existing.docs[0]) {
        await req.payload.update({ collection: 'meeting-responses', id: existing.docs[0].id, data, overrideAccess: true, req })
      } else {
        await req.payload.create({
          collection: 'meeting-responses',
          data: { ...data, key, announcement: meeting.id, member: member.id, memberName: member.name, meetingOrganization: meetingOrganization(meeting) },
          overrideAccess: true,
          req,
        })
      }
      return Response.json({ ok: true, ...(await meetingItems(req, member, [meeting]))[0] }, { headers: noStore })
    },
  },
  {
    path: '/meetings/:slug/ics',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const meeting = await oneMeeting(req, member)
      if (!meeting) return notFound()
      return new Response(meetingsCalendar(meeting.title, await calendarMeetings(req, [meeting])), { headers: calendarHeaders(`hop-${meeting.id}.ics`) })
    },
  },
  {
    path: '/calendar/:token',
    method: 'get',
    handler: async (req) => {
      const token = String(req.routeParams?.token ?? '')
      if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return notFound()
      const { docs } = await req.payload.find({
        collection: 'members',
        where: { and: [{ feedToken: { equals: token } }, { status: { equals: 'active' } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        showHiddenFields: true,
        req,
      })
      if (!docs[0]) return notFound()
      const member = asMemberUser(docs[0])
      const meetings = await meetingsOf(req, member)
      return new Response(meetingsCalendar(`Lịch họp — ${member.name}`, await calendarMeetings(req, meetings)), { headers: calendarHeaders('lich-hop.ics') })
    },
  },
]
