import type { CollectionBeforeOperationHook, CollectionConfig, CollectionSlug, Field, PayloadRequest } from 'payload'
import { fieldError } from '../lib/fieldError'
import { refuseBadQueries } from './refuseBadQueries'

type Data = Record<string, unknown>

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v)
const isId = (v: unknown) => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v))
const isRelation = (v: unknown) => isId(v) || (isObject(v) && (isId(v.id) || ('relationTo' in v && isId(v.value))))
const isDate = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime())) || (typeof v === 'string' && v !== '' && !Number.isNaN(Date.parse(v)))
const isNumber = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))

/** What a value of each kind of field must be, and how to say so. */
function expectation(field: Field): { ok: (v: unknown) => boolean; what: string } | null {
  const many = 'hasMany' in field && field.hasMany === true
  const list = (one: (v: unknown) => boolean) => (many ? (v: unknown) => Array.isArray(v) && v.every(one) : one)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code': {
      // Drafts skip Payload's validation, length included: the longest value is checked here too.
      const max = 'maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : Infinity
      const text = (v: unknown) => typeof v === 'string' && v.length <= max
      const what = many ? 'một danh sách chữ' : max < Infinity ? `một đoạn chữ dài tối đa ${max} ký tự` : 'một đoạn chữ'
      return { ok: list(text), what }
    }
    case 'number':
      return { ok: list(isNumber), what: many ? 'một danh sách số' : 'một số' }
    case 'checkbox':
      return { ok: (v) => typeof v === 'boolean', what: 'giá trị đúng hoặc sai (true/false)' }
    case 'date':
      return { ok: isDate, what: 'một ngày hợp lệ (ví dụ 2024-05-10)' }
    case 'select':
    case 'radio': {
      const values = new Set(field.options.map((o) => (typeof o === 'string' ? o : o.value)))
      return { ok: list((v) => typeof v === 'string' && values.has(v)), what: 'một lựa chọn có trong danh sách' }
    }
    case 'relationship':
    case 'upload':
      return { ok: list(isRelation), what: many ? 'danh sách mã của các mục liên kết' : 'mã của mục liên kết' }
    case 'richText':
      return { ok: (v) => isObject(v) && isObject(v.root), what: 'nội dung soạn thảo (rich text)' }
    case 'point':
      return { ok: (v) => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number'), what: 'một cặp tọa độ' }
    default:
      return null
  }
}

const labelOf = (field: Field): string => {
  const label = 'label' in field ? field.label : undefined
  return typeof label === 'string' ? label : 'name' in field ? String(field.name) : ''
}

interface Relation {
  path: string
  label: string
  collection: string
  id: string
}

/** The ids a relationship or upload value points at, by collection. */
function relationsOf(field: Field, value: unknown, path: string): Relation[] {
  if ((field.type !== 'relationship' && field.type !== 'upload') || !('relationTo' in field)) return []
  const one = (v: unknown): Relation | null => {
    if (isId(v) && typeof field.relationTo === 'string') return { path, label: labelOf(field), collection: field.relationTo, id: String(v) }
    if (isObject(v) && 'relationTo' in v && isId(v.value)) return { path, label: labelOf(field), collection: String(v.relationTo), id: String(v.value) }
    if (isObject(v) && isId(v.id) && typeof field.relationTo === 'string')
      return { path, label: labelOf(field), collection: field.relationTo, id: String(v.id) }
    return null
  }
  return (Array.isArray(value) ? value : [value]).map(one).filter((r): r is Relation => r !== null)
}

/** The first value of the wrong type: its path and the explanation. Relations found on the way are collected. */
function findWrongType(fields: Field[], data: Data, prefix = '', relations: Relation[] = []): { path: string; message: string } | null {
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      const found = findWrongType(field.fields, data, prefix, relations)
      if (found) return found
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        const named = 'name' in tab && tab.name
        const inner = named ? data[tab.name as string] : data
        if (named && inner != null && !isObject(inner)) return { path: `${prefix}${tab.name}`, message: `Mục «${tab.name}» phải là một nhóm giá trị.` }
        const found = isObject(inner) ? findWrongType(tab.fields, inner, named ? `${prefix}${tab.name}.` : prefix, relations) : null
        if (found) return found
      }
      continue
    }
    if (!('name' in field) || field.type === 'join' || field.type === 'ui') continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    // Empty means "no value" to Payload for every kind of field; a form may send '' for a cleared one.
    if (value === undefined || value === null || (value === '' && (field.type === 'date' || field.type === 'number'))) continue
    if (field.type === 'group') {
      if (!isObject(value)) return { path, message: `Ô «${labelOf(field)}» phải là một nhóm giá trị.` }
      const found = findWrongType(field.fields, value, `${path}.`, relations)
      if (found) return found
      continue
    }
    if (field.type === 'array') {
      if (!Array.isArray(value)) return { path, message: `Ô «${labelOf(field)}» phải là một danh sách.` }
      for (const [i, row] of value.entries()) {
        if (!isObject(row)) return { path: `${path}.${i}`, message: `Mỗi dòng của «${labelOf(field)}» phải là một nhóm giá trị.` }
        const found = findWrongType(field.fields, row, `${path}.${i}.`, relations)
        if (found) return found
      }
      continue
    }
    const expected = expectation(field)
    if (expected && !expected.ok(value))
      return { path, message: `Ô «${labelOf(field)}» cần ${expected.what}; giá trị gửi lên không đúng kiểu nên không được lưu.` }
    relations.push(...relationsOf(field, value, path))
  }
  return null
}

/** The first relation to a record that does not exist (SQLite would refuse it with a 500, MongoDB store it dangling). */
async function findMissingRelation(req: PayloadRequest, relations: Relation[]): Promise<Relation | null> {
  const byCollection = new Map<string, Relation[]>()
  for (const r of relations) byCollection.set(r.collection, [...(byCollection.get(r.collection) ?? []), r])
  for (const [collection, refs] of byCollection) {
    if (!(collection in req.payload.collections)) return refs[0]!
    const ids = [...new Set(refs.map((r) => r.id))]
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: ids } },
      depth: 0,
      limit: ids.length,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    const found = new Set(docs.map((d) => String(d.id)))
    const missing = refs.find((r) => !found.has(r.id))
    if (missing) return missing
  }
  return null
}

/** An array sent as the body arrives in an upload's update spread into an object ("0", "1"…). */
const isSpreadArray = (data: Data) => {
  const keys = Object.keys(data)
  return keys.length > 0 && keys.every((k) => /^\d+$/.test(k))
}

/**
 * Payload skips validation when saving a draft, so a draft PATCH with a value of the wrong type (an
 * object for a number, a number for a relation…) would be stored as it came — "[object Object]".
 * Every create and update, draft or not, is checked first — types, text lengths, and that related
 * records exist — and refused whole with the field's name; required fields and the finer rules
 * stay with Payload's validation.
 */
const refuseWrongTypes: CollectionBeforeOperationHook<CollectionSlug> = async ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update') return args
  // Checked as it came: a request body can hold anything, whatever the collection's type says.
  const data: unknown = args.data
  if (data === undefined) return args
  if (!isObject(data) || isSpreadArray(data)) throw fieldError(req, collection.slug, 'data', 'Dữ liệu gửi lên phải là một đối tượng JSON gồm các ô cần lưu.')
  // The sanitized fields: with those Payload adds (email and password, upload and status fields).
  const relations: Relation[] = []
  const wrong = findWrongType(collection.fields, data, '', relations)
  if (wrong) throw fieldError(req, collection.slug, wrong.path, wrong.message)
  const missing = await findMissingRelation(req, relations)
  if (missing) throw fieldError(req, collection.slug, missing.path, `Ô «${missing.label}» liên kết tới một mục không có (mã ${missing.id}); hãy chọn lại.`)
  return args
}

/** The collection with its input (data and filters) checked before anything else runs. */
export function withInputChecks(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return { ...collection, hooks: { ...hooks, beforeOperation: [refuseWrongTypes, refuseBadQueries, ...(hooks.beforeOperation ?? [])] } }
}
