/**
 * What the CMS answers a signed-in member's pages (cms/collections/Members/endpoints/reader.ts):
 * the records the member may read, in the library's entry shapes, so the site renders them with the
 * components of the public pages. Never stored: a member's pages are read from the CMS per request.
 */
import type { DocumentEntry, FileEntry, NewsEntry, TopicEntry } from './model'

export interface AnnouncementEntry {
  id: string
  slug: string
  title: string
  organizationId: string
  bodyHtml: string
  /** ISO date-time of the meeting, or null for a notice without one. */
  meetingAt: string | null
  location: string
  publishedAt: string
  attachmentIds: string[]
  updatedAt: string
  /** Sinh hoạt thường kỳ / chuyên đề label, or '' for a notice that is not a meeting. */
  meetingKindLabel: string
  agenda: string
  /** Kết luận / biên bản, attached after the meeting: '' until then. */
  minutesHtml: string
  minutesFileIds: string[]
}

export type MemberRecord =
  | { collection: 'documents'; entry: DocumentEntry; files: FileEntry[] }
  | { collection: 'announcements'; entry: AnnouncementEntry; files: FileEntry[] }
  | { collection: 'news'; entry: NewsEntry; files: FileEntry[] }
  | { collection: 'topics'; entry: TopicEntry; files: FileEntry[] }

export type MemberCollection = MemberRecord['collection']
export const MEMBER_COLLECTIONS: readonly MemberCollection[] = ['documents', 'announcements', 'news', 'topics']

/** The signed-in member as their pages need them. */
export interface MemberReader {
  id: string
  name: string
  organization: { id: string; name: string }
  /** core/scopes.ts keys: what the member may find in the members' search index. */
  scopes: string[]
  feedToken: string
}

/** One line of "Của tôi": an announcement or an item for members, newest first. */
export interface InboxItem {
  collection: MemberCollection
  slug: string
  title: string
  /** YYYY-MM-DD: publication (announcements, news), issue (documents) or month (topics). */
  date: string
  /** Who it is for, in words ("Chi bộ Khu phố 3 và các tổ chức trực thuộc", "Mọi đảng viên"). */
  audienceLabel: string
  organizationName: string
  meetingAt: string | null
  location: string
  updatedAt: string
}

/** A member's own answer to a meeting. */
export interface MeetingRsvp {
  response: 'attend' | 'absent'
  reason: string
  respondedAt: string
}

/** A meeting the member is invited to, with their answer. */
export interface MeetingItem {
  slug: string
  title: string
  meetingAt: string
  location: string
  kindLabel: string
  organizationName: string
  rsvp: MeetingRsvp | null
  /** The meeting has started: answers can no longer change. */
  closed: boolean
  hasMinutes: boolean
}

/** A question the member sent, with the committee's answer once there is one. */
export interface QuestionItem {
  id: string
  text: string
  status: 'new' | 'in-progress' | 'answered'
  statusLabel: string
  organizationName: string
  askedAt: string
  answer: string
  answeredAt: string | null
  attachmentName: string
}

/** A published question and answer: never who asked. */
export interface FaqItem {
  id: string
  question: string
  answer: string
  answeredAt: string
  organizationName: string
}
