import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { isoDay } from '../../core/dates'
import type { CampaignProgress } from '../../library/study'
import { organizationChain } from '../access/organizationTree'
import { relationId } from '../lib/relations'
import type { Document, Member, StudyCampaign, Topic } from '../payload-types'
import { eventKey, itemKey, type StudyCollection } from './events'

/** Active campaigns meant for the member: set for their organization or one above it. */
export async function campaignsOf(payload: Payload, member: Member, req?: PayloadRequest): Promise<StudyCampaign[]> {
  const org = relationId(member.organization)
  if (!org) return []
  const chain = await organizationChain(req ?? (await createLocalReq({}, payload)), org)
  const { docs } = await payload.find({
    collection: 'study-campaigns',
    where: { and: [{ active: { equals: true } }, { organization: { in: chain } }] },
    sort: 'deadline',
    depth: 1,
    limit: 50,
    overrideAccess: true,
    req,
  })
  return docs
}

const campaignItems = (campaign: StudyCampaign) =>
  (campaign.items ?? []).map((i) => ({
    collection: i.relationTo as StudyCollection,
    doc: typeof i.value === 'object' ? (i.value as Document | Topic) : null,
    id: relationId(i.value) ?? '',
  }))

/** The member's progress in each campaign: an item is done once read (and, for a topic with questions, its quiz taken). */
export async function progressOf(payload: Payload, member: Member, campaigns: StudyCampaign[], req?: PayloadRequest): Promise<CampaignProgress[]> {
  const memberId = String(member.id)
  const items = campaigns.flatMap(campaignItems)
  const keys = [...new Set(items.map((i) => itemKey(i.collection, i.id)))]
  const quizKeys = items.filter((i) => i.collection === 'topics').map((i) => eventKey.quiz(memberId, i.id))
  const { docs: events } = keys.length
    ? await payload.find({
        collection: 'study-events',
        where: {
          and: [{ member: { equals: memberId } }, { or: [{ and: [{ kind: { in: ['read', 'listen'] } }, { item: { in: keys } }] }, { key: { in: quizKeys } }] }],
        },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const read = new Set(events.filter((e) => e.kind !== 'quiz').map((e) => e.item))
  const quiz = new Map(events.filter((e) => e.kind === 'quiz').map((e) => [e.item, e.value ?? 0]))
  const orgNames = new Map<string, string>()
  return Promise.all(
    campaigns.map(async (campaign) => {
      const progress = campaignItems(campaign)
        .filter((i) => i.doc && i.doc._status === 'published')
        .map((i) => {
          const key = itemKey(i.collection, i.id)
          const quizNeeded = i.collection === 'topics' && ((i.doc as Topic).questions?.length ?? 0) > 0
          const doc = i.doc as Document | Topic
          return {
            collection: i.collection,
            slug: doc.slug ?? '',
            title: 'number' in doc && doc.number ? `${doc.number} — ${doc.title}` : doc.title,
            read: read.has(key),
            quizNeeded,
            quizScore: quiz.has(key) ? (quiz.get(key) as number) : null,
          }
        })
      const done = progress.filter((p) => p.read && (!p.quizNeeded || p.quizScore !== null)).length
      const orgId = relationId(campaign.organization) ?? ''
      if (!orgNames.has(orgId)) {
        const org = typeof campaign.organization === 'object' ? campaign.organization : null
        orgNames.set(orgId, org?.name ?? '')
      }
      return {
        id: String(campaign.id),
        title: campaign.title,
        description: campaign.description ?? '',
        organizationName: orgNames.get(orgId) ?? '',
        deadline: isoDay(campaign.deadline),
        items: progress,
        done,
        total: progress.length,
        completed: progress.length > 0 && done === progress.length,
      }
    }),
  )
}
