/**
 * The product's vocabulary, in one place: the value lists the CMS offers, the import accepts, the
 * site and mail label and search filters by. Values are stable ASCII slugs (stored, in URLs);
 * labels are Vietnamese (NFC). Pure data, no imports.
 */

export interface DocumentTypeInfo {
  /** ASCII slug, stable: stored in the CMS and used in URLs and ids. */
  readonly slug: string
  /** Vietnamese label with diacritics, NFC. */
  readonly label: string
  /** Type codes, folded (lower-case ASCII, no separators), in the order they are preferred. */
  readonly codes: readonly string[]
  /** The same codes as printed on documents, parallel to `codes` (used in messages). */
  readonly printed: readonly string[]
  /** False for state-only types, kept so state numbers cited by party documents can be filed. */
  readonly party: boolean
}

/**
 * Types and their codes (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW). QĐ is shared: quyết định
 * always uses it, and quy định used it before 36-HD introduced QĐi (2018) and often still does
 * (37-QĐ/TW of 2021 is a quy định). TT is shared too: party thông tri and state thông tư.
 * QHo and PA are not confirmed by a source; they follow the CTr/TTr pattern.
 */
export const DOCUMENT_TYPES = [
  { slug: 'nghi-quyet', label: 'Nghị quyết', codes: ['nq'], printed: ['NQ'], party: true },
  { slug: 'chi-thi', label: 'Chỉ thị', codes: ['ct'], printed: ['CT'], party: true },
  { slug: 'quy-dinh', label: 'Quy định', codes: ['qd', 'qdi'], printed: ['QĐ', 'QĐi'], party: true },
  { slug: 'quyet-dinh', label: 'Quyết định', codes: ['qd'], printed: ['QĐ'], party: true },
  { slug: 'ket-luan', label: 'Kết luận', codes: ['kl'], printed: ['KL'], party: true },
  { slug: 'huong-dan', label: 'Hướng dẫn', codes: ['hd'], printed: ['HD'], party: true },
  { slug: 'thong-bao', label: 'Thông báo', codes: ['tb'], printed: ['TB'], party: true },
  { slug: 'ke-hoach', label: 'Kế hoạch', codes: ['kh'], printed: ['KH'], party: true },
  { slug: 'de-an', label: 'Đề án', codes: ['da'], printed: ['ĐA'], party: true },
  { slug: 'bao-cao', label: 'Báo cáo', codes: ['bc'], printed: ['BC'], party: true },
  { slug: 'quy-che', label: 'Quy chế', codes: ['qc'], printed: ['QC'], party: true },
  { slug: 'chuong-trinh', label: 'Chương trình', codes: ['ctr'], printed: ['CTr'], party: true },
  { slug: 'thong-tri', label: 'Thông tri', codes: ['tt'], printed: ['TT'], party: true },
  { slug: 'cong-van', label: 'Công văn', codes: ['cv'], printed: ['CV'], party: true },
  { slug: 'to-trinh', label: 'Tờ trình', codes: ['ttr'], printed: ['TTr'], party: true },
  { slug: 'quy-hoach', label: 'Quy hoạch', codes: ['qho'], printed: ['QHo'], party: true },
  { slug: 'phuong-an', label: 'Phương án', codes: ['pa'], printed: ['PA'], party: true },
  { slug: 'nghi-dinh', label: 'Nghị định', codes: ['nd'], printed: ['NĐ'], party: false },
  { slug: 'thong-tu', label: 'Thông tư', codes: ['tt'], printed: ['TT'], party: false },
] as const satisfies readonly DocumentTypeInfo[]

export type DocumentTypeSlug = (typeof DOCUMENT_TYPES)[number]['slug']

/** Every type slug, as a non-empty tuple (zod enums). */
export const DOCUMENT_TYPE_SLUGS = DOCUMENT_TYPES.map((t) => t.slug) as [DocumentTypeSlug, ...DocumentTypeSlug[]]

const TYPE_BY_SLUG = new Map<string, DocumentTypeInfo>((DOCUMENT_TYPES as readonly DocumentTypeInfo[]).map((t) => [t.slug, t]))

export function isDocumentTypeSlug(value: string): value is DocumentTypeSlug {
  return TYPE_BY_SLUG.has(value)
}

export function documentTypeInfo(type: DocumentTypeSlug): DocumentTypeInfo {
  return TYPE_BY_SLUG.get(type)!
}

export const documentTypeOptions = DOCUMENT_TYPES.map((t) => ({ label: t.label, value: t.slug }))

const TYPE_LABEL = new Map<string, string>(DOCUMENT_TYPES.map((t) => [t.slug, t.label]))
/** "Nghị quyết" for "nghi-quyet"; an unknown slug is returned as it is. */
export const documentTypeLabel = (type: string): string => TYPE_LABEL.get(type) ?? type

export const LEVELS = [
  { label: 'Trung ương', value: 'trung-uong' },
  { label: 'Tỉnh', value: 'tinh' },
  { label: 'Huyện (trước 7/2025)', value: 'huyen' },
  { label: 'Cơ sở', value: 'co-so' },
] as const

export const VALIDITY = [
  { label: 'Còn hiệu lực', value: 'in-force' },
  { label: 'Hết hiệu lực', value: 'expired' },
  { label: 'Bị thay thế', value: 'superseded' },
] as const

/** Luật Bảo vệ bí mật nhà nước 29/2018/QH14: only "none" may ever go online. */
export const SECRECY = [
  { label: 'Không mật', value: 'none' },
  { label: 'Mật', value: 'mat' },
  { label: 'Tối mật', value: 'toi-mat' },
  { label: 'Tuyệt mật', value: 'tuyet-mat' },
] as const

/** Relations an editor sets on the newer document; the older one shows the reverse. */
export const RELATIONS = [
  { name: 'replaces', label: 'Thay thế văn bản', reverse: 'replacedBy', reverseLabel: 'Được thay thế bởi' },
  { name: 'guides', label: 'Hướng dẫn thực hiện văn bản', reverse: 'guidedBy', reverseLabel: 'Văn bản hướng dẫn' },
  { name: 'implements', label: 'Triển khai thực hiện văn bản', reverse: 'implementedBy', reverseLabel: 'Văn bản triển khai' },
  { name: 'amends', label: 'Sửa đổi, bổ sung văn bản', reverse: 'amendedBy', reverseLabel: 'Được sửa đổi, bổ sung bởi' },
] as const

/** Chuyên mục tin. */
export const NEWS_CATEGORIES = [
  { label: 'Hoạt động lãnh đạo', value: 'hoat-dong-lanh-dao' },
  { label: 'Hoạt động cấp ủy', value: 'hoat-dong-cap-uy' },
  { label: 'Quốc tế', value: 'quoc-te' },
  { label: 'Thông tin hữu ích', value: 'thong-tin-huu-ich' },
] as const

/**
 * Who may read an item: everyone, every party member of the province, or the members of one
 * organization and of the organizations below it (its chosen `audienceOrganization`). Secret
 * documents are never published at all (Luật 29/2018).
 */
export const AUDIENCES = [
  { label: 'Công khai (mọi người)', value: 'public' },
  { label: 'Mọi đảng viên (cần đăng nhập)', value: 'members' },
  { label: 'Đảng viên của một tổ chức và các tổ chức trực thuộc', value: 'organization' },
] as const

type ValueOf<T extends readonly { value: string }[]> = T[number]['value']
/** The values of an option list, as a non-empty tuple (for zod enums and typed unions). */
export const valuesOf = <const T extends readonly { value: string }[]>(list: T): [ValueOf<T>, ...ValueOf<T>[]] =>
  list.map((o) => o.value) as [ValueOf<T>, ...ValueOf<T>[]]

export type Level = ValueOf<typeof LEVELS>
export type Validity = ValueOf<typeof VALIDITY>
export type Secrecy = ValueOf<typeof SECRECY>
export type Audience = ValueOf<typeof AUDIENCES>
export type NewsCategory = ValueOf<typeof NEWS_CATEGORIES>

/** The label of a value in one of the lists above; an unknown value is returned as it is. */
export const labelOf = (list: readonly { value: string; label: string }[], value: string): string => list.find((o) => o.value === value)?.label ?? value
