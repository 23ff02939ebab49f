import type { Payload, PayloadRequest } from 'payload'
import { awardKey, POINT_RULES, type PointRule } from '../../core/study/points'
import { scoreQuiz } from '../../core/study/quiz'
import type { QuizOutcome, ReadOutcome } from '../../library/study'
import { relationId } from '../lib/relations'
import type { Member, StudyCampaign, Topic } from '../payload-types'
import { findAsMember, type MemberUser } from '../publish/memberView'
import { vietnamDay } from '../../core/dates'
import { eventKey, itemKey, type StudyCollection } from './events'
import { insertOnce } from './insertOnce'
import { campaignsOf, progressOf } from './progress'

/**
 * A member's study actions: reading an item to its end (or hearing it read aloud), answering a
 * topic's questions. Every write is keyed (cms/study/events.ts, core/study/points.ts), so repeating
 * an action — a double tap, a retried request — changes nothing.
 */

async function findReadable(payload: Payload, member: MemberUser, collection: StudyCollection, slug: string, req?: PayloadRequest) {
  const { docs } = await findAsMember(payload, member, collection, { slug: { equals: slug } }, 1, req)
  return docs[0] ?? null
}

async function award(payload: Payload, member: Member, rule: PointRule, key: string, points: number, about: string, req?: PayloadRequest) {
  if (points <= 0) return false
  const made = await insertOnce(
    payload,
    'point-awards',
    { key, member: member.id, organization: relationId(member.organization) ?? '', rule, points, about, awardedAt: new Date().toISOString() },
    req,
  )
  return made === 'created'
}

/** The member's total from their awards (the awards are the truth; the total on the member is for ranking queries). */
async function refreshPoints(payload: Payload, member: Member, day: string, req?: PayloadRequest) {
  const { docs } = await payload.find({
    collection: 'point-awards',
    where: { member: { equals: member.id } },
    select: { points: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const total = docs.reduce((sum, d) => sum + (d.points ?? 0), 0)
  await payload.update({ collection: 'members', id: member.id, data: { studyPoints: total, lastStudyDay: day }, depth: 0, overrideAccess: true, req })
  return total
}

async function event(
  payload: Payload,
  member: Member,
  data: { key: string; kind: 'read' | 'listen' | 'quiz' | 'complete' | 'active'; item: string; day: string; value?: number; answers?: unknown },
  req?: PayloadRequest,
) {
  return insertOnce(payload, 'study-events', { ...data, member: member.id, organization: relationId(member.organization) ?? '' } as never, req)
}

/** Completes the member's campaigns that this action finished: an event and the campaign's points, once. */
async function completeCampaigns(payload: Payload, member: MemberUser, day: string, req?: PayloadRequest): Promise<string[]> {
  const campaigns = await campaignsOf(payload, member, req)
  const progress = await progressOf(payload, member, campaigns, req)
  const completed: string[] = []
  for (const p of progress.filter((c) => c.completed)) {
    const campaign = campaigns.find((c) => String(c.id) === p.id) as StudyCampaign
    const made = await event(payload, member, { key: eventKey.complete(String(member.id), p.id), kind: 'complete', item: `campaign:${p.id}`, day }, req)
    if (made !== 'created') continue
    // Points for completing on time only; a late completion still counts in the figures.
    if (day <= p.deadline)
      await award(payload, member, 'campaign', awardKey.campaign(String(member.id), p.id), POINT_RULES.campaign.points, campaign.title, req)
    completed.push(p.title)
  }
  return completed
}

const markActive = (payload: Payload, member: Member, day: string, req?: PayloadRequest) =>
  event(payload, member, { key: eventKey.active(String(member.id), day.slice(0, 7)), kind: 'active', item: day.slice(0, 7), day }, req)

/** Null when the member may not read the item (or it does not exist): the same answer either way. */
export async function recordReading(
  payload: Payload,
  member: MemberUser,
  collection: StudyCollection,
  slug: string,
  via: 'read' | 'listen',
  now = new Date(),
  req?: PayloadRequest,
): Promise<ReadOutcome | null> {
  const doc = await findReadable(payload, member, collection, slug, req)
  if (!doc) return null
  const day = vietnamDay(now)
  const memberId = String(member.id)
  const item = itemKey(collection, String(doc.id))
  await event(payload, member, { key: eventKey.read(memberId, item, day), kind: via, item, day }, req)
  await markActive(payload, member, day, req)
  const title = 'number' in doc && doc.number ? doc.number : doc.title
  const firstTime = await award(payload, member, 'read', awardKey.read(memberId, item), POINT_RULES.read.points, title, req)
  const completedCampaigns = await completeCampaigns(payload, member, day, req)
  await refreshPoints(payload, member, day, req)
  return { firstTime, completedCampaigns }
}

/**
 * Scores an attempt. The first attempt at a topic is the one that counts (stored with its answers,
 * points for each right answer); later ones are practice, scored and explained but not stored.
 */
export async function submitQuiz(
  payload: Payload,
  member: MemberUser,
  slug: string,
  answers: (number | null)[],
  now = new Date(),
  req?: PayloadRequest,
): Promise<QuizOutcome | null> {
  const topic = (await findReadable(payload, member, 'topics', slug, req)) as Topic | null
  const questions = topic?.questions ?? []
  if (!topic || questions.length === 0) return null
  const day = vietnamDay(now)
  const memberId = String(member.id)
  const item = itemKey('topics', String(topic.id))
  const score = scoreQuiz(questions, answers)
  const key = eventKey.quiz(memberId, String(topic.id))
  const made = await event(payload, member, { key, kind: 'quiz', item, day, value: score.percent, answers: score.results.map((r) => r.chosen) }, req)
  const counted = made === 'created'
  let countedPercent = score.percent
  let pointsEarned = 0
  if (counted) {
    await markActive(payload, member, day, req)
    if (
      await award(payload, member, 'quizCorrect', awardKey.quiz(memberId, String(topic.id)), score.correct * POINT_RULES.quizCorrect.points, topic.title, req)
    ) {
      pointsEarned = score.correct * POINT_RULES.quizCorrect.points
    }
    await completeCampaigns(payload, member, day, req)
    await refreshPoints(payload, member, day, req)
  } else {
    const { docs } = await payload.find({ collection: 'study-events', where: { key: { equals: key } }, depth: 0, limit: 1, overrideAccess: true, req })
    countedPercent = docs[0]?.value ?? score.percent
  }
  return {
    topic: { slug: topic.slug ?? slug, title: topic.title },
    correct: score.correct,
    total: score.total,
    percent: score.percent,
    results: score.results.map((r, i) => ({ ...r, answer: questions[i]!.answer, explanation: questions[i]!.explanation ?? '' })),
    counted,
    countedPercent,
    pointsEarned,
  }
}
