import path from 'node:path'
import type { Access, AccessResult, CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { env } from '../../core/env/cms'
import { anonymise, labelOf, QUESTION_FILE_TYPES, QUESTION_PUBLICATIONS, QUESTION_STATUSES } from '../../core/participation'
import { byStaffOrganization, staffOrganizations } from '../access/organizationStaff'
import { isMemberAccount, isStaff } from '../access/roles'
import { deliveryKey, enqueueDelivery } from '../email/queue/deliveries'
import { queueInRequest } from '../jobs/queueInRequest'
import { fieldError } from '../lib/fieldError'
import { relationId } from '../lib/relations'
import type { Question } from '../payload-types'
import { faqEndpoint } from '../questions/faq'

const readOnly = { readOnly: true }
const fixed = { create: () => false, update: () => false }

/** Staff of the organization asked (and of those above it) read and answer; the asker reads their own. */
const readQuestions: Access = async (args) => {
  if (isMemberAccount(args.req.user)) return { member: { equals: args.req.user.id } }
  return byStaffOrganization('organization')(args)
}

/**
 * Keeps status, answer and publication consistent whoever saves (the admin, the REST API): an answer
 * makes the question answered, "answered" needs an answer, only an answered question is published,
 * and what is published is run through `anonymise` every time, so the asker never appears.
 */
const settle: CollectionBeforeChangeHook<Question> = async ({ data, originalDoc, req, operation }) => {
  if (operation !== 'update' || !originalDoc) return data
  const next = { ...originalDoc, ...data }
  const answer = String(next.answer ?? '').trim()
  // The admin sends the whole document: a status equal to the stored one is not a choice made now.
  const statusChosen = data.status !== undefined && data.status !== originalDoc.status
  if (!statusChosen && answer && answer !== String(originalDoc.answer ?? '').trim()) data.status = 'answered'
  else if (!statusChosen && relationId(next.assignee) && !relationId(originalDoc.assignee) && originalDoc.status === 'new') data.status = 'in-progress'
  const status = data.status ?? originalDoc.status
  if (status === 'answered' && !answer) throw fieldError(req, 'questions', 'answer', 'Hãy viết câu trả lời trước khi chuyển câu hỏi sang «Đã trả lời».')
  if (status === 'answered' && originalDoc.status !== 'answered') {
    data.answeredAt = new Date().toISOString()
    data.answeredBy = req.user?.collection === 'users' ? req.user.id : null
  }
  const publication = next.publication ?? 'none'
  if (publication !== 'none') {
    if (status !== 'answered') throw fieldError(req, 'questions', 'publication', 'Chỉ công bố được câu hỏi đã trả lời.')
    const memberId = relationId(next.member)
    const asker = memberId
      ? await req.payload.findByID({ collection: 'members', id: memberId, depth: 0, overrideAccess: true, disableErrors: true, req })
      : null
    data.publicQuestion = anonymise(String(next.publicQuestion || next.text || ''), asker ?? {})
    data.publicAnswer = anonymise(String(next.publicAnswer || answer), asker ?? {})
  }
  return data
}

async function audit(req: PayloadRequest, doc: Question, action: 'status' | 'assign' | 'answer' | 'publish' | 'unpublish', fromStatus: string, detail: string) {
  await req.payload.create({
    collection: 'audit-logs',
    req,
    overrideAccess: true,
    data: {
      action,
      collectionSlug: 'questions',
      documentId: String(doc.id),
      documentTitle: String(doc.summary ?? doc.id).slice(0, 500),
      user: req.user?.collection === 'users' ? req.user.id : undefined,
      userEmail: req.user?.email ?? 'hệ thống',
      fromStatus,
      detail: detail.slice(0, 2000),
      at: new Date().toISOString(),
    },
  })
}

/** Every status change, assignment, answer and publication leaves a trace; an answer reaches the asker by mail. */
const trace: CollectionAfterChangeHook<Question> = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc) return doc
  const status = (v: string | null | undefined) => labelOf(QUESTION_STATUSES, v)
  if (doc.status !== previousDoc.status) await audit(req, doc, 'status', previousDoc.status, `${status(previousDoc.status)} → ${status(doc.status)}`)
  if (relationId(doc.assignee) !== relationId(previousDoc.assignee)) {
    const id = relationId(doc.assignee)
    const user = id ? await req.payload.findByID({ collection: 'users', id, depth: 0, disableErrors: true, overrideAccess: true, req }) : null
    await audit(req, doc, 'assign', previousDoc.status, user ? `Giao cho ${user.name ?? user.email}` : 'Bỏ phân công')
  }
  if ((doc.answer ?? '') !== (previousDoc.answer ?? '')) await audit(req, doc, 'answer', previousDoc.status, doc.answer ?? '')
  if ((doc.publication ?? 'none') !== (previousDoc.publication ?? 'none')) {
    const label = labelOf(QUESTION_PUBLICATIONS, doc.publication)
    await audit(req, doc, doc.publication === 'none' ? 'unpublish' : 'publish', previousDoc.status, label)
  }
  if (doc.status === 'answered' && previousDoc.status !== 'answered') {
    const memberId = relationId(doc.member)
    const member = memberId
      ? await req.payload.findByID({ collection: 'members', id: memberId, depth: 0, overrideAccess: true, disableErrors: true, req })
      : null
    if (member?.email && member.status === 'active') {
      const created = await enqueueDelivery(
        req.payload,
        { key: deliveryKey.questionAnswered(String(doc.id)), kind: 'questionAnswered', member: String(member.id), to: member.email },
        req,
      )
      if (created === 'created') await queueInRequest(req, 'mailSend', { outages: 0 })
    }
  }
  return doc
}

/**
 * A question a member sends their committee (Members/endpoints/questions.ts): routed to the member's
 * own organization, answered by its staff, never read by another organization's staff.
 */
export const Questions: CollectionConfig = {
  slug: 'questions',
  labels: { singular: 'Câu hỏi của đảng viên', plural: 'Câu hỏi của đảng viên' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'memberName', 'organization', 'status', 'assignee', 'createdAt'],
    listSearchableFields: ['summary', 'memberName'],
    group: 'Đảng viên',
    description:
      'Câu hỏi, ý kiến đảng viên gửi cấp ủy. Lọc theo Trạng thái «Mới» để xem câu hỏi chưa xử lý. Viết câu trả lời rồi lưu: câu hỏi chuyển «Đã trả lời» và đảng viên được báo qua thư. Công bố hỏi đáp thì tên, số điện thoại, thư điện tử của người hỏi được tự động che.',
  },
  defaultSort: '-createdAt',
  access: {
    read: readQuestions,
    create: () => false,
    update: byStaffOrganization('organization'),
    delete: ({ req }) => isStaff(req.user),
  },
  endpoints: [faqEndpoint],
  fields: [
    { name: 'summary', label: 'Câu hỏi', type: 'text', admin: { hidden: true }, access: fixed },
    { name: 'member', label: 'Người hỏi', type: 'relationship', relationTo: 'members', required: true, index: true, admin: readOnly, access: fixed },
    { name: 'memberName', label: 'Họ và tên người hỏi', type: 'text', admin: readOnly, access: fixed },
    {
      name: 'organization',
      label: 'Gửi tới (tổ chức)',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      admin: readOnly,
      access: fixed,
    },
    { name: 'text', label: 'Nội dung câu hỏi', type: 'textarea', required: true, admin: readOnly, access: fixed },
    { name: 'attachment', label: 'Tệp đính kèm', type: 'upload', relationTo: 'question-files', admin: readOnly, access: fixed },
    {
      type: 'row',
      fields: [
        { name: 'status', label: 'Trạng thái', type: 'select', required: true, defaultValue: 'new', index: true, options: [...QUESTION_STATUSES] },
        {
          name: 'assignee',
          label: 'Người xử lý',
          type: 'relationship',
          relationTo: 'users',
          index: true,
          filterOptions: async ({ req }) => {
            const orgs = await staffOrganizations(req)
            return Array.isArray(orgs) ? { organization: { in: orgs } } : true
          },
        },
      ],
    },
    { name: 'answer', label: 'Câu trả lời', type: 'textarea', maxLength: 8000 },
    { name: 'answeredAt', label: 'Trả lời lúc', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'answeredBy', label: 'Người trả lời', type: 'relationship', relationTo: 'users', admin: readOnly },
    {
      name: 'publication',
      label: 'Công bố hỏi đáp',
      type: 'select',
      defaultValue: 'none',
      index: true,
      options: [...QUESTION_PUBLICATIONS],
      admin: { position: 'sidebar', description: 'Chỉ câu hỏi đã trả lời. Không bao giờ công bố người hỏi.' },
    },
    {
      name: 'publicQuestion',
      label: 'Câu hỏi khi công bố',
      type: 'textarea',
      admin: {
        position: 'sidebar',
        condition: (data) => data?.publication && data.publication !== 'none',
        description: 'Để trống thì dùng nội dung câu hỏi. Tên, số điện thoại, thư điện tử được che khi lưu.',
      },
    },
    {
      name: 'publicAnswer',
      label: 'Câu trả lời khi công bố',
      type: 'textarea',
      admin: { position: 'sidebar', condition: (data) => data?.publication && data.publication !== 'none', description: 'Để trống thì dùng câu trả lời.' },
    },
  ],
  hooks: { beforeChange: [settle], afterChange: [trace] },
}

/** Photos and PDFs attached to questions: read by the asker and the staff who may read the question. */
export const QuestionFiles: CollectionConfig = {
  slug: 'question-files',
  labels: { singular: 'Tệp kèm câu hỏi', plural: 'Tệp kèm câu hỏi' },
  admin: { hidden: true },
  upload: { staticDir: path.join(env().dataDir, 'question-files'), mimeTypes: [...QUESTION_FILE_TYPES] },
  access: {
    read: async (args): Promise<AccessResult> => {
      if (isMemberAccount(args.req.user)) return { member: { equals: args.req.user.id } }
      const orgs = await staffOrganizations(args.req)
      if (orgs === true) return { id: { exists: true } }
      return orgs ? { organization: { in: orgs } } : false
    },
    create: () => false,
    update: () => false,
    delete: ({ req }) => isStaff(req.user),
  },
  fields: [
    { name: 'member', type: 'relationship', relationTo: 'members', required: true, index: true, admin: readOnly },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true, admin: readOnly },
  ],
}
