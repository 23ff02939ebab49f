import type { Endpoint } from 'payload'
import { z } from 'zod'
import { describePointRules } from '../../../../core/study/points'
import type { StudySummary } from '../../../../library/study'
import { noStore, readBody } from '../../../lib/readBody'
import { campaignsOf, progressOf } from '../../../study/progress'
import { rankingsOf } from '../../../study/ranking'
import { recordReading, submitQuiz } from '../../../study/record'
import { ensureStudyTend } from '../../../study/tend'
import { signedInMember, signedOut } from './signedIn'

const NOT_FOUND = 'Không tìm thấy nội dung hoặc đồng chí không có quyền đọc nội dung này.'
const BAD_INPUT = 'Yêu cầu không hợp lệ.'

const readBodySchema = z.object({
  collection: z.enum(['documents', 'topics']),
  slug: z.string().min(1).max(200),
  via: z.enum(['read', 'listen']).default('read'),
})

const quizBodySchema = z.object({
  slug: z.string().min(1).max(200),
  // One entry per question, 1-based choice or null when left blank.
  answers: z.array(z.number().int().min(1).max(6).nullable()).max(100),
})

const privacySchema = z.object({ hideFromRanking: z.boolean() })

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore })

/** The members' study: "Học tập" in "Của tôi" (campaigns, points, rankings), reading and quizzes. */
export const studyEndpoints: Endpoint[] = [
  {
    path: '/study',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const full = await req.payload.findByID({ collection: 'members', id: member.id, depth: 0, overrideAccess: true, req })
      const campaigns = await progressOf(req.payload, full, await campaignsOf(req.payload, full, req), req)
      const summary: StudySummary = {
        points: full.studyPoints ?? 0,
        hideFromRanking: Boolean(full.hideFromRanking),
        campaigns,
        rankings: await rankingsOf(req.payload, full, req),
        pointRules: describePointRules(),
      }
      return json(summary)
    },
  },
  {
    path: '/study/read',
    method: 'post',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const body = readBodySchema.safeParse(await readBody(req))
      if (!body.success) return json({ ok: false, message: BAD_INPUT }, 400)
      const outcome = await recordReading(req.payload, member, body.data.collection, body.data.slug, body.data.via, new Date(), req)
      if (outcome) await ensureStudyTend(req.payload, { req })
      return outcome ? json(outcome) : json({ ok: false, message: NOT_FOUND }, 404)
    },
  },
  {
    path: '/study/quiz',
    method: 'post',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const body = quizBodySchema.safeParse(await readBody(req))
      if (!body.success) return json({ ok: false, message: BAD_INPUT }, 400)
      const outcome = await submitQuiz(req.payload, member, body.data.slug, body.data.answers, new Date(), req)
      if (outcome?.counted) await ensureStudyTend(req.payload, { req })
      return outcome ? json(outcome) : json({ ok: false, message: NOT_FOUND }, 404)
    },
  },
  {
    path: '/study/privacy',
    method: 'post',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const body = privacySchema.safeParse(await readBody(req))
      if (!body.success) return json({ ok: false, message: BAD_INPUT }, 400)
      await req.payload.update({
        collection: 'members',
        id: member.id,
        data: { hideFromRanking: body.data.hideFromRanking },
        depth: 0,
        overrideAccess: true,
        req,
      })
      return json({ ok: true, hideFromRanking: body.data.hideFromRanking })
    },
  },
]
