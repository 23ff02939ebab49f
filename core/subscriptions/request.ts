import { z } from 'zod'
import { DOCUMENT_TYPES } from '../vocabulary'

/**
 * What a subscriber follows and how often: the subscription form's fields, validated the same way
 * by the site (to answer at once) and by the CMS (the edge that stores it). No Payload import, so
 * the site server can use it.
 */
export const FREQUENCIES = [
  { value: 'immediate', label: 'Ngay khi có nội dung mới' },
  { value: 'daily', label: 'Mỗi ngày một thư tổng hợp' },
] as const
export type Frequency = (typeof FREQUENCIES)[number]['value']

export interface Choices {
  documents: boolean
  documentTypes: string[]
  subjects: string[]
  issuers: string[]
  topics: boolean
  news: boolean
}

export interface SubscribeRequest extends Choices {
  email: string
  frequency: Frequency
}

const TYPE_SLUGS = DOCUMENT_TYPES.map((t) => t.slug) as [string, ...string[]]
const CHOICE_INVALID = 'Mục đã chọn không hợp lệ, hãy tải lại trang rồi chọn lại.'
const TYPE_INVALID = 'Loại văn bản đã chọn không có trong danh sách.'
const id = z.string({ message: CHOICE_INVALID }).regex(/^[A-Za-z0-9-]{1,64}$/, { message: CHOICE_INVALID })
// Zod's own message for a value that fits no branch of a union is English ("Invalid input").
const flag = z
  .union([z.boolean(), z.string()], { message: CHOICE_INVALID })
  .optional()
  .transform((v) => v === true || v === 'true' || v === 'on' || v === '1')
const list = (item: z.ZodType<string>, max: number, tooMany: string, invalid: string) =>
  z
    .union([item, z.array(item)], { message: invalid })
    .optional()
    .transform((v): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).max(max, { message: tooMany }))
    .transform((v) => [...new Set(v)])

export const EMAIL_MESSAGE = 'Địa chỉ email chưa đúng. Hãy ghi đầy đủ, ví dụ: ten.cua.ban@gmail.com'
export const NOTHING_CHOSEN_MESSAGE = 'Hãy chọn ít nhất một loại nội dung muốn nhận: văn bản, chuyên đề hằng tháng hoặc tin tức.'

const schema = z
  .object({
    email: z
      .string({ message: 'Hãy nhập địa chỉ email của bạn.' })
      .trim()
      .min(1, { message: 'Hãy nhập địa chỉ email của bạn.' })
      .max(254, { message: EMAIL_MESSAGE })
      .transform((v) => v.normalize('NFC').toLowerCase())
      .pipe(z.email({ message: EMAIL_MESSAGE })),
    frequency: z.enum(['immediate', 'daily'], { message: 'Hãy chọn cách nhận thư: ngay khi có nội dung mới, hoặc mỗi ngày một thư tổng hợp.' }),
    documents: flag,
    documentTypes: list(z.enum(TYPE_SLUGS, { message: TYPE_INVALID }), TYPE_SLUGS.length, 'Quá nhiều loại văn bản.', TYPE_INVALID),
    subjects: list(id, 200, 'Quá nhiều lĩnh vực; hãy bỏ bớt.', CHOICE_INVALID),
    issuers: list(id, 500, 'Quá nhiều cơ quan ban hành; hãy bỏ bớt.', CHOICE_INVALID),
    topics: flag,
    news: flag,
  })
  // Picking a document type, field or issuer is a way of following documents.
  .transform((v) => ({ ...v, documents: v.documents || v.documentTypes.length + v.subjects.length + v.issuers.length > 0 }))
  .refine((v) => v.documents || v.topics || v.news, { path: ['follow'], message: NOTHING_CHOSEN_MESSAGE })

export type ValidationResult = { ok: true; value: SubscribeRequest } | { ok: false; errors: Record<string, string> }

/** Validates a subscription request; errors are keyed by form field, one message each. */
export function validateSubscribeRequest(input: unknown): ValidationResult {
  const result = schema.safeParse(input ?? {})
  if (result.success) return { ok: true, value: result.data as SubscribeRequest }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

/** The form's fields as the request object (checkbox groups repeat their name). */
export function subscribeRequestFromForm(form: FormData): Record<string, unknown> {
  const one = (name: string) => (typeof form.get(name) === 'string' ? String(form.get(name)) : undefined)
  const all = (name: string) => form.getAll(name).filter((v): v is string => typeof v === 'string')
  return {
    email: one('email') ?? '',
    frequency: one('frequency'),
    documents: one('documents'),
    documentTypes: all('documentTypes'),
    subjects: all('subjects'),
    issuers: all('issuers'),
    topics: one('topics'),
    news: one('news'),
  }
}

export const choicesOf = (v: Choices): Choices => ({
  documents: v.documents,
  documentTypes: [...v.documentTypes],
  subjects: [...v.subjects],
  issuers: [...v.issuers],
  topics: v.topics,
  news: v.news,
})
