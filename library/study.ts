/**
 * What the CMS answers a signed-in member's study pages (cms/collections/Members/endpoints/study.ts):
 * campaigns due with the member's progress, quiz results, points and rankings. Never stored or cached.
 */
export type StudyItemCollection = 'documents' | 'topics'

export interface CampaignItemProgress {
  collection: StudyItemCollection
  slug: string
  title: string
  /** Read to the end or listened to. */
  read: boolean
  /** The topic has questions, so the campaign also asks for its quiz. */
  quizNeeded: boolean
  /** Percent of the counted attempt, or null before it. */
  quizScore: number | null
}

export interface CampaignProgress {
  id: string
  title: string
  description: string
  organizationName: string
  /** YYYY-MM-DD. */
  deadline: string
  items: CampaignItemProgress[]
  done: number
  total: number
  completed: boolean
}

export interface RankingEntry {
  rank: number
  name: string
  organizationName: string
  points: number
  isMe: boolean
}

export interface Ranking {
  organization: { id: string; name: string }
  /** The member's own chi bộ (everyone listed), or a wider one (members who chose to hide are left out). */
  wide: boolean
  entries: RankingEntry[]
  /** The member's place, or null when they hid their name from this (wider) ranking. */
  me: { rank: number; points: number } | null
  members: number
}

export interface StudySummary {
  points: number
  hideFromRanking: boolean
  campaigns: CampaignProgress[]
  /** One per level, the member's chi bộ first. */
  rankings: Ranking[]
  pointRules: string[]
}

export interface QuizOutcome {
  topic: { slug: string; title: string }
  /** This attempt. */
  correct: number
  total: number
  percent: number
  results: { chosen: number | null; answer: number; correct: boolean; explanation: string }[]
  /** True when this was the member's first attempt, the one that counts. */
  counted: boolean
  /** The counted attempt's percent (this one or an earlier one). */
  countedPercent: number
  pointsEarned: number
}

export interface ReadOutcome {
  /** First time this item was read: points were earned. */
  firstTime: boolean
  /** Campaigns completed by this reading. */
  completedCampaigns: string[]
}
