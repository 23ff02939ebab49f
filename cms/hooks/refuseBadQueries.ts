import type { CollectionBeforeOperationHook, CollectionSlug, FlattenedField, Where } from 'payload'
import { APIError } from 'payload'

const COMPARISONS = new Set(['equals', 'not_equals', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'in', 'not_in', 'all'])

const isDate = (v: unknown) => v instanceof Date || (typeof v === 'string' && v !== '' && !Number.isNaN(Date.parse(v)))
const isNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))

/** The field a where path names (`issuer`, `version.issuedAt`, `questions.answer`), if it is one. */
function fieldAt(fields: FlattenedField[], path: string): FlattenedField | undefined {
  const [head, ...rest] = path.split('.')
  const field = fields.find((f) => f.name === head)
  if (!field || rest.length === 0) return field
  return 'flattenedFields' in field ? fieldAt(field.flattenedFields, rest.join('.')) : undefined
}

/** The first comparison with a date or number field whose value is no date or number. */
function badComparison(fields: FlattenedField[], where: unknown): { path: string; kind: 'date' | 'number' } | null {
  if (!where || typeof where !== 'object') return null
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      for (const inner of Array.isArray(condition) ? condition : []) {
        const found = badComparison(fields, inner)
        if (found) return found
      }
      continue
    }
    const field = fieldAt(fields, key)
    const kind = field?.type === 'date' ? 'date' : field?.type === 'number' ? 'number' : null
    if (!kind || !condition || typeof condition !== 'object') continue
    const valid = kind === 'date' ? isDate : isNumber
    for (const [operator, value] of Object.entries(condition)) {
      if (!COMPARISONS.has(operator) || value === null) continue
      const values = Array.isArray(value) ? value : operator.endsWith('in') || operator === 'all' ? String(value).split(',') : [value]
      if (!values.every(valid)) return { path: key, kind }
    }
  }
  return null
}

/**
 * A filter comparing a date or number field with something that is neither reached the database
 * as an unbindable value (a 500 on SQLite). Such a query is refused with 400 and the field named.
 */
export const refuseBadQueries: CollectionBeforeOperationHook<CollectionSlug> = ({ args, collection }) => {
  const where = 'where' in args ? args.where : undefined
  if (!where) return args
  const versions = collection.versions ? [{ name: 'version', type: 'group', flattenedFields: collection.flattenedFields } as unknown as FlattenedField] : []
  const found = badComparison([...collection.flattenedFields, ...versions], where)
  if (found) {
    const what = found.kind === 'date' ? 'một ngày hợp lệ (ví dụ 2024-05-10)' : 'một số'
    throw new APIError(`Điều kiện lọc theo «${found.path}» cần ${what}.`, 400, undefined, true)
  }
  return args
}
