import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import {
  labelOf,
  QUESTION_FILE_MAX_BYTES,
  QUESTION_FILE_TYPES,
  QUESTION_MESSAGES,
  QUESTION_STATUSES,
  QUESTION_TEXT_MAX,
  QUESTION_TEXT_MIN,
  QUESTIONS_PER_DAY,
} from '../../../../core/participation'
import type { QuestionItem } from '../../../../library/members'
import { countRequest } from '../../../limits/countRequest'
import { noStore, readBody } from '../../../lib/readBody'
import { relationId } from '../../../lib/relations'
import type { Question } from '../../../payload-types'
import { faqItems } from '../../../questions/faq'
import { signedInMember, signedOut } from './signedIn'

const DAY = 24 * 60 * 60 * 1000

const QuestionText = z
  .string({ error: QUESTION_MESSAGES.tooShort })
  .transform((t) => t.normalize('NFC').trim())
  .pipe(z.string().min(QUESTION_TEXT_MIN, { error: QUESTION_MESSAGES.tooShort }).max(QUESTION_TEXT_MAX, { error: QUESTION_MESSAGES.tooLong }))

const refused = (status: number, message: string, field?: string) =>
  Response.json({ ok: false, message, ...(field ? { errors: { [field]: message } } : {}) }, { status, headers: noStore })

/** The question and its optional file: multipart from the site's form, or JSON (no file). */
async function readQuestion(req: PayloadRequest): Promise<{ text: unknown; file: File | null } | null> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('multipart/form-data') && typeof req.formData === 'function') {
    const form = await req.formData().catch(() => null)
    if (!form) return null
    const file = form.get('file')
    return { text: form.get('text') ?? undefined, file: file instanceof File && file.size > 0 ? file : null }
  }
  const body = await readBody(req)
  return body ? { text: body.text, file: null } : null
}

export const questionItem = (q: Question): QuestionItem => ({
  id: String(q.id),
  text: q.text,
  status: q.status,
  statusLabel: labelOf(QUESTION_STATUSES, q.status),
  organizationName: typeof q.organization === 'object' && q.organization ? q.organization.name : '',
  askedAt: q.createdAt,
  answer: q.status === 'answered' ? (q.answer ?? '') : '',
  answeredAt: q.status === 'answered' ? (q.answeredAt ?? null) : null,
  attachmentName: typeof q.attachment === 'object' && q.attachment ? (q.attachment.filename ?? '') : '',
})

/**
 * Questions to the committee: a member asks their own organization (text, optionally a photo or a
 * PDF), reads their questions with the answers, and the FAQ published for members and the public.
 */
export const questionEndpoints: Endpoint[] = [
  {
    path: '/questions',
    method: 'get',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const { docs } = await req.payload.find({ collection: 'questions', overrideAccess: false, user: member, depth: 1, limit: 50, sort: '-createdAt', req })
      return Response.json({ items: docs.map(questionItem) }, { headers: noStore })
    },
  },
  {
    path: '/questions',
    method: 'post',
    handler: async (req) => {
      const member = signedInMember(req)
      if (!member) return signedOut()
      const organization = relationId(member.organization)
      if (!organization) return refused(400, QUESTION_MESSAGES.noOrganization)
      const input = await readQuestion(req)
      if (!input) return refused(400, 'Biểu mẫu gửi lên không đúng định dạng. Xin tải lại trang rồi gửi lại.')
      const text = QuestionText.safeParse(input.text ?? '')
      if (!text.success) return refused(400, text.error.issues[0]!.message, 'text')
      if (input.file) {
        if (!(QUESTION_FILE_TYPES as readonly string[]).includes(input.file.type)) return refused(400, QUESTION_MESSAGES.badFile, 'file')
        if (input.file.size > QUESTION_FILE_MAX_BYTES) return refused(413, QUESTION_MESSAGES.fileTooLarge, 'file')
      }
      // Counted only once the question is acceptable: a typo does not use up the day's questions.
      if ((await countRequest(req.payload, 'question', String(member.id), DAY)).count > QUESTIONS_PER_DAY) return refused(429, QUESTION_MESSAGES.tooMany)
      const attachment = input.file
        ? await req.payload.create({
            collection: 'question-files',
            data: { member: member.id, organization },
            file: {
              data: Buffer.from(await input.file.arrayBuffer()),
              mimetype: input.file.type,
              name: input.file.name || 'tep-dinh-kem',
              size: input.file.size,
            },
            overrideAccess: true,
            req,
          })
        : null
      const question = await req.payload.create({
        collection: 'questions',
        data: {
          member: member.id,
          memberName: member.name,
          organization,
          text: text.data,
          summary: text.data.replace(/\s+/g, ' ').slice(0, 120),
          attachment: attachment?.id,
          status: 'new',
          publication: 'none',
        },
        overrideAccess: true,
        depth: 1,
        req,
      })
      return Response.json({ ok: true, question: questionItem(question) }, { status: 201, headers: noStore })
    },
  },
  {
    path: '/faq',
    method: 'get',
    handler: async (req) => {
      if (!signedInMember(req)) return signedOut()
      return Response.json({ items: await faqItems(req.payload, ['public', 'members']) }, { headers: noStore })
    },
  },
]
