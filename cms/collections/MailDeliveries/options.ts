export const DELIVERY_KINDS = [
  { label: 'Thư xác nhận đăng ký', value: 'confirmation' },
  { label: 'Thông báo nội dung mới', value: 'notification' },
  { label: 'Bản tin hằng ngày', value: 'digest' },
  { label: 'Nhắc hạn học tập (đảng viên)', value: 'studyReminder' },
  { label: 'Nhắc lịch họp chi bộ', value: 'meetingReminder' },
  { label: 'Báo câu hỏi đã được trả lời', value: 'questionAnswered' },
] as const
/** Mail to a party member's account (members), not to a subscriber of the public notices. */
export const MEMBER_DELIVERY_KINDS = ['meetingReminder', 'questionAnswered', 'studyReminder'] as const
export type DeliveryKind = (typeof DELIVERY_KINDS)[number]['value']

export const DELIVERY_STATUSES = [
  { label: 'Chờ gửi', value: 'queued' },
  { label: 'Đang gửi', value: 'sending' },
  { label: 'Đã gửi', value: 'sent' },
  { label: 'Lỗi vĩnh viễn', value: 'failed' },
  { label: 'Đã bỏ (không còn cần gửi)', value: 'cancelled' },
] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]['value']
