/**
 * What the study endpoints record. `active` marks a member's first study action of a month (its key
 * is member and month), so the monthly count of distinct readers is a plain sum of events.
 */
export const STUDY_EVENT_KINDS = [
  { label: 'Đọc hết', value: 'read' },
  { label: 'Nghe đọc hết', value: 'listen' },
  { label: 'Làm bài (tính điểm)', value: 'quiz' },
  { label: 'Hoàn thành đợt học tập', value: 'complete' },
  { label: 'Hoạt động trong tháng', value: 'active' },
] as const
export type StudyEventKind = (typeof STUDY_EVENT_KINDS)[number]['value']

/** A member's study item: a document or a topic, as `documents:<id>` / `topics:<id>`. */
export type StudyCollection = 'documents' | 'topics'
export const itemKey = (collection: StudyCollection, id: string) => `${collection}:${id}`
export const parseItemKey = (key: string): { collection: StudyCollection; id: string } | null => {
  const [collection, id] = key.split(':')
  return (collection === 'documents' || collection === 'topics') && id ? { collection, id } : null
}

export const eventKey = {
  /** One reading a day counts (the figures count readings per day; points count once per item). */
  read: (memberId: string, item: string, day: string) => `read:${memberId}:${item}:${day}`,
  quiz: (memberId: string, topicId: string) => `quiz:${memberId}:${topicId}`,
  complete: (memberId: string, campaignId: string) => `complete:${memberId}:${campaignId}`,
  active: (memberId: string, month: string) => `active:${memberId}:${month}`,
}
