import ical, { ICalCalendarMethod } from 'ical-generator'
import { absoluteUrl, myAnnouncementUrl } from '../../core/urls'
import { mailSettings } from '../email/settings'

/** Announcements give a start only: a chi bộ meeting is put in the calendar for two hours. */
const MEETING_HOURS = 2

export interface CalendarMeeting {
  id: string
  slug: string
  title: string
  meetingAt: string
  location: string
  agenda: string
  organizationName: string
  updatedAt: string
}

/**
 * One meeting, or a member's meetings, as iCalendar (RFC 5545) written by ical-generator. The UID
 * stays the same for a meeting, so a calendar app updates the event when the time or place changes.
 */
export function meetingsCalendar(name: string, meetings: CalendarMeeting[]): string {
  const s = mailSettings()
  const calendar = ical({ name, prodId: { company: 'So tay dang vien', product: 'lich-hop', language: 'VI' }, method: ICalCalendarMethod.PUBLISH })
  for (const m of meetings) {
    const start = new Date(m.meetingAt)
    const url = absoluteUrl(s.siteUrl, myAnnouncementUrl(m.slug))
    calendar.createEvent({
      id: `meeting-${m.id}@${s.messageIdHost}`,
      start,
      end: new Date(start.getTime() + MEETING_HOURS * 60 * 60 * 1000),
      stamp: new Date(m.updatedAt),
      lastModified: new Date(m.updatedAt),
      summary: m.title,
      location: m.location,
      description: [m.organizationName, m.agenda.trim() ? `Chương trình:\n${m.agenda.trim()}` : '', `Xác nhận tham dự: ${url}`].filter(Boolean).join('\n\n'),
      url,
    })
  }
  return calendar.toString()
}

export const calendarHeaders = (filename: string) => ({
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': `inline; filename="${filename}"`,
  'Cache-Control': 'no-store',
})
