import type { Endpoint, Payload, Where } from 'payload'
import type { FaqItem } from '../../library/members'
import { isMember } from '../access/roles'
import { noStore } from '../lib/readBody'
import type { Question } from '../payload-types'

/**
 * Published questions and answers, as stored after `anonymise` (collections/Questions.ts): the
 * asker's relation, name and original text are never selected, so they cannot leak into an answer.
 */
export async function faqItems(payload: Payload, audiences: ('public' | 'members')[], limit = 100): Promise<FaqItem[]> {
  const where: Where = { and: [{ publication: { in: audiences } }, { status: { equals: 'answered' } }] }
  const { docs } = await payload.find({
    collection: 'questions',
    where,
    depth: 1,
    limit,
    sort: '-answeredAt',
    overrideAccess: true,
    select: { publicQuestion: true, publicAnswer: true, answeredAt: true, organization: true },
  })
  return docs.map((q: Pick<Question, 'id' | 'publicQuestion' | 'publicAnswer' | 'answeredAt' | 'organization'>) => ({
    id: String(q.id),
    question: q.publicQuestion ?? '',
    answer: q.publicAnswer ?? '',
    answeredAt: q.answeredAt ?? '',
    organizationName: typeof q.organization === 'object' && q.organization ? q.organization.name : '',
  }))
}

/** GET /api/questions/faq: the public FAQ for anyone; signed-in members also get the members' one. */
export const faqEndpoint: Endpoint = {
  path: '/faq',
  method: 'get',
  handler: async (req) => Response.json({ items: await faqItems(req.payload, isMember(req.user) ? ['public', 'members'] : ['public']) }, { headers: noStore }),
}
