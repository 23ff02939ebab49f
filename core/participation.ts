/**
 * Meetings (sinh hoạt chi bộ) and questions to the committee: the value lists, labels and limits
 * shared by the CMS, the members' pages and mail. Values are stable ASCII slugs; labels Vietnamese.
 */

export const MEETING_KINDS = [
  { value: 'thuong-ky', label: 'Sinh hoạt thường kỳ' },
  { value: 'chuyen-de', label: 'Sinh hoạt chuyên đề' },
] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]['value']

/** A member's answer to a meeting announcement. */
export const RSVP_RESPONSES = [
  { value: 'attend', label: 'Tham dự' },
  { value: 'absent', label: 'Vắng mặt' },
] as const
export type RsvpResponse = (typeof RSVP_RESPONSES)[number]['value']
/** As stored: the roll call lists every invited member, those who have not answered too. */
export const STORED_RESPONSES = [...RSVP_RESPONSES, { value: 'none', label: 'Chưa trả lời' }] as const

/** What the secretary records after the meeting. */
export const ATTENDANCE = [
  { value: 'present', label: 'Có mặt' },
  { value: 'excused', label: 'Vắng có lý do' },
  { value: 'absent', label: 'Vắng không lý do' },
] as const
export type Attendance = (typeof ATTENDANCE)[number]['value']

export const QUESTION_STATUSES = [
  { value: 'new', label: 'Mới' },
  { value: 'in-progress', label: 'Đang xử lý' },
  { value: 'answered', label: 'Đã trả lời' },
] as const
export type QuestionStatus = (typeof QUESTION_STATUSES)[number]['value']

/** Where an answered question may be published, always without the asker. */
export const QUESTION_PUBLICATIONS = [
  { value: 'none', label: 'Không công bố' },
  { value: 'members', label: 'Hỏi đáp dành cho đảng viên' },
  { value: 'public', label: 'Hỏi đáp công khai' },
] as const
export type QuestionPublication = (typeof QUESTION_PUBLICATIONS)[number]['value']

export const labelOf = <T extends { value: string; label: string }>(list: readonly T[], value: string | null | undefined): string =>
  list.find((o) => o.value === value)?.label ?? ''

export const RSVP_REASON_MAX = 500
export const QUESTION_TEXT_MIN = 10
export const QUESTION_TEXT_MAX = 4000
/** A photo from a phone, resized, or a short PDF: larger files belong in a meeting, not a question. */
export const QUESTION_FILE_MAX_BYTES = 3 * 1024 * 1024
export const QUESTION_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
/** Questions one member may send in a day: enough for real questions, not for flooding an inbox. */
export const QUESTIONS_PER_DAY = 5
/** Answers to a meeting one member may change in an hour (a member changing their mind, not a script). */
export const RSVP_CHANGES_PER_HOUR = 20

export const RSVP_MESSAGES = {
  badResponse: 'Xin chọn «Tham dự» hoặc «Vắng mặt».',
  reasonRequired: 'Xin ghi lý do vắng mặt.',
  reasonTooLong: `Lý do vắng mặt dài quá ${RSVP_REASON_MAX} ký tự.`,
  notInvited: 'Cuộc họp này không dành cho tổ chức của đồng chí.',
  closed: 'Cuộc họp đã bắt đầu hoặc đã kết thúc nên không đổi được trả lời.',
  tooMany: 'Đồng chí đã đổi trả lời quá nhiều lần. Xin thử lại sau.',
} as const

export const QUESTION_MESSAGES = {
  tooShort: `Câu hỏi cần ít nhất ${QUESTION_TEXT_MIN} ký tự.`,
  tooLong: `Câu hỏi dài quá ${QUESTION_TEXT_MAX} ký tự. Xin viết gọn lại.`,
  badFile: 'Tệp đính kèm chỉ nhận ảnh (JPEG, PNG, WebP) hoặc PDF.',
  fileTooLarge: `Tệp đính kèm nặng quá ${QUESTION_FILE_MAX_BYTES / 1024 / 1024} MB. Xin chụp lại ảnh nhỏ hơn hoặc tách tệp PDF.`,
  tooMany: `Mỗi ngày đồng chí gửi được tối đa ${QUESTIONS_PER_DAY} câu hỏi. Xin gửi tiếp vào ngày mai.`,
  noOrganization: 'Tài khoản của đồng chí chưa thuộc tổ chức đảng nào nên chưa gửi được câu hỏi.',
} as const

/**
 * The question as published: the asker's name, phone and e-mail never appear, even when they
 * wrote them into the text ("Tôi là Nguyễn Văn A, số 0912…").
 */
export function anonymise(text: string, asker: { name?: string | null; phone?: string | null; email?: string | null }): string {
  let out = text.normalize('NFC')
  const name = asker.name?.normalize('NFC').trim()
  if (name) {
    out = out.replace(new RegExp(escapeRegExp(name), 'giu'), '[người hỏi]')
    // The given name alone ("đồng chí Hoa") names the asker in a small chi bộ too.
    const given = name.split(/\s+/).at(-1)
    if (given && given.length > 1) out = out.replace(new RegExp(`(?<![\\p{L}])${escapeRegExp(given)}(?![\\p{L}])`, 'gu'), '[người hỏi]')
  }
  if (asker.email) out = out.replace(new RegExp(escapeRegExp(asker.email), 'gi'), '[địa chỉ thư]')
  // Any phone number, not just the asker's: a published question names nobody.
  out = out.replace(/(?:\+?84|0)(?:[\s.-]?\d){8,10}/g, '[số điện thoại]')
  out = out.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[địa chỉ thư]')
  return out
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** "19:30, Chủ Nhật, 20/12/2026" in Vietnam time, for pages and mail alike. */
export function formatMeetingTime(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const
  const time = date.toLocaleTimeString('vi-VN', { ...zone, hour: '2-digit', minute: '2-digit', hour12: false })
  const day = date.toLocaleDateString('vi-VN', { ...zone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' })
  return `${time}, ${day}`
}
