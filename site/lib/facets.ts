import { DOCUMENT_TYPES } from '../../search/vietnamese'
import { LEVELS, VALIDITY } from '../../cms/collections/Documents/options'
import type { DocumentEntry } from './model'
import type { Library } from './library'

export interface FacetValue {
  value: string // URL segment
  label: string
  documents: DocumentEntry[]
}

export interface Facet {
  key: 'loai' | 'co-quan' | 'cap' | 'nam' | 'linh-vuc' | 'hieu-luc'
  label: string
  values: FacetValue[]
}

const VALIDITY_SLUGS: Record<DocumentEntry['status'], string> = { 'in-force': 'con-hieu-luc', expired: 'het-hieu-luc', superseded: 'bi-thay-the' }
const typeLabel = new Map(DOCUMENT_TYPES.map((t) => [t.slug, t.label]))
const levelLabel = new Map(LEVELS.map((l) => [l.value, l.label]))
const validityLabel = new Map(VALIDITY.map((v) => [v.value, v.label]))

export const documentTypeLabel = (type: string): string => typeLabel.get(type as never) ?? type
export const levelLabelOf = (level: string): string => levelLabel.get(level) ?? level
export const validityLabelOf = (status: string): string => validityLabel.get(status) ?? status
export const validityUrl = (status: DocumentEntry['status']): string => `/van-ban/hieu-luc/${VALIDITY_SLUGS[status]}/`

const computed = new WeakMap<Library, Facet[]>()

/**
 * The library's single-facet browsing: every value of every facet gets its own paginated listing,
 * so browsing works with JavaScript off. Documents arrive newest first and keep that order in each
 * value. Computed once per library version.
 */
export function facetsOf(lib: Library): Facet[] {
  let facets = computed.get(lib)
  if (!facets) computed.set(lib, (facets = computeFacets(lib)))
  return facets
}

function computeFacets(lib: Library): Facet[] {
  const group = (key: Facet['key'], label: string, valuesOf: (d: DocumentEntry) => Array<[string, string]>, order?: (a: FacetValue, b: FacetValue) => number): Facet => {
    const values = new Map<string, FacetValue>()
    for (const doc of lib.documents) {
      for (const [value, valueLabel] of valuesOf(doc)) {
        const entry = values.get(value) ?? { value, label: valueLabel, documents: [] }
        entry.documents.push(doc)
        values.set(value, entry)
      }
    }
    const list = [...values.values()]
    list.sort(order ?? ((a, b) => b.documents.length - a.documents.length || a.label.localeCompare(b.label, 'vi')))
    return { key, label, values: list }
  }
  return [
    group('loai', 'Loại văn bản', (d) => [[d.type, documentTypeLabel(d.type)]]),
    group('co-quan', 'Cơ quan ban hành', (d) => {
      const org = lib.organizationById.get(d.issuerId)
      return org ? [[org.slug, org.name]] : []
    }),
    group('cap', 'Cấp ban hành', (d) => [[d.level, levelLabelOf(d.level)]], (a, b) => order(LEVELS.map((l) => l.value), a.value, b.value)),
    group('nam', 'Năm ban hành', (d) => [[d.issuedAt.slice(0, 4), d.issuedAt.slice(0, 4)]], (a, b) => b.value.localeCompare(a.value)),
    group('linh-vuc', 'Lĩnh vực', (d) =>
      d.subjectIds.flatMap((id): Array<[string, string]> => {
        const s = lib.subjectById.get(id)
        return s ? [[s.slug, s.name]] : []
      }),
    ),
    group('hieu-luc', 'Tình trạng hiệu lực', (d) => [[VALIDITY_SLUGS[d.status], validityLabelOf(d.status)]], (a, b) =>
      order(Object.values(VALIDITY_SLUGS), a.value, b.value),
    ),
  ]
}

const order = (list: string[], a: string, b: string) => list.indexOf(a) - list.indexOf(b)

export const PAGE_SIZE = 20

export interface ListingPage<T> {
  page: number
  pages: number
  items: T[]
  url: (n: number) => string
}

/** Page `page` of a listing (page 1 at `base`, the others at `base` + "trang/<n>/"); null past the end. */
export function pageOf<T>(items: T[], base: string, page: number): ListingPage<T> | null {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE))
  if (!Number.isInteger(page) || page < 1 || page > pages) return null
  return { page, pages, items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), url: (n: number) => (n === 1 ? base : `${base}trang/${n}/`) }
}

/** "trang/3" → 3, undefined → 1; anything else (including "trang/1", which has its own URL) → NaN. */
export function pageNumber(segment: string | undefined): number {
  if (segment === undefined || segment === '') return 1
  const match = /^trang\/([1-9]\d{0,5})$/.exec(segment)
  return match && match[1] !== '1' ? Number(match[1]) : Number.NaN
}
