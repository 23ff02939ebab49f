import { createLocalReq, type Payload } from 'payload'
import { studyReminderMail } from '../email/templates/study'
import { deliveryKey, enqueueDelivery } from '../email/queue/deliveries'
import { NotWanted } from '../email/queue/notWanted'
import { organizationSubtree } from '../access/organizationTree'
import { relationId } from '../lib/relations'
import type { MailDelivery } from '../payload-types'
import { vietnamDay } from '../../core/dates'
import { progressOf } from './progress'

const DAY = 86_400_000
const PAGE = 500

/**
 * Queues one reminder per member and campaign, for active campaigns whose reminder day has come:
 * members in scope with an e-mail address who have not completed it. The delivery key makes it one
 * message even if this runs again (the mail queue's exactly-once sending does the rest). Returns how
 * many were queued now.
 */
export async function queueStudyReminders(payload: Payload, now = new Date()): Promise<number> {
  const req = await createLocalReq({}, payload)
  const today = vietnamDay(now)
  const { docs: campaigns } = await payload.find({
    collection: 'study-campaigns',
    where: { and: [{ active: { equals: true } }, { deadline: { greater_than_equal: `${today}T00:00:00.000Z` } }] },
    depth: 1,
    pagination: false,
    overrideAccess: true,
    req,
  })
  let queued = 0
  for (const campaign of campaigns) {
    const days = campaign.remindDaysBefore ?? 3
    if (days <= 0) continue
    const remindFrom = vietnamDay(new Date(Date.parse(campaign.deadline) - days * DAY))
    if (today < remindFrom) continue
    const subtree = await organizationSubtree(req, relationId(campaign.organization) ?? '')
    for (let page = 1; ; page++) {
      const { docs: members, hasNextPage } = await payload.find({
        collection: 'members',
        where: { and: [{ organization: { in: subtree } }, { status: { equals: 'active' } }, { email: { exists: true } }] },
        depth: 0,
        limit: PAGE,
        page,
        sort: 'id',
        overrideAccess: true,
        req,
      })
      for (const member of members) {
        if (!member.email) continue
        const [progress] = await progressOf(payload, member, [campaign], req)
        if (!progress || progress.completed) continue
        const made = await enqueueDelivery(
          payload,
          {
            key: deliveryKey.studyReminder(String(member.id), String(campaign.id)),
            kind: 'studyReminder',
            member: String(member.id),
            to: member.email,
            items: [],
          },
          req,
        )
        if (made === 'created') queued++
      }
      if (!hasNextPage) break
    }
  }
  return queued
}

/** The reminder as of now, or why it is no longer wanted (completed meanwhile, campaign stopped, account locked). */
export async function composeStudyReminder(payload: Payload, delivery: MailDelivery): Promise<{ subject: string; html: string; text: string }> {
  const memberId = relationId(delivery.member)
  const campaignId = delivery.key.split(':')[2]
  const member = memberId ? await payload.findByID({ collection: 'members', id: memberId, depth: 0, overrideAccess: true, disableErrors: true }) : null
  if (member?.status !== 'active' || !member.email) throw new NotWanted('Đảng viên không còn nhận thư.')
  const campaign = campaignId
    ? await payload.findByID({ collection: 'study-campaigns', id: campaignId, depth: 1, overrideAccess: true, disableErrors: true })
    : null
  if (!campaign?.active) throw new NotWanted('Đợt học tập đã dừng hoặc bị xóa.')
  const [progress] = await progressOf(payload, member, [campaign])
  if (!progress || progress.completed) throw new NotWanted('Đảng viên đã hoàn thành đợt học tập.')
  return studyReminderMail(member, progress)
}
