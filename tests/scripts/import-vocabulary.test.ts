/**
 * The import and the admin offer exactly the same values, because both take them from
 * core/vocabulary.ts: every document type, level, validity, audience, secrecy level and news
 * category the CMS's fields accept is accepted by the import, and nothing else is.
 */
import type { Field, SelectField } from 'payload'
import { describe, expect, it } from 'vitest'
import { Documents } from '../../cms/collections/Documents'
import { News } from '../../cms/collections/News'
import { AUDIENCES, DOCUMENT_TYPES, LEVELS, NEWS_CATEGORIES, SECRECY, VALIDITY } from '../../core/vocabulary'
import { validateImportRow } from '../../scripts/import/rows'

/** The options of a select field of a collection, wherever it sits (tabs, rows, groups). */
function selectOptions(fields: Field[], name: string): string[] | undefined {
  for (const field of fields) {
    if (field.type === 'select' && field.name === name) return (field as SelectField).options.map((o) => (typeof o === 'string' ? o : o.value))
    const nested =
      'fields' in field && Array.isArray(field.fields)
        ? selectOptions(field.fields, name)
        : field.type === 'tabs'
          ? field.tabs.map((t) => selectOptions(t.fields, name)).find(Boolean)
          : undefined
    if (nested) return nested
  }
  return undefined
}

const documentRow = (overrides: Record<string, unknown>) => ({
  kind: 'document',
  id: `van-ban-thu-${Math.random().toString(36).slice(2, 8)}`,
  type: 'nghi-quyet',
  number: '21-NQ/TW',
  issuer: 'Ban Chấp hành Trung ương',
  level: 'trung-uong',
  issuedAt: '2022-06-16',
  title: 'Về thử nghiệm danh mục',
  summary: 'Tóm tắt.',
  fields: [],
  status: 'in-force',
  supersededBy: null,
  audience: 'members',
  ...overrides,
})

/** A number of the right shape for a type: party documents "12-NQ/TW", state ones "15/2024/NĐ-CP". */
const numberFor = (t: (typeof DOCUMENT_TYPES)[number]) => (t.party ? `12-${t.printed[0]}/TW` : `15/2024/${t.printed[0]}-CP`)

describe('the import and the CMS accept the same vocabulary', () => {
  it('the CMS fields offer exactly the values of core/vocabulary', () => {
    expect(selectOptions(Documents.fields, 'type')).toEqual(DOCUMENT_TYPES.map((t) => t.slug))
    expect(selectOptions(Documents.fields, 'level')).toEqual(LEVELS.map((o) => o.value))
    expect(selectOptions(Documents.fields, 'status')).toEqual(VALIDITY.map((o) => o.value))
    expect(selectOptions(Documents.fields, 'secrecy')).toEqual(SECRECY.map((o) => o.value))
    expect(selectOptions(Documents.fields, 'audience')).toEqual(AUDIENCES.map((o) => o.value))
    expect(selectOptions(News.fields, 'category')).toEqual(NEWS_CATEGORIES.map((o) => o.value))
  })

  it.each(DOCUMENT_TYPES.map((t) => [t.slug, t] as const))('the import accepts a document of type %s', (_, t) => {
    const result = validateImportRow(documentRow({ type: t.slug, number: numberFor(t) }))
    expect(result.ok ? 'accepted' : result.reason).toBe('accepted')
  })

  it.each([
    ['level', LEVELS],
    ['status', VALIDITY],
    ['audience', AUDIENCES],
  ] as const)('the import accepts every %s the CMS offers', (field, list) => {
    for (const { value } of list) {
      // A superseded document names what replaced it (a rule of its own, tested elsewhere).
      const result = validateImportRow(documentRow({ [field]: value, ...(value === 'superseded' ? { supersededBy: 'nghi-quyet-moi-hon' } : {}) }))
      expect(result.ok ? 'accepted' : result.reason, `${field} = ${value}`).toBe('accepted')
    }
  })

  it('the import refuses a value the CMS does not offer, and lists the ones it does', () => {
    const result = validateImportRow(documentRow({ type: 'sac-lenh' }))
    expect(result.ok).toBe(false)
    if (!result.ok) for (const t of DOCUMENT_TYPES) expect(result.reason).toContain(t.slug)
  })
})
