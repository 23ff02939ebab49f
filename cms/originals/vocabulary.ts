/**
 * What the header reader needs of the product's vocabulary (core/vocabulary.ts) beyond the lists
 * themselves: a printed type heading → type, a number's code → party type, a printed secrecy marking
 * → the CMS's value, an issuing body's code → level. Derived from core, never a second copy.
 */
import { typesForCode } from '../../core/documentNumbers'
import { fold } from '../../core/vietnamese'
import { DOCUMENT_TYPES, type DocumentTypeSlug, type Level, SECRECY, type Secrecy } from '../../core/vocabulary'

/** Party types only: a state type (nghị định, thông tư) is never the heading of a party document. */
const PARTY_TYPES = DOCUMENT_TYPES.filter((t) => t.party)

/** Folded heading words ("nghi quyet") → type, e.g. for a line "NGHỊ QUYẾT". */
const TYPE_BY_HEADING = new Map<string, DocumentTypeSlug>(PARTY_TYPES.map((t) => [fold(t.label), t.slug]))

export function typeOfHeading(line: string): DocumentTypeSlug | undefined {
  return TYPE_BY_HEADING.get(
    fold(line)
      .replace(/[^a-z ]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
}

/** The type a number's code stands for, when it stands for exactly one party type ("NQ" yes, "QĐ" no). */
export function partyTypesOfCode(code: string): DocumentTypeSlug[] {
  return typesForCode(code).filter((slug) => PARTY_TYPES.some((t) => t.slug === slug))
}

/** The CMS's own secrecy values, keyed by the folded marking printed on a document ("tối mật" → toi-mat). */
export const SECRECY_BY_MARKING = new Map<string, Secrecy>(SECRECY.filter((s) => s.value !== 'none').map((s) => [fold(s.label), s.value]))
export const SECRECY_RANK = Object.fromEntries(SECRECY.map((s, i) => [s.value, i])) as Record<Secrecy, number>

/**
 * The level (cấp ban hành) an issuing-body code belongs to. Codes end with the committee they belong
 * to (36-HD: VPTW, BTCTW… are central; VPTU, BTGDVTU… provincial); a code we cannot place gives no
 * level rather than a guess. ĐUK (đảng ủy khối) is left out on purpose: khối committees exist at
 * both central and provincial level.
 */
export function levelOfIssuerCode(code: string | null | undefined): Level | undefined {
  if (!code) return undefined
  if (/tw$/.test(code)) return 'trung-uong'
  if (/tu$/.test(code)) return 'tinh'
  if (/^(?:[a-z]*hu|[a-z]*qu|thu)$/.test(code)) return 'huyen'
  if (code === 'du' || code === 'cb' || code === 'dbcs') return 'co-so'
  return undefined
}

/** Level from an organization's kind (cms/collections/Organizations.ts), when the number's code says nothing. */
export function levelOfOrganizationKind(kind: unknown): Level | undefined {
  switch (kind) {
    case 'trung-uong':
      return 'trung-uong'
    case 'tinh-uy':
      return 'tinh'
    case 'dang-bo-co-so':
    case 'chi-bo':
      return 'co-so'
    default:
      return undefined
  }
}
