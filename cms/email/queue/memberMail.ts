import type { Payload } from 'payload'
import { MEMBER_DELIVERY_KINDS } from '../../collections/MailDeliveries/options'
import { relationId } from '../../lib/relations'
import type { MailDelivery } from '../../payload-types'
import { meetingReminderMail, questionAnsweredMail } from '../templates/participation'
import { composeStudyReminder } from '../../study/reminders'
import { NotWanted } from './notWanted'

export const isMemberDelivery = (d: MailDelivery) => (MEMBER_DELIVERY_KINDS as readonly string[]).includes(d.kind)

/**
 * A member's mail, built from what is true at send time: a reminder is dropped when the member
 * answered meanwhile, the meeting moved into the past or was withdrawn, or the account was locked.
 */
export async function composeMemberMail(payload: Payload, delivery: MailDelivery): Promise<{ subject: string; html: string; text: string }> {
  const memberId = relationId(delivery.member)
  const member = memberId ? await payload.findByID({ collection: 'members', id: memberId, depth: 0, overrideAccess: true, disableErrors: true }) : null
  if (member?.status !== 'active') throw new NotWanted('Tài khoản đảng viên không còn hoạt động.')
  const [kind, aboutId] = delivery.key.split(':')

  if (kind === 'meeting-reminder' && aboutId) {
    const meeting = await payload.findByID({ collection: 'announcements', id: aboutId, depth: 0, overrideAccess: true, disableErrors: true })
    if (meeting?._status !== 'published' || !meeting.meetingAt || new Date(meeting.meetingAt).getTime() <= Date.now()) {
      throw new NotWanted('Cuộc họp đã qua hoặc thông báo đã gỡ.')
    }
    const answered = await payload.count({
      collection: 'meeting-responses',
      where: { and: [{ announcement: { equals: meeting.id } }, { member: { equals: member.id } }, { response: { not_equals: 'none' } }] },
      overrideAccess: true,
    })
    if (answered.totalDocs > 0) throw new NotWanted('Đảng viên đã trả lời trước khi thư nhắc được gửi.')
    return meetingReminderMail(member, {
      title: meeting.title,
      slug: meeting.slug ?? String(meeting.id),
      meetingAt: meeting.meetingAt,
      location: meeting.location ?? '',
      agenda: meeting.agenda ?? '',
    })
  }
  if (kind === 'question-answered' && aboutId) {
    const question = await payload.findByID({ collection: 'questions', id: aboutId, depth: 1, overrideAccess: true, disableErrors: true })
    if (question?.status !== 'answered') throw new NotWanted('Câu hỏi không còn ở trạng thái đã trả lời.')
    const org = typeof question.organization === 'object' && question.organization ? question.organization.name : ''
    return questionAnsweredMail(member, org)
  }
  if (kind === 'study-reminder') return composeStudyReminder(payload, delivery)
  throw new NotWanted('Loại thư không rõ.')
}
