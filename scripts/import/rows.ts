/**
 * Reading and validating the back-catalogue import file (JSONL or CSV).
 *
 * This module knows nothing about Payload: it turns a file into a stream of
 * `RowResult`s, each either a validated, NFC-normalised `ImportRow` or a
 * rejection with its line number and a Vietnamese reason an editor can act on.
 * The writer (scripts/import.ts) resolves references and talks to the CMS.
 *
 * Format reference: docs/import.md (derived from the shared corpus's README). The value lists come
 * from core/vocabulary.ts, the same lists the CMS's fields offer.
 */
import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Transform, type TransformCallback } from 'node:stream'
import { parse as createCsvParser, type CsvError, type Options as CsvOptions } from 'csv-parse'
import * as z from 'zod'

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

import { slugify } from '../../core/vietnamese'
import {
  AUDIENCES,
  DOCUMENT_TYPE_SLUGS,
  DOCUMENT_TYPES as DOCUMENT_TYPE_LIST,
  LEVELS,
  NEWS_CATEGORIES as NEWS_CATEGORY_LIST,
  SECRECY,
  valuesOf,
  VALIDITY,
} from '../../core/vocabulary'

export { slugify }

export const KINDS = ['document', 'news', 'topic', 'announcement'] as const
export type ImportKind = (typeof KINDS)[number]

// The values the CMS accepts, from the one vocabulary (core/vocabulary.ts): the import can never
// accept a value the admin refuses, nor refuse one it offers.
export const DOCUMENT_TYPES = DOCUMENT_TYPE_SLUGS
export const DOCUMENT_LEVELS = valuesOf(LEVELS)
export const DOCUMENT_STATUSES = valuesOf(VALIDITY)
export const DOCUMENT_AUDIENCES = valuesOf(AUDIENCES)
export const SECRECY_LEVELS = valuesOf(SECRECY)
export const NEWS_CATEGORIES = valuesOf(NEWS_CATEGORY_LIST)

/** Vietnamese names of the values above, used in messages ("chỉ chấp nhận: nghi-quyet (nghị quyết), …"). */
export const VALUE_LABELS: Record<string, string> = {
  document: 'văn bản',
  news: 'tin tức',
  topic: 'chuyên đề',
  announcement: 'thông báo',
  ...Object.fromEntries([
    ...DOCUMENT_TYPE_LIST.map((t) => [t.slug, t.label]),
    ...[LEVELS, VALIDITY, AUDIENCES, SECRECY, NEWS_CATEGORY_LIST].flatMap((list) => list.map((o) => [o.value, o.label])),
  ]),
}

/** Vietnamese name of every field, as shown to editors in rejection reasons. */
export const FIELD_LABELS: Record<string, string> = {
  kind: 'Loại bản ghi',
  id: 'Mã định danh',
  type: 'Loại văn bản',
  number: 'Số, ký hiệu',
  issuer: 'Cơ quan ban hành',
  level: 'Cấp ban hành',
  issuedAt: 'Ngày ban hành',
  title: 'Tiêu đề',
  summary: 'Tóm tắt',
  fields: 'Lĩnh vực',
  status: 'Tình trạng hiệu lực',
  supersededBy: 'Văn bản thay thế',
  audience: 'Đối tượng được xem',
  lead: 'Sapo (đoạn dẫn)',
  body: 'Nội dung',
  category: 'Chuyên mục',
  publishedAt: 'Ngày đăng',
  source: 'Nguồn tin',
  relatedDocuments: 'Văn bản liên quan',
  month: 'Tháng',
  theme: 'Chủ đề',
  questions: 'Câu hỏi trắc nghiệm',
  question: 'Câu hỏi',
  choices: 'Các phương án',
  answer: 'Đáp án đúng',
  explanation: 'Giải thích',
  organization: 'Tổ chức đảng',
  meetingAt: 'Thời gian họp',
  location: 'Địa điểm họp',
  term: 'Khóa',
  signer: 'Người ký',
  secrecy: 'Độ mật',
  attachments: 'Tệp đính kèm',
  fullText: 'Toàn văn',
  cover: 'Ảnh bìa',
}

/** CSV header: the union of the JSON keys of all kinds, in this canonical order. */
export const CSV_COLUMNS = [
  'kind',
  'id',
  'type',
  'number',
  'issuer',
  'level',
  'issuedAt',
  'title',
  'summary',
  'fields',
  'status',
  'supersededBy',
  'audience',
  'lead',
  'body',
  'category',
  'publishedAt',
  'source',
  'relatedDocuments',
  'month',
  'theme',
  'questions',
  'organization',
  'meetingAt',
  'location',
  'term',
  'signer',
  'secrecy',
  'attachments',
  'fullText',
  'cover',
] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** CSV columns holding a list; items are separated by `|`. */
export const CSV_LIST_COLUMNS: readonly CsvColumn[] = ['fields', 'relatedDocuments', 'attachments']
/** CSV columns holding a JSON value. */
export const CSV_JSON_COLUMNS: readonly CsvColumn[] = ['questions']
export const CSV_LIST_SEPARATOR = '|'

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const COVER_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.gif', '.avif', '.tif', '.tiff']

// ---------------------------------------------------------------------------
// Message helpers (Vietnamese)
// ---------------------------------------------------------------------------

type Issue = z.core.$ZodRawIssue
type PathItem = PropertyKey

function pathText(p: readonly PathItem[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('')
}

/** "Trường «Ngày ban hành» (issuedAt)", "Trường «Đáp án đúng» của câu hỏi số 2 (questions[1].answer)". */
export function describeField(p: readonly PathItem[]): string {
  if (p.length === 0) return 'Bản ghi'
  const names = p.filter((k): k is string => typeof k === 'string')
  const key = names[names.length - 1] ?? String(p[0])
  const label = FIELD_LABELS[key]
  const named = label ? `Trường «${label}»` : `Trường «${key}»`
  let where = ''
  if (p[0] === 'questions' && typeof p[1] === 'number') {
    where = p.length > 2 ? ` của câu hỏi số ${p[1] + 1}` : ` (câu hỏi số ${p[1] + 1})`
    const last = p[p.length - 1]
    if (p.length > 3 && typeof last === 'number') where += `, mục thứ ${last + 1}`
  } else if (p.length > 1 && typeof p[p.length - 1] === 'number') {
    where = `, mục thứ ${(p[p.length - 1] as number) + 1}`
  }
  if (p[0] === 'questions' && p.length === 2) return `Câu hỏi số ${(p[1] as number) + 1} (${pathText(p)})`
  return `${named}${where} (${pathText(p)})`
}

function withField(p: readonly PathItem[] | undefined, reason: string): string {
  return `${describeField(p ?? [])}: ${reason}`
}

const show = (v: unknown): string => {
  if (typeof v === 'string') return `«${v.length > 80 ? `${v.slice(0, 77)}…` : v}»`
  try {
    const s = JSON.stringify(v)
    return `«${s && s.length > 80 ? `${s.slice(0, 77)}…` : s}»`
  } catch {
    return `«${String(v)}»`
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'giá trị rỗng (null)'
  if (Array.isArray(v)) return 'một danh sách'
  switch (typeof v) {
    case 'string':
      return `chuỗi ${show(v)}`
    case 'number':
      return `số ${v}`
    case 'boolean':
      return `giá trị ${v}`
    case 'object':
      return 'một đối tượng'
    default:
      return typeof v
  }
}

const EXPECTED: Record<string, string> = {
  string: 'một chuỗi văn bản',
  number: 'một số',
  int: 'một số nguyên',
  array: 'một danh sách (mảng JSON […])',
  object: 'một đối tượng JSON {…}',
  boolean: 'true hoặc false',
}

const MISSING = 'bắt buộc nhưng đang bị thiếu hoặc để trống'

function allowedList(values: readonly unknown[]): string {
  return values.map((v) => (VALUE_LABELS[String(v)] ? `${String(v)} (${VALUE_LABELS[String(v)]})` : String(v))).join(', ')
}

/** Reason text (without the field name) for any zod issue. */
function genericReason(iss: Issue): string {
  const input = iss.input
  switch (iss.code) {
    case 'invalid_type': {
      if (input === undefined) return MISSING
      if (input === null) return 'không được để trống (null)'
      const expected = EXPECTED[iss.expected] ?? iss.expected
      if ((iss.expected === 'number' || iss.expected === 'int') && typeof input === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(input)) {
        return `phải là ${expected}, viết không có dấu nháy (ví dụ ${input.trim()}, không phải "${input.trim()}")`
      }
      return `phải là ${expected}, nhưng lại là ${typeName(input)}`
    }
    case 'invalid_value': {
      if (input === undefined) return `${MISSING}; chỉ chấp nhận: ${allowedList(iss.values)}`
      const hint =
        typeof input === 'string' && iss.values.includes(slugify(input)) && slugify(input) !== input ? ` (có phải ý bạn là «${slugify(input)}»?)` : ''
      if (iss.values.length === 1) return `phải là ${show(iss.values[0])}, không phải ${show(input)}`
      return `giá trị ${show(input)} không hợp lệ${hint}; chỉ chấp nhận: ${allowedList(iss.values)}`
    }
    case 'too_small': {
      const min = Number(iss.minimum)
      if (iss.origin === 'string') return min <= 1 ? 'không được để trống' : `phải có ít nhất ${min} ký tự`
      if (iss.origin === 'array' || iss.origin === 'set')
        return min <= 1 ? 'phải có ít nhất một mục' : `phải có ít nhất ${min} mục (hiện có ${Array.isArray(input) ? input.length : '?'})`
      return `phải lớn hơn hoặc bằng ${min} (đang là ${show(input)})`
    }
    case 'too_big': {
      const max = Number(iss.maximum)
      if (iss.origin === 'string') return `chỉ được dài tối đa ${max} ký tự`
      if (iss.origin === 'array' || iss.origin === 'set') return `chỉ được có tối đa ${max} mục (hiện có ${Array.isArray(input) ? input.length : '?'})`
      return `phải nhỏ hơn hoặc bằng ${max} (đang là ${show(input)})`
    }
    case 'invalid_format':
      return `giá trị ${show(input)} không đúng định dạng`
    case 'custom': {
      const reason = (iss.params as { reason?: unknown } | undefined)?.reason
      return typeof reason === 'string' ? reason : `giá trị ${show(input)} không hợp lệ`
    }
    case 'unrecognized_keys':
      return `có trường không được hỗ trợ: ${iss.keys.map((k) => `«${k}»`).join(', ')}`
    default:
      return `giá trị ${show(input)} không hợp lệ`
  }
}

/** Generic zod error map: Vietnamese, naming the field. Also usable as `safeParse(x, { error: vietnameseErrorMap })`. */
export const vietnameseErrorMap = (iss: Issue): string => withField(iss.path, genericReason(iss))

/** Error customisation for a field: optional specific reason, else the generic one; always prefixed with the field. */
const fieldError = (reason?: (iss: Issue) => string | undefined) => ({
  error: (iss: Issue) => withField(iss.path, reason?.(iss) ?? genericReason(iss)),
})
const E = fieldError()

// ---------------------------------------------------------------------------
// Field schemas
// ---------------------------------------------------------------------------

const REPLACEMENT_CHAR = '\uFFFD'
const badCharReason = () => 'chứa ký tự lỗi mã hóa «\uFFFD»; tệp có thể không được lưu ở dạng UTF-8 (trong Excel hãy chọn «CSV UTF-8»)'

/** NFC, whitespace collapsed to single spaces, trimmed: titles, names, short phrases. */
export const cleanLine = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim()
/** NFC, CRLF/CR → LF, trimmed; paragraph breaks ("\n\n") are kept: summaries, bodies, full texts. */
export const cleanParagraphs = (s: string): string => s.normalize('NFC').replace(/\r\n?/g, '\n').trim()

const noBadChars = { error: fieldError(badCharReason).error }

/** Single-line human text. */
const line = () =>
  z
    .string(E)
    .overwrite(cleanLine)
    .min(1, E)
    .refine((s) => !s.includes(REPLACEMENT_CHAR), noBadChars)
/** Multi-paragraph human text. */
const paragraphs = () =>
  z
    .string(E)
    .overwrite(cleanParagraphs)
    .min(1, E)
    .refine((s) => !s.includes(REPLACEMENT_CHAR), noBadChars)

function slugReason(input: unknown): string {
  if (typeof input !== 'string') return `phải là ${EXPECTED.string}, nhưng lại là ${typeName(input)}`
  if (input === '') return MISSING
  const problems: string[] = []
  if (/[A-ZĐ]/.test(input.normalize('NFC')) || /\p{Lu}/u.test(input)) problems.push('có chữ hoa')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the class is "anything outside ASCII"
  if (/[^\x00-\x7f]/.test(input)) problems.push('có chữ có dấu hoặc ký tự ngoài bảng chữ cái Latin không dấu')
  if (/[\s_]/.test(input)) problems.push('có khoảng trắng hoặc dấu gạch dưới')
  if (/^-|-$|--/.test(input)) problems.push('có dấu gạch ngang ở đầu, ở cuối hoặc hai dấu liền nhau')
  const suggestion = slugify(input)
  return (
    `${show(input)} không phải mã định danh hợp lệ${problems.length ? ` (${problems.join(', ')})` : ''}: ` +
    'chỉ dùng chữ thường không dấu a–z, chữ số 0–9 và dấu gạch ngang (-) giữa các từ' +
    (suggestion && suggestion !== input ? `, ví dụ «${suggestion}»` : ', ví dụ «quy-dinh-37-tw-2021»')
  )
}

/** Record id / reference: lowercase ASCII slug. */
const slug = () =>
  z
    .string(E)
    .overwrite((s) => s.normalize('NFC').trim())
    .refine(
      (s) => SLUG_PATTERN.test(s),
      fieldError((iss) => slugReason(iss.input)),
    )

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

function dateReason(input: unknown): string {
  if (typeof input !== 'string') return `phải là ngày dạng YYYY-MM-DD (ví dụ «2021-08-10»), nhưng lại là ${typeName(input)}`
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return `${show(input)} không phải là ngày có thật trên lịch`
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input)
  if (vn) {
    const iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`
    const hint = isCalendarDate(iso) ? `, tức là «${iso}»` : ''
    return `${show(input)} phải được viết theo dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD)${hint}`
  }
  return `${show(input)} không đúng dạng ngày YYYY-MM-DD (ví dụ «2021-08-10»)`
}

/** Calendar date YYYY-MM-DD. */
const isoDate = () =>
  z
    .string(E)
    .overwrite((s) => s.trim())
    .refine(
      isCalendarDate,
      fieldError((iss) => dateReason(iss.input)),
    )

const DATETIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/

/** True for an ISO 8601 date-time with an explicit offset (or Z) and a real calendar date. */
export function isOffsetDateTime(s: string): boolean {
  const m = DATETIME_PATTERN.exec(s)
  return !!m && isCalendarDate(m[1]!)
}

function dateTimeReason(input: unknown): string {
  const example = 'ví dụ «2024-07-03T19:30:00+07:00» cho 19 giờ 30 ngày 03/7/2024 giờ Việt Nam'
  if (typeof input !== 'string') return `phải là thời điểm dạng YYYY-MM-DDTHH:MM:SS+07:00 (${example}), nhưng lại là ${typeName(input)}`
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(input)) return `${show(input)} thiếu múi giờ: hãy thêm «+07:00» vào cuối (${example})`
  const m = /^(\d{4}-\d{2}-\d{2})T/.exec(input)
  if (m && !isCalendarDate(m[1]!)) return `${show(input)} có ngày ${m[1]} không có thật trên lịch`
  return `${show(input)} không đúng dạng thời điểm YYYY-MM-DDTHH:MM:SS+07:00 (${example})`
}

const offsetDateTime = () =>
  z
    .string(E)
    .overwrite((s) => s.trim())
    .refine(
      isOffsetDateTime,
      fieldError((iss) => dateTimeReason(iss.input)),
    )

/** Turns null, "" and whitespace-only strings into "absent" so defaults / optionality apply. */
const emptyToUndefined = (v: unknown): unknown => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v)

/** Optional field: absent, null or "" all mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())
/** Nullable field whose canonical "no value" is null (supersededBy, meetingAt, location). */
const nullable = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.nullable().default(null))

const dedupe = <T>(items: T[]): T[] => [...new Set(items)]
/** List of items, duplicates dropped, absent/null → []. */
const list = <T extends z.ZodType>(item: T) => z.preprocess(emptyToUndefined, z.array(item, E).overwrite(dedupe).default([]))

const enumOf = <const T extends readonly [string, ...string[]]>(values: T) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(values, E))

function fileNameReason(input: unknown, requireImage: boolean): string | undefined {
  if (typeof input !== 'string') return undefined
  const name = input
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) return `${show(name)} là địa chỉ web; hãy tải tệp về, đặt vào thư mục --files và ghi tên tệp`
  if (name.startsWith('/') || /^[a-z]:/i.test(name))
    return `${show(name)} là đường dẫn tuyệt đối; hãy ghi đường dẫn tương đối trong thư mục --files, ví dụ «van-ban/nq-21-2022.pdf»`
  if (name.split('/').some((seg) => seg === '..' || seg === ''))
    return `${show(name)} không hợp lệ: đường dẫn không được chứa «..» hay «//» và phải nằm trong thư mục --files`
  if (requireImage && !COVER_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
    return `${show(name)} không phải tệp ảnh; ảnh bìa phải có đuôi ${COVER_EXTENSIONS.join(', ')}`
  }
  return undefined
}

/** Relative file name inside the --files directory; backslashes become "/", a leading "./" is dropped. */
const fileName = (requireImage = false) =>
  z
    .string(E)
    .overwrite((s) =>
      cleanLine(s)
        .replace(/\\/g, '/')
        .replace(/^(\.\/)+/, ''),
    )
    .min(1, E)
    .refine(
      (s) => fileNameReason(s, requireImage) === undefined,
      fieldError((iss) => fileNameReason(iss.input, requireImage)),
    )

/** Khóa: "XIII" or 13; always output as a string. */
const term = () => z.preprocess((v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? String(v) : v), line())

// ---------------------------------------------------------------------------
// Row schemas
// ---------------------------------------------------------------------------

function unrecognizedReason(kind: ImportKind | 'question', keys: readonly string[], p: readonly PathItem[]): string {
  if (kind === 'question') {
    return `${describeField(p)} có trường không được hỗ trợ: ${keys.map((k) => `«${k}»`).join(', ')}; mỗi câu hỏi chỉ gồm question, choices, answer, explanation`
  }
  return keys
    .map((k) => {
      if (FIELD_LABELS[k] && k !== 'question' && k !== 'choices' && k !== 'answer' && k !== 'explanation') {
        return `Trường «${FIELD_LABELS[k]}» (${k}) không dùng cho bản ghi loại ${kind} (${VALUE_LABELS[kind]}); hãy để trống hoặc bỏ trường này`
      }
      const guess = suggestColumn(k)
      return `Trường «${k}» không được hỗ trợ${guess ? ` (có phải ý bạn là «${guess}»?)` : ''}`
    })
    .join('; ')
}

/** Error map for a whole row / question object: unknown keys and refinements, then the generic map. */
const objectError = (kind: ImportKind | 'question') => ({
  error: (iss: Issue): string => {
    if (iss.code === 'unrecognized_keys') return unrecognizedReason(kind, iss.keys, iss.path ?? [])
    if (iss.code === 'invalid_type' && (iss.path ?? []).length === 0) {
      return 'Bản ghi phải là một đối tượng JSON dạng {"kind": …, "id": …, …}'
    }
    return vietnameseErrorMap(iss)
  },
})

type RefineCtx = { addIssue: (issue: { code: 'custom'; path: PathItem[]; params: { reason: string }; input?: unknown }) => void }
const addReason = (ctx: RefineCtx, p: PathItem[], reason: string) => ctx.addIssue({ code: 'custom', path: p, params: { reason } })

const question = z
  .strictObject(
    {
      question: line(),
      choices: z.array(line(), E).min(2, E).max(6, E),
      answer: z.number(E).int(E).min(0, E),
      explanation: line(),
    },
    objectError('question'),
  )
  .superRefine((q, ctx) => {
    // Refinements also run when a field failed, so look at the values defensively.
    const choices = Array.isArray(q.choices) ? q.choices : []
    if (typeof q.answer === 'number' && Number.isInteger(q.answer) && choices.length >= 2 && q.answer >= choices.length) {
      addReason(
        ctx,
        ['answer'],
        `đáp án ${q.answer} nằm ngoài danh sách phương án: câu hỏi có ${choices.length} phương án nên đáp án phải từ 0 đến ${choices.length - 1} (đếm từ 0: 0 là phương án đầu tiên)`,
      )
    }
    const seen = new Map<string, number>()
    choices.forEach((c, i) => {
      if (typeof c !== 'string') return
      const prev = seen.get(c)
      if (prev !== undefined) addReason(ctx, ['choices'], `phương án số ${prev + 1} và số ${i + 1} trùng nhau (${show(c)})`)
      else seen.set(c, i)
    })
  })

export const documentRow = z
  .strictObject(
    {
      kind: z.literal('document', E),
      id: slug(),
      type: enumOf(DOCUMENT_TYPES),
      number: line(),
      issuer: line(),
      level: enumOf(DOCUMENT_LEVELS),
      issuedAt: isoDate(),
      title: line(),
      summary: paragraphs(),
      fields: list(line()),
      status: enumOf(DOCUMENT_STATUSES),
      supersededBy: nullable(slug()),
      audience: enumOf(DOCUMENT_AUDIENCES),
      term: optional(term()),
      signer: optional(line()),
      secrecy: z.preprocess(emptyToUndefined, z.enum(SECRECY_LEVELS, E).default('none')),
      attachments: optional(z.array(fileName(), E).overwrite(dedupe)),
      fullText: optional(paragraphs()),
    },
    objectError('document'),
  )
  .superRefine((d, ctx) => {
    const statusOk = (DOCUMENT_STATUSES as readonly string[]).includes(d.status)
    if (d.status === 'superseded' && d.supersededBy == null) {
      addReason(
        ctx,
        ['supersededBy'],
        'bắt buộc khi «Tình trạng hiệu lực» (status) là «superseded» (đã bị thay thế): hãy ghi mã định danh của văn bản thay thế',
      )
    } else if (statusOk && d.status !== 'superseded' && d.supersededBy != null) {
      addReason(ctx, ['supersededBy'], `chỉ được ghi khi «Tình trạng hiệu lực» (status) là «superseded»; văn bản này đang là «${d.status}» nên hãy để trống`)
    }
    if (d.supersededBy != null && d.supersededBy === d.id) {
      addReason(ctx, ['supersededBy'], 'văn bản không thể được thay thế bởi chính nó')
    }
    if (d.secrecy && d.secrecy !== 'none' && d.audience === 'public') {
      addReason(
        ctx,
        ['audience'],
        `văn bản có «Độ mật» (secrecy) là «${d.secrecy}» (${VALUE_LABELS[d.secrecy]}) không được để công khai (public); hãy ghi «members»`,
      )
    }
  })

export const newsRow = z.strictObject(
  {
    kind: z.literal('news', E),
    id: slug(),
    title: line(),
    lead: line(),
    body: paragraphs(),
    category: enumOf(NEWS_CATEGORIES),
    publishedAt: isoDate(),
    source: line(),
    relatedDocuments: list(slug()),
    cover: optional(fileName(true)),
  },
  objectError('news'),
)

export const topicQuestion = question

export const topicRow = z.strictObject(
  {
    kind: z.literal('topic', E),
    id: slug(),
    month: z
      .string(E)
      .overwrite((s) => s.trim())
      .refine(
        (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
        fieldError((iss) => {
          const m = typeof iss.input === 'string' ? /^(\d{1,2})[/.-](\d{4})$/.exec(iss.input) : null
          const hint = m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `, tức là «${m[2]}-${m[1]!.padStart(2, '0')}»` : ', ví dụ «2024-07»'
          return `${show(iss.input)} không đúng dạng NĂM-THÁNG (YYYY-MM)${hint}`
        }),
      ),
    title: line(),
    theme: line(),
    body: paragraphs(),
    relatedDocuments: list(slug()),
    questions: z.array(question, E).min(1, E),
  },
  objectError('topic'),
)

export const announcementRow = z
  .strictObject(
    {
      kind: z.literal('announcement', E),
      id: slug(),
      title: line(),
      body: paragraphs(),
      organization: line(),
      meetingAt: nullable(offsetDateTime()),
      location: nullable(line()),
      publishedAt: isoDate(),
      audience: z.preprocess(
        emptyToUndefined,
        z
          .literal(
            'members',
            fieldError((iss) =>
              iss.input === undefined ? undefined : `thông báo chỉ dành cho đảng viên nên chỉ nhận giá trị «members», không phải ${show(iss.input)}`,
            ),
          )
          .default('members'),
      ),
    },
    objectError('announcement'),
  )
  .superRefine((a, ctx) => {
    if (a.meetingAt != null && a.location == null) {
      addReason(ctx, ['location'], 'bắt buộc khi có «Thời gian họp» (meetingAt): hãy ghi nơi họp')
    } else if (a.meetingAt == null && a.location != null) {
      addReason(ctx, ['location'], 'phải để trống khi thông báo không có «Thời gian họp» (meetingAt)')
    }
  })

export const importRow = z.discriminatedUnion('kind', [documentRow, newsRow, topicRow, announcementRow], {
  error: (iss: Issue): string => {
    if (iss.code === 'invalid_union') {
      const given = iss.input && typeof iss.input === 'object' ? (iss.input as Record<string, unknown>).kind : undefined
      const allowed = `chỉ chấp nhận: ${allowedList(KINDS)}`
      if (given === undefined || given === null || given === '') return withField(['kind'], `${MISSING}; ${allowed}`)
      return withField(['kind'], `giá trị ${show(given)} không hợp lệ; ${allowed}`)
    }
    if (iss.code === 'invalid_type') return 'Bản ghi phải là một đối tượng JSON dạng {"kind": …, "id": …, …}'
    return vietnameseErrorMap(iss)
  },
})

export type ImportRow = z.infer<typeof importRow>
export type DocumentRow = z.infer<typeof documentRow>
export type NewsRow = z.infer<typeof newsRow>
export type TopicRow = z.infer<typeof topicRow>
export type TopicQuestion = z.infer<typeof question>
export type AnnouncementRow = z.infer<typeof announcementRow>

/** The fields (= CSV columns) each kind accepts. */
export const KIND_FIELDS: Record<ImportKind, readonly CsvColumn[]> = {
  document: Object.keys(documentRow.shape) as CsvColumn[],
  news: Object.keys(newsRow.shape) as CsvColumn[],
  topic: Object.keys(topicRow.shape) as CsvColumn[],
  announcement: Object.keys(announcementRow.shape) as CsvColumn[],
}

// ---------------------------------------------------------------------------
// Validating one record
// ---------------------------------------------------------------------------

export interface RowProblem {
  /** Path of the offending field ([] = the whole row). */
  path: PathItem[]
  /** Vietnamese, NFC, naming the field. */
  message: string
}

export type ValidationResult = { ok: true; row: ImportRow } | { ok: false; id?: string; reason: string; problems: RowProblem[] }

/** Normalises every string (not keys) in a parsed JSON value to NFC. */
export function deepNormalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T
  if (Array.isArray(value)) return value.map((v) => deepNormalizeNfc(v)) as T
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = deepNormalizeNfc(v)
    return out as T
  }
  return value
}

function idOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
  const id = (value as Record<string, unknown>).id
  return typeof id === 'string' && id.trim() ? id.normalize('NFC').trim() : undefined
}

const joinReasons = (problems: readonly RowProblem[]) => [...new Set(problems.map((p) => p.message))].join('; ')

/**
 * Validates one already-parsed record (a JSON object, or a CSV row converted to one).
 * Strings are NFC-normalised first; the returned row is clean and ready for the writer.
 */
export function validateImportRow(input: unknown, extraProblems: readonly RowProblem[] = []): ValidationResult {
  const value = deepNormalizeNfc(input)
  const result = importRow.safeParse(value, { error: vietnameseErrorMap })
  if (result.success && extraProblems.length === 0) {
    // `"signer": null` / `""` means "not given": drop the key instead of keeping it as undefined.
    const row = result.data as Record<string, unknown>
    for (const key of Object.keys(row)) if (row[key] === undefined) delete row[key]
    return { ok: true, row: result.data }
  }
  // A field that already failed to convert (e.g. unreadable JSON in a CSV cell) is reported once, by its conversion problem.
  const converted = new Set(extraProblems.map((p) => p.path[0]).filter((k) => k !== undefined))
  const schemaProblems: RowProblem[] = result.success
    ? []
    : result.error.issues
        .filter((i) => !(i.path.length > 0 && converted.has(i.path[0]!)))
        .map((i) => ({ path: [...i.path], message: i.message.normalize('NFC') }))
  const problems = [...extraProblems, ...schemaProblems]
  const id = result.success ? result.data.id : idOf(value)
  return { ok: false, ...(id ? { id } : {}), reason: joinReasons(problems), problems }
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

export type ImportFormat = 'jsonl' | 'csv'

export type RowResult =
  | { line: number; ok: true; row: ImportRow; sheetRow?: number }
  | { line: number; ok: false; id?: string; reason: string; sheetRow?: number }
// `line` is the 1-based physical line of the file where the record starts.
// `sheetRow` (CSV only) is the row number a spreadsheet shows (header = 1); it differs from `line`
// once an earlier cell contained line breaks.

export type ImportFileErrorCode = 'unsupported-format' | 'not-found' | 'not-a-file' | 'encoding' | 'csv-header' | 'empty'

/** A problem with the whole file: nothing from it may be imported. The message is Vietnamese. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError'
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message.normalize('NFC'))
  }
}

const JSONL_EXTENSIONS = ['.jsonl', '.ndjson', '.json-lines']
const CSV_EXTENSIONS = ['.csv']

/** Chooses the format from the file extension; throws ImportFileError otherwise. */
export function detectImportFormat(filePath: string): ImportFormat {
  const ext = path.extname(filePath).toLowerCase()
  if (JSONL_EXTENSIONS.includes(ext)) return 'jsonl'
  if (CSV_EXTENSIONS.includes(ext)) return 'csv'
  const base = path.basename(filePath)
  if (ext === '.json') {
    throw new ImportFileError(
      'unsupported-format',
      `Tệp «${base}» có đuôi .json. Chỉ nhận JSONL (mỗi dòng một đối tượng JSON, đuôi .jsonl hoặc .ndjson) hoặc CSV (đuôi .csv); nếu tệp đã đúng dạng mỗi dòng một bản ghi, hãy đổi đuôi thành .jsonl.`,
    )
  }
  if (ext === '.xlsx' || ext === '.xls' || ext === '.ods') {
    throw new ImportFileError(
      'unsupported-format',
      `Tệp «${base}» là bảng tính ${ext}. Hãy lưu lại dưới dạng «CSV UTF-8 (phân cách bằng dấu phẩy)» rồi nhập tệp .csv.`,
    )
  }
  throw new ImportFileError(
    'unsupported-format',
    `Không nhận dạng được định dạng của tệp «${base}»${ext ? ` (đuôi ${ext})` : ' (không có đuôi tệp)'}: chỉ nhận .jsonl, .ndjson, .json-lines hoặc .csv.`,
  )
}

export interface ImportFileInfo {
  format: ImportFormat
  /** CSV only: the header columns in file order (null = a nameless, ignored column). */
  columns?: (CsvColumn | null)[]
  /** CSV only: the detected cell delimiter. */
  delimiter?: string
}

const SNIFF_BYTES = 64 * 1024

async function basicChecks(filePath: string): Promise<{ format: ImportFormat; firstLine: string }> {
  const format = detectImportFormat(filePath)
  const base = path.basename(filePath)
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(filePath)
  } catch {
    throw new ImportFileError('not-found', `Không tìm thấy tệp «${filePath}».`)
  }
  if (!info.isFile()) throw new ImportFileError('not-a-file', `«${filePath}» không phải là một tệp.`)
  const fh = await open(filePath, 'r')
  let head: Buffer
  try {
    const buf = Buffer.alloc(Math.min(SNIFF_BYTES, info.size))
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    head = buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ImportFileError('encoding', `Tệp «${base}» được lưu ở mã UTF-16. Hãy lưu lại ở dạng UTF-8 (trong Excel: «CSV UTF-8»).`)
  }
  let text: string
  try {
    // stream: true so a character cut off at the end of the sample is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch {
    throw new ImportFileError(
      'encoding',
      `Tệp «${base}» không phải văn bản UTF-8 (có thể đang ở mã Windows-1258 hoặc TCVN3). Hãy lưu lại ở dạng UTF-8 (trong Excel: «CSV UTF-8»); tệp chưa được nhập.`,
    )
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const nl = text.indexOf('\n')
  return { format, firstLine: (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '') }
}

/**
 * Checks the file before anything is written: format, existence, encoding and (CSV) the header.
 * Throws ImportFileError with a Vietnamese message when the whole file must be refused.
 */
export async function checkImportFile(filePath: string): Promise<ImportFileInfo> {
  const { format, firstLine } = await basicChecks(filePath)
  if (format === 'jsonl') return { format }
  const delimiter = detectDelimiter(firstLine)
  const it = readCsvRecords(filePath, delimiter)
  try {
    const first = await it.next() // validates the header (throws ImportFileError) before anything else
    const columns = !first.done && first.value.type === 'header' ? first.value.columns : undefined
    return { format, delimiter, ...(columns ? { columns } : {}) }
  } finally {
    await it.return(undefined)
  }
}

/**
 * Streams the import file and yields one result per record, in file order.
 * Throws ImportFileError (before yielding anything) when the whole file is unusable:
 * unknown extension, missing file, wrong encoding, bad CSV header.
 * Blank lines are skipped but counted, so `line` always matches the file.
 * A duplicate `id` rejects the later record, naming the line of the first one.
 */
export async function* readImportRows(filePath: string): AsyncGenerator<RowResult, void, undefined> {
  const { format, firstLine } = await basicChecks(filePath)
  const source: AsyncGenerator<CsvItem> = format === 'csv' ? readCsvRecords(filePath, detectDelimiter(firstLine)) : readJsonlRecords(filePath)
  const firstLineOf = new Map<string, number>()
  for await (const item of source) {
    if (item.type === 'header') continue
    const extra = item.sheetRow !== undefined ? { sheetRow: item.sheetRow } : {}
    if (item.type === 'error') {
      yield { line: item.line, ok: false, ...(item.id ? { id: item.id } : {}), reason: item.reason.normalize('NFC'), ...extra }
      continue
    }
    const result = validateImportRow(item.value, item.problems)
    const id = result.ok ? result.row.id : result.id
    const earlier = id !== undefined ? firstLineOf.get(id) : undefined
    if (id !== undefined && earlier === undefined) firstLineOf.set(id, item.line)
    if (earlier !== undefined) {
      const dup = withField(['id'], `mã «${id}» bị trùng: đã được dùng cho bản ghi ở dòng ${earlier}; mỗi bản ghi phải có mã riêng`)
      const reason = result.ok ? dup : `${dup}; ${result.reason}`
      yield { line: item.line, ok: false, id, reason, ...extra }
    } else if (result.ok) {
      yield { line: item.line, ok: true, row: result.row, ...extra }
    } else {
      yield { line: item.line, ok: false, ...(result.id ? { id: result.id } : {}), reason: result.reason, ...extra }
    }
  }
}

/**
 * Number of physical lines in the file (a last line without "\n" counts), read in chunks.
 * `RowResult.line / countLines(file)` is the progress fraction for both formats.
 */
export async function countLines(filePath: string): Promise<number> {
  let count = 0
  let last = 0x0a
  let size = 0
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) {
    let i = chunk.indexOf(0x0a)
    while (i !== -1) {
      count++
      i = chunk.indexOf(0x0a, i + 1)
    }
    if (chunk.length) last = chunk[chunk.length - 1]!
    size += chunk.length
  }
  return size > 0 && last !== 0x0a ? count + 1 : count
}

// ---------------------------------------------------------------------------
// Sources: raw records with their line numbers
// ---------------------------------------------------------------------------

type SourceItem =
  | { type: 'value'; line: number; sheetRow?: number; value: unknown; problems: RowProblem[] }
  | { type: 'error'; line: number; sheetRow?: number; id?: string; reason: string }

function guessIdFromBrokenJson(text: string): string | undefined {
  const m = /"id"\s*:\s*"((?:[^"\\]|\\.){1,200})"/.exec(text)
  if (!m) return undefined
  try {
    return (JSON.parse(`"${m[1]}"`) as string).normalize('NFC')
  } catch {
    return m[1]
  }
}

function jsonErrorReason(error: unknown, text: string): string {
  const msg = error instanceof Error ? error.message : String(error)
  const pos = /position (\d+)/.exec(msg)
  const at = pos ? Number(pos[1]) : undefined
  const near = at !== undefined ? text.slice(Math.max(0, at - 15), at + 15).replace(/\s+/g, ' ') : ''
  let hint = 'hãy kiểm tra dấu phẩy, dấu hai chấm, dấu ngoặc { } [ ] và dấu nháy kép quanh tên trường và giá trị'
  if (/end of JSON input|Unterminated string/i.test(msg)) hint = 'dòng bị cắt cụt: thiếu dấu nháy kép hoặc dấu ngoặc đóng ở cuối'
  else if (/control character/i.test(msg)) hint = 'có ký tự tab hoặc xuống dòng nằm trực tiếp trong chuỗi; hãy viết chúng thành \\t và \\n'
  else if (/[“”]/.test(text.slice(Math.max(0, (at ?? 0) - 2), (at ?? 0) + 2)))
    hint = 'dùng dấu nháy thẳng (") thay cho dấu nháy cong (“ ”) quanh tên trường và giá trị'
  return (
    `Dòng này không phải JSON hợp lệ${at !== undefined ? ` (lỗi ở ký tự thứ ${at + 1}${near ? `, gần «${near}»` : ''})` : ''}: ${hint}. ` +
    'Mỗi dòng phải là một đối tượng JSON trọn vẹn, ví dụ {"kind": "document", "id": "…", …}'
  )
}

async function* readJsonlRecords(filePath: string): AsyncGenerator<SourceItem> {
  const input = createReadStream(filePath, { encoding: 'utf8' })
  const rl = createInterface({ input, crlfDelay: Infinity })
  let line = 0
  try {
    for await (const raw of rl) {
      line++
      const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
      if (text.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (error) {
        const id = guessIdFromBrokenJson(text)
        yield { type: 'error', line, ...(id ? { id } : {}), reason: jsonErrorReason(error, text) }
        continue
      }
      yield { type: 'value', line, value, problems: [] }
    }
  } finally {
    rl.close()
    input.destroy()
  }
}

/** Turns CRLF and lone CR into LF and drops a leading BOM, so csv-parse counts lines like an editor does. */
class NewlineNormalizer extends Transform {
  private pendingCr = false
  private atStart = true
  constructor() {
    super({ decodeStrings: false })
  }
  override _transform(chunk: string | Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let s = typeof chunk === 'string' ? chunk : chunk.toString('utf8')
    if (this.atStart && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1)
      this.atStart = false
    }
    if (this.pendingCr) {
      s = `\r${s}`
      this.pendingCr = false
    }
    if (s.endsWith('\r')) {
      this.pendingCr = true
      s = s.slice(0, -1)
    }
    done(null, s.replace(/\r\n?/g, '\n'))
  }
  override _flush(done: TransformCallback): void {
    done(null, this.pendingCr ? '\n' : '')
  }
}

function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length - 1] as const)
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a))
  return best[1] > 0 ? best[0] : ','
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]!
}

/** Closest known column for a misspelt or Vietnamese column name ("issued_at", "Ngày ban hành" → issuedAt). */
function suggestColumn(name: string): string | undefined {
  const key = slugify(name).replace(/-/g, '')
  for (const [col, label] of Object.entries(FIELD_LABELS)) {
    if (!(CSV_COLUMNS as readonly string[]).includes(col)) continue
    if (slugify(label).replace(/-/g, '') === key || col.toLowerCase() === key) return col
  }
  let best: string | undefined
  let bestDistance = Infinity
  for (const col of CSV_COLUMNS) {
    const d = levenshtein(key, col.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [col, d]
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined
}

function resolveHeader(cells: string[], filePath: string): (CsvColumn | null)[] {
  const base = path.basename(filePath)
  const byLower = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c] as const))
  const unknown: string[] = []
  const seen = new Set<CsvColumn>()
  const duplicates: string[] = []
  const columns = cells.map((cell) => {
    const name = cell.normalize('NFC').trim()
    if (!name) return null
    const col = byLower.get(name.toLowerCase())
    if (!col) {
      const guess = suggestColumn(name)
      unknown.push(`«${name}»${guess ? ` (có phải ý bạn là «${guess}»?)` : ''}`)
      return null
    }
    if (seen.has(col)) duplicates.push(`«${col}»`)
    seen.add(col)
    return col
  })
  const refuse = (what: string) =>
    new ImportFileError('csv-header', `Tệp CSV «${base}», dòng tiêu đề (dòng 1): ${what}. Tệp chưa được nhập; hãy sửa dòng tiêu đề rồi chạy lại.`)
  if (unknown.length) {
    throw refuse(`có ${unknown.length > 1 ? 'các cột' : 'cột'} không được hỗ trợ ${unknown.join(', ')}. Các cột hợp lệ: ${CSV_COLUMNS.join(', ')}`)
  }
  if (duplicates.length) throw refuse(`cột ${duplicates.join(', ')} xuất hiện nhiều lần`)
  const missing = (['kind', 'id'] as const).filter((c) => !seen.has(c))
  if (missing.length) throw refuse(`thiếu cột bắt buộc ${missing.map((c) => `«${c}»`).join(', ')}`)
  return columns
}

/** Converts one CSV record to the JSON shape: empty cell = absent, lists split on "|", questions parsed as JSON. */
export function csvCellsToRecord(
  cells: readonly string[],
  columns: readonly (CsvColumn | null)[],
): { value: Record<string, unknown>; problems: RowProblem[] } | { error: string } {
  if (cells.length > columns.length && cells.slice(columns.length).some((c) => c.trim() !== '')) {
    return {
      error: `Dòng có ${cells.length} ô nhưng dòng tiêu đề chỉ có ${columns.length} cột: có thể một ô chứa dấu phẩy mà không được đặt trong dấu nháy kép`,
    }
  }
  if (cells.length < columns.length) {
    return {
      error: `Dòng chỉ có ${cells.length} ô trong khi dòng tiêu đề có ${columns.length} cột: có thể thiếu dấu phân cách hoặc dòng bị cắt`,
    }
  }
  const value: Record<string, unknown> = {}
  const problems: RowProblem[] = []
  columns.forEach((col, i) => {
    const cell = (cells[i] ?? '').trim()
    if (cell === '') return
    if (col === null) {
      problems.push({ path: [], message: `Ô ở cột thứ ${i + 1} (cột không có tên) phải để trống` })
      return
    }
    if (CSV_LIST_COLUMNS.includes(col)) {
      const items = cell
        .split(CSV_LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean)
      if (items.length) value[col] = items
      return
    }
    if (CSV_JSON_COLUMNS.includes(col)) {
      try {
        value[col] = JSON.parse(cell)
      } catch {
        problems.push({
          path: [col],
          message: withField(
            [col],
            'ô này phải chứa một mảng JSON hợp lệ, ví dụ [{"question": "…", "choices": ["…", "…", "…", "…"], "answer": 0, "explanation": "…"}]',
          ),
        })
      }
      return
    }
    value[col] = cell
  })
  return { value, problems }
}

function csvErrorReason(err: CsvError | undefined, afterLine: number): string {
  const code = err?.code
  const quoteRule = 'bên trong một ô, mỗi dấu nháy kép phải được viết thành hai dấu ("")'
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    const end = typeof err?.lines === 'number' ? ` (dòng ${err.lines})` : ''
    return `Có một ô mở dấu nháy kép («"») mà không đóng, nên phần tệp từ sau dòng ${afterLine} đến hết tệp${end} không đọc được; ${quoteRule}`
  }
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'INVALID_OPENING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return `Dấu nháy kép đặt sai chỗ trong dòng này; ${quoteRule}`
  }
  if (code === 'CSV_MAX_RECORD_SIZE') return 'Bản ghi quá dài (có thể do một dấu nháy kép không được đóng)'
  return `Không đọc được dòng CSV này (${code ?? 'lỗi không rõ'})`
}

const MAX_CSV_RECORD_CHARS = 64 * 1024 * 1024

interface CsvRecord {
  cells: string[]
  start: number
  end: number
}

type CsvItem = SourceItem | { type: 'header'; columns: (CsvColumn | null)[] }

async function* readCsvRecords(filePath: string, delimiter: string): AsyncGenerator<CsvItem> {
  const input = createReadStream(filePath, { encoding: 'utf8' })
  const normalizer = new NewlineNormalizer()
  const skipped: { line: number; reason: string }[] = []
  let lastEnd = 0
  const options: CsvOptions<CsvRecord, string[]> = {
    delimiter,
    record_delimiter: '\n',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_CSV_RECORD_CHARS,
    on_record: (cells, context): CsvRecord => {
      // `lines` is the line the record ends on; in-cell line breaks tell us where it started.
      const end = context.lines
      const start = end - cells.reduce((n, c) => n + (c.split('\n').length - 1), 0)
      lastEnd = end
      return { cells, start, end }
    },
    on_skip: (err) => {
      const line = err?.code === 'CSV_QUOTE_NOT_CLOSED' || typeof err?.lines !== 'number' ? lastEnd + 1 : err.lines
      skipped.push({ line, reason: csvErrorReason(err, lastEnd) })
      return undefined
    },
  }
  const parser = createCsvParser(options as unknown as CsvOptions)
  input.on('error', (e) => parser.destroy(e))
  normalizer.on('error', (e) => parser.destroy(e))
  input.pipe(normalizer).pipe(parser)

  let columns: (CsvColumn | null)[] | undefined
  let inCellBreaks = 0
  try {
    for await (const rec of parser as AsyncIterable<CsvRecord>) {
      if (!columns) {
        if (skipped.length) {
          throw new ImportFileError(
            'csv-header',
            `Tệp CSV «${path.basename(filePath)}»: không đọc được dòng tiêu đề (${skipped[0]!.reason}). Tệp chưa được nhập.`,
          )
        }
        columns = resolveHeader(rec.cells, filePath)
        inCellBreaks += rec.end - rec.start
        yield { type: 'header', columns }
        continue
      }
      while (skipped.length && skipped[0]!.line <= rec.start) {
        const s = skipped.shift()!
        yield { type: 'error', line: s.line, reason: s.reason }
      }
      const sheetRow = rec.start - inCellBreaks
      inCellBreaks += rec.end - rec.start
      if (rec.cells.every((c) => c.trim() === '')) continue
      const converted = csvCellsToRecord(rec.cells, columns)
      if ('error' in converted) {
        yield { type: 'error', line: rec.start, sheetRow, reason: converted.error }
      } else {
        yield { type: 'value', line: rec.start, sheetRow, value: converted.value, problems: converted.problems }
      }
    }
    if (!columns) {
      const why = skipped.length ? `không đọc được dòng tiêu đề (${skipped[0]!.reason})` : 'tệp trống, thiếu dòng tiêu đề'
      throw new ImportFileError(skipped.length ? 'csv-header' : 'empty', `Tệp CSV «${path.basename(filePath)}»: ${why}. Tệp chưa được nhập.`)
    }
    for (const s of skipped) yield { type: 'error', line: s.line, reason: s.reason }
  } finally {
    input.destroy()
    parser.destroy()
  }
}
