import { documentTypeLabel, labelOf, LEVELS, VALIDITY } from '../../core/vocabulary'
import { pageUrl, VALIDITY_URL_SLUGS, type FacetKey } from '../../core/urls'
import type { DocumentEntry } from '../../library/model'
import type { Library } from './library'

export interface FacetValue {
  value: string // URL segment
  label: string
  documents: DocumentEntry[]
}

export interface Facet {
  key: FacetKey
  label: string
  values: FacetValue[]
}

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

const FACETS: Array<{ key: FacetKey; label: string; order?: (a: FacetValue, b: FacetValue) => number }> = [
  { key: 'loai', label: 'Loại văn bản' },
  { key: 'co-quan', label: 'Cơ quan ban hành' },
  {
    key: 'cap',
    label: 'Cấp ban hành',
    order: (a, b) =>
      order(
        LEVELS.map((l) => l.value),
        a.value,
        b.value,
      ),
  },
  { key: 'nam', label: 'Năm ban hành', order: (a, b) => b.value.localeCompare(a.value) },
  { key: 'linh-vuc', label: 'Lĩnh vực' },
  { key: 'hieu-luc', label: 'Tình trạng hiệu lực', order: (a, b) => order(Object.values(VALIDITY_URL_SLUGS), a.value, b.value) },
]
const collator = new Intl.Collator('vi')

/**
 * A document's (facet, value, label) triples, kept per entry object: an unchanged document keeps
 * its entry across library versions, so after a publish only the changed ones are worked out again
 * (unless issuer or subject names changed, which the maps' identity tells).
 */
const triplesCache = new WeakMap<
  DocumentEntry,
  { orgs: Library['organizationById']; subjects: Library['subjectById']; triples: Array<[FacetKey, string, string]> }
>()
function triplesOf(doc: DocumentEntry, lib: Library): Array<[FacetKey, string, string]> {
  const cached = triplesCache.get(doc)
  if (cached && cached.orgs === lib.organizationById && cached.subjects === lib.subjectById) return cached.triples
  const triples: Array<[FacetKey, string, string]> = [['loai', doc.type, documentTypeLabel(doc.type)]]
  const org = lib.organizationById.get(doc.issuerId)
  if (org) triples.push(['co-quan', org.slug, org.name])
  triples.push(['cap', doc.level, labelOf(LEVELS, doc.level)], ['nam', doc.issuedAt.slice(0, 4), doc.issuedAt.slice(0, 4)])
  for (const id of doc.subjectIds) {
    const subject = lib.subjectById.get(id)
    if (subject) triples.push(['linh-vuc', subject.slug, subject.name])
  }
  triples.push(['hieu-luc', VALIDITY_URL_SLUGS[doc.status], labelOf(VALIDITY, doc.status)])
  triplesCache.set(doc, { orgs: lib.organizationById, subjects: lib.subjectById, triples })
  return triples
}

function computeFacets(lib: Library): Facet[] {
  const groups = new Map<FacetKey, Map<string, FacetValue>>(FACETS.map((f) => [f.key, new Map()]))
  for (const doc of lib.documents) {
    for (const [key, value, label] of triplesOf(doc, lib)) {
      const values = groups.get(key)!
      let entry = values.get(value)
      if (!entry) values.set(value, (entry = { value, label, documents: [] }))
      entry.documents.push(doc)
    }
  }
  return FACETS.map(({ key, label, order: by }) => {
    const list = [...groups.get(key)!.values()]
    list.sort(by ?? ((a, b) => b.documents.length - a.documents.length || collator.compare(a.label, b.label)))
    return { key, label, values: list }
  })
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
  return { page, pages, items: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), url: (n: number) => pageUrl(base, n) }
}

/** "trang/3" → 3, undefined → 1; anything else (including "trang/1", which has its own URL) → NaN. */
export function pageNumber(segment: string | undefined): number {
  if (segment === undefined || segment === '') return 1
  const match = /^trang\/([1-9]\d{0,5})$/.exec(segment)
  return match && match[1] !== '1' ? Number(match[1]) : Number.NaN
}
