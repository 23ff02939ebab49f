import { absoluteUrl, MY_QUESTIONS_URL, myAnnouncementUrl } from '../../../core/urls'
import { formatMeetingTime } from '../../../core/participation'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'

const FOOTER = [{ kind: 'note' as const, text: 'Thư tự động từ Sổ tay đảng viên điện tử; xin đừng trả lời thư này.' }]

/** The day before a meeting, to a member who has not said whether they come. */
export function meetingReminderMail(member: { name: string }, meeting: { title: string; slug: string; meetingAt: string; location: string; agenda: string }) {
  const s = mailSettings()
  const when = formatMeetingTime(meeting.meetingAt)
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: `Nhắc lịch họp: ${meeting.title}`,
    preview: `${when} tại ${meeting.location}. Xin đồng chí xác nhận tham dự hoặc báo vắng.`,
    heading: 'Nhắc lịch họp chi bộ',
    blocks: [
      { kind: 'paragraph', text: `Kính gửi đồng chí ${member.name}, chi bộ nhắc lịch họp «${meeting.title}».` },
      { kind: 'list', items: [`Thời gian: ${when}`, `Địa điểm: ${meeting.location}`] },
      ...(meeting.agenda.trim()
        ? [
            { kind: 'heading' as const, text: 'Chương trình' },
            {
              kind: 'list' as const,
              items: meeting.agenda
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean),
            },
          ]
        : []),
      { kind: 'paragraph', text: 'Đồng chí chưa xác nhận. Xin bấm nút dưới đây để xác nhận tham dự, hoặc báo vắng mặt kèm lý do.' },
      { kind: 'button', label: 'Xác nhận tham dự hoặc báo vắng', url: absoluteUrl(s.siteUrl, myAnnouncementUrl(meeting.slug)) },
    ],
    footer: FOOTER,
  })
}

/** The committee answered a member's question; the answer itself stays behind the sign-in. */
export function questionAnsweredMail(member: { name: string }, organizationName: string) {
  const s = mailSettings()
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: 'Câu hỏi của đồng chí đã được trả lời',
    preview: `${organizationName || 'Cấp ủy'} đã trả lời câu hỏi của đồng chí.`,
    heading: 'Câu hỏi đã được trả lời',
    blocks: [
      { kind: 'paragraph', text: `Kính gửi đồng chí ${member.name}, ${organizationName || 'cấp ủy'} đã trả lời câu hỏi đồng chí gửi qua Sổ tay đảng viên.` },
      { kind: 'button', label: 'Đọc câu trả lời', url: absoluteUrl(s.siteUrl, MY_QUESTIONS_URL) },
      { kind: 'note', text: 'Câu trả lời chỉ xem được sau khi đăng nhập.' },
    ],
    footer: FOOTER,
  })
}
