import { memberRecordUrl } from '../../../core/urls'
import type { InboxItem, MemberCollection } from '../../../library/members'

export const COLLECTION_LABELS: Record<MemberCollection, string> = {
  announcements: 'Thông báo',
  documents: 'Văn bản',
  news: 'Tin tức',
  topics: 'Chuyên đề',
}

export const inboxItemUrl = (item: Pick<InboxItem, 'collection' | 'slug'>): string => memberRecordUrl(item.collection, item.slug) ?? '/ca-nhan/'

/** "19:30, thứ Năm 12/12/2026" in Vietnam's time, however the server's clock is set. */
export function formatMeeting(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const zone = { timeZone: 'Asia/Ho_Chi_Minh' } as const
  const time = date.toLocaleTimeString('vi-VN', { ...zone, hour: '2-digit', minute: '2-digit', hour12: false })
  const day = date.toLocaleDateString('vi-VN', { ...zone, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' })
  return `${time}, ${day}`
}
