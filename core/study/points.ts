/**
 * The points of the "active member" ranking (xếp hạng đảng viên tích cực), one rule per way of
 * earning them. Each award has a key, so the same reading, quiz or campaign never counts twice.
 * The admin shows these rules (the Điểm học tập collection's description) and every award.
 */
export const POINT_RULES = {
  read: { points: 1, label: 'Đọc hoặc nghe hết một văn bản, chuyên đề (mỗi nội dung tính một lần)' },
  quizCorrect: { points: 2, label: 'Mỗi câu trả lời đúng trong lần làm bài được tính điểm (lần đầu) của một chuyên đề' },
  campaign: { points: 10, label: 'Hoàn thành một đợt học tập, quán triệt đúng hạn' },
} as const

export type PointRule = keyof typeof POINT_RULES

export const POINT_RULE_OPTIONS = (Object.keys(POINT_RULES) as PointRule[]).map((value) => ({ value, label: POINT_RULES[value].label }))

/** Keys of awards: one per member and thing earned. */
export const awardKey = {
  read: (memberId: string, item: string) => `read:${memberId}:${item}`,
  quiz: (memberId: string, topicId: string) => `quiz:${memberId}:${topicId}`,
  campaign: (memberId: string, campaignId: string) => `campaign:${memberId}:${campaignId}`,
}

/** The rules as one text, for the admin and the members' ranking page. */
export const describePointRules = (): string[] => (Object.keys(POINT_RULES) as PointRule[]).map((r) => `${POINT_RULES[r].label}: ${POINT_RULES[r].points} điểm`)
