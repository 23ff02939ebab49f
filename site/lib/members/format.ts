import { formatMeetingTime } from '../../../core/participation'
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
export const formatMeeting = formatMeetingTime
