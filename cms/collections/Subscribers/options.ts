export const SUBSCRIBER_STATUSES = [
  { label: 'Chờ xác nhận', value: 'pending' },
  { label: 'Đang nhận thư', value: 'confirmed' },
  { label: 'Đã hủy đăng ký', value: 'unsubscribed' },
  { label: 'Địa chỉ không nhận được thư', value: 'bounced' },
] as const
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number]['value']
