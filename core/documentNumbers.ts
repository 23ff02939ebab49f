/**
 * Document numbers ("số, ký hiệu"): the ONLY place that decides how they are read — strictly when an
 * editor types one in the CMS (validation, the stored keys), leniently inside a search query
 * ("27 qd tw", "nghị quyết 21"). The CMS, the import, the site and every search engine use it.
 * Node built-ins only.
 */
import { DOCUMENT_TYPES, documentTypeInfo, type DocumentTypeInfo, type DocumentTypeSlug } from './vocabulary'
import { fold } from './vietnamese'

// ---------------------------------------------------------------------------------------------
// Type codes
// ---------------------------------------------------------------------------------------------

// The literal tuple types of DOCUMENT_TYPES are only needed for DocumentTypeSlug; the lookup
// tables work on the plain interface.
const TYPES: readonly DocumentTypeInfo[] = DOCUMENT_TYPES
const TYPE_BY_SLUG = new Map<string, DocumentTypeInfo>(TYPES.map((t) => [t.slug, t]))
const PRINTED_CODE = new Map<string, string>()
const TYPES_BY_CODE = new Map<string, DocumentTypeSlug[]>()
for (const t of TYPES) {
  t.codes.forEach((code, i) => {
    PRINTED_CODE.set(code, t.printed[i])
    TYPES_BY_CODE.set(code, [...(TYPES_BY_CODE.get(code) ?? []), t.slug as DocumentTypeSlug])
  })
}
/** Every known type code, folded. */
export const DOCUMENT_CODES: readonly string[] = [...TYPES_BY_CODE.keys()]

/** Codes a document of this type may carry ("quy-dinh" → ["qd", "qdi"]). A fresh array. */
export function typeCodes(type: DocumentTypeSlug): string[] {
  return [...(TYPE_BY_SLUG.get(type)?.codes ?? [])]
}

/** Types a code may stand for ("qd" → ["quy-dinh", "quyet-dinh"]). Accepts printed or folded codes. */
export function typesForCode(code: string): DocumentTypeSlug[] {
  return [...(TYPES_BY_CODE.get(foldCode(code)) ?? [])]
}

/** Printed form of a folded code, for display and messages ("qdi" → "QĐi"). */
export function printedCode(code: string): string {
  return PRINTED_CODE.get(code) ?? code.toUpperCase()
}

function foldCode(code: string): string {
  return fold(code).replace(/[^a-z0-9]/g, '')
}

// ---------------------------------------------------------------------------------------------
// Document numbers: strict parsing (what an editor types in the CMS)
// ---------------------------------------------------------------------------------------------

export interface DocumentNumber {
  /** Sequence number without leading zeros ("08" → 8). */
  seq: number
  /** Type code, folded: "nq", "qd", "qdi", "ctr", "da". */
  code: string
  /** Issuing-body code, folded, separators removed: "tw", "vptu", "btgdvtu", "cp", "btcbnv". */
  issuer: string | null
  /** Only state numbers carry the year ("15/2024/NĐ-CP"). */
  year: number | null
}

const MAX_SEQ_DIGITS = 5
const MIN_YEAR = 1930 // the Party's founding; nothing older is numbered this way
const MAX_YEAR = 2099

// Word and PDF turn "-" into en dashes, minus signs or non-breaking hyphens, and "/" into
// fraction or division slashes; NFKC handles the full-width forms but not these.
const DASHES = /[\p{Pd}\u2212]/gu
const SLASHES = /[\u2044\u2215\u29F8]/g
const INVISIBLES = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g

const EXPECTED_FORM =
  'Văn bản của Đảng ghi theo dạng số-LOẠI/CƠ QUAN, ví dụ 21-NQ/TW hoặc 08-QĐi/TW; ' +
  'văn bản nhà nước ghi theo dạng số/năm/LOẠI-CƠ QUAN hoặc số/LOẠI-CƠ QUAN, ví dụ 15/2024/NĐ-CP.'

const CODE_LIST = [...new Set(TYPES.flatMap((t) => t.printed))].join(', ')

// Letters allowed in codes: ASCII plus Đ/đ and their look-alikes Ð/ð (see D_WITH_STROKE). Any
// other accented letter is refused because folding would turn it into a different code:
// "TƯ" (Trung ương written out) would become "tu", the Tỉnh ủy code.
const L = 'A-Za-zĐđÐð'
const ISSUER = `[${L}0-9]+(?:-[${L}0-9]+)*`
const PARTY_FORM = new RegExp(`^(\\d+)-([${L}]+)/(${ISSUER})$`)
const STATE_YEAR_FORM = new RegExp(`^(\\d+)/(\\d+)/([${L}]+)-(${ISSUER})$`)
const STATE_FORM = new RegExp(`^(\\d+)/([${L}]+)-(${ISSUER})$`)
// "Số 21-NQ/TW" / "Số: 15/2024/NĐ-CP" is how the line is printed; editors paste it whole.
const PRINTED_PREFIX = /^s[oố]\s*:?\s*(?=\d)/iu

type Diagnosis = { ok: DocumentNumber } | { error: string }

/** Separator and spacing cleanup shared by parsing and tidyDocumentNumber(). */
function cleanPrinted(printed: string): string {
  return printed
    .normalize('NFKC')
    .replace(INVISIBLES, '')
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PRINTED_PREFIX, '')
    .replace(/\s*([-/])\s*/g, '$1')
}

function diagnose(printed: string): Diagnosis {
  const s = cleanPrinted(printed)
  if (s === '') return { error: `Chưa nhập số, ký hiệu văn bản. ${EXPECTED_FORM}` }

  const bad = s.match(new RegExp(`[^0-9${L}/\\- ]`, 'u'))
  if (bad) {
    return {
      error:
        `Số, ký hiệu văn bản có ký tự không hợp lệ “${bad[0]}”: chỉ dùng chữ số, chữ cái không dấu ` +
        `(trừ Đ), dấu gạch nối “-” và dấu gạch chéo “/”. ${EXPECTED_FORM}`,
    }
  }
  if (!/^\d/.test(s)) {
    return { error: `Số, ký hiệu văn bản phải bắt đầu bằng số thứ tự của văn bản. ${EXPECTED_FORM}` }
  }
  if (/^\d+$/.test(s)) {
    return { error: `Mới có số thứ tự, còn thiếu ký hiệu loại văn bản và cơ quan ban hành. ${EXPECTED_FORM}` }
  }
  if (s.includes(' ')) {
    return {
      error: `Giữa số thứ tự, ký hiệu loại văn bản và cơ quan ban hành phải có dấu “-” hoặc “/”, không dùng khoảng trắng. ${EXPECTED_FORM}`,
    }
  }
  if (new RegExp(`^\\d+-[${L}]+$`).test(s)) {
    return { error: `Thiếu ký hiệu cơ quan ban hành sau dấu “/”. ${EXPECTED_FORM}` }
  }

  let seqText: string
  let yearText: string | null = null
  let codeText: string
  let issuerText: string
  let m: RegExpMatchArray | null
  if ((m = s.match(PARTY_FORM))) [, seqText, codeText, issuerText] = m
  else if ((m = s.match(STATE_YEAR_FORM))) [, seqText, yearText, codeText, issuerText] = m
  else if ((m = s.match(STATE_FORM))) [, seqText, codeText, issuerText] = m
  else return { error: `Số, ký hiệu văn bản không đúng định dạng. ${EXPECTED_FORM}` }

  if (seqText.length > MAX_SEQ_DIGITS) {
    return { error: `Số thứ tự của văn bản có nhiều nhất ${MAX_SEQ_DIGITS} chữ số (đang là “${seqText}”).` }
  }
  const seq = Number(seqText)
  if (seq === 0) return { error: 'Số thứ tự của văn bản phải lớn hơn 0.' }

  let year: number | null = null
  if (yearText !== null) {
    year = Number(yearText)
    if (yearText.length !== 4 || year < MIN_YEAR || year > MAX_YEAR) {
      return { error: `Năm ban hành “${yearText}” không hợp lệ: ghi đủ 4 chữ số, ví dụ 15/2024/NĐ-CP.` }
    }
  }

  const code = foldCode(codeText)
  if (!TYPES_BY_CODE.has(code)) {
    return {
      error: `Ký hiệu loại văn bản “${codeText}” không có trong danh mục. Các ký hiệu được dùng: ${CODE_LIST}. ${EXPECTED_FORM}`,
    }
  }
  if (!/^[^0-9]/.test(issuerText)) {
    return { error: `Ký hiệu cơ quan ban hành “${issuerText}” phải bắt đầu bằng chữ cái, ví dụ TW, TU, VPTU.` }
  }
  return { ok: { seq, code, issuer: foldCode(issuerText), year } }
}

/**
 * Strict parse of a number as printed on a document. Accepts the party form "21-NQ/TW" and the
 * state forms "15/2024/NĐ-CP" and "123/QĐ-UBND", in any case, NFC or NFD, with stray spaces
 * around separators, typographic dashes and an optional leading "Số:". Returns null otherwise.
 */
export function parseDocumentNumber(printed: string): DocumentNumber | null {
  const d = diagnose(printed)
  return 'ok' in d ? d.ok : null
}

/** True, or a Vietnamese message (NFC) telling the editor what is wrong and what is expected. */
export function validateDocumentNumber(printed: string): string | true {
  const d = diagnose(printed)
  return 'ok' in d ? true : d.error
}

/**
 * The printed number cleaned for display and storage: NFC, plain "-" and "/", no stray spaces
 * or "Số:" prefix, Ð (eth) replaced by Đ. Case is left alone because it carries meaning in
 * codes such as QĐi, CTr and TTg. Null when the number does not parse.
 */
export function tidyDocumentNumber(printed: string): string | null {
  if (parseDocumentNumber(printed) === null) return null
  return cleanPrinted(printed).replace(/Ð/g, 'Đ').replace(/ð/g, 'đ').normalize('NFC')
}

/**
 * Canonical key, all lower-case ASCII:
 * - without a year (party numbers and short state numbers): "27-qd/tw", so "27-QĐ/TW" and a
 *   mistyped "27/QĐ-TW" meet on the same key;
 * - with a year (state numbers): "15/2024/nd-cp";
 * - with no issuer (query side only) the issuer part is dropped: "27-qd".
 * Sequence numbers carry no leading zeros.
 */
export function documentNumberKey(n: DocumentNumber): string {
  if (n.year !== null) return `${n.seq}/${n.year}/${n.code}${n.issuer ? `-${n.issuer}` : ''}`
  return `${n.seq}-${n.code}${n.issuer ? `/${n.issuer}` : ''}`
}

/** Sequence and type only ("27-qd"), for queries that name no issuer. */
export function documentNumberShortKey(n: Pick<DocumentNumber, 'seq' | 'code'>): string {
  return `${n.seq}-${n.code}`
}

/**
 * The key without separators ("27qdtw"). A Meilisearch field holding it is hit exactly when the
 * engine joins the query words "27 qd tw" into one, whichever separators the user typed.
 */
export function documentNumberCompactKey(n: DocumentNumber): string {
  return documentNumberKey(n).replace(/[^a-z0-9]/g, '')
}

/** Parse and key in one step: the value the CMS stores next to the printed number. */
export function normalizeDocumentNumber(printed: string): string | null {
  const n = parseDocumentNumber(printed)
  return n ? documentNumberKey(n) : null
}

/** Whether the number's code fits the type ("21-NQ/TW" is not a chỉ thị). */
export function numberMatchesType(n: Pick<DocumentNumber, 'code'>, type: DocumentTypeSlug): boolean {
  return typeCodes(type).includes(n.code)
}

/** Vietnamese warning for a number filed under the wrong type, or null when they fit. */
export function typeMismatchMessage(n: Pick<DocumentNumber, 'code'>, type: DocumentTypeSlug): string | null {
  if (numberMatchesType(n, type)) return null
  const info = documentTypeInfo(type)
  const meant = typesForCode(n.code).map((t) => documentTypeInfo(t).label.toLowerCase())
  const codeMeaning = meant.length > 0 ? ` là ký hiệu của ${meant.join(' hoặc ')}` : ''
  const expected = info.printed.join(' hoặc ')
  return (
    `Ký hiệu “${printedCode(n.code)}”${codeMeaning}, không khớp với loại văn bản “${info.label}” ` +
    `(thường mang ký hiệu ${expected}). Hãy kiểm tra lại loại văn bản hoặc số, ký hiệu.`
  )
}

// ---------------------------------------------------------------------------------------------
// Document numbers: lenient detection inside a search query
// ---------------------------------------------------------------------------------------------

export interface DocumentNumberQuery {
  seq: number
  /** Every type code the query can mean: a code as typed, or all codes of a type word. */
  codes: string[]
  issuer: string | null
  year: number | null
  /** The folded query with the number (and a type word or "số" before it) removed. */
  rest: string
}

const CODE_ALT = [...DOCUMENT_CODES].sort((a, b) => b.length - a.length).join('|')
// Type words may be typed with or without the space between syllables ("nghiquyet").
const TYPE_WORD_CODES = new Map<string, string[]>()
for (const t of TYPES) {
  const key = fold(t.label).replace(/ /g, '')
  TYPE_WORD_CODES.set(key, [...new Set([...(TYPE_WORD_CODES.get(key) ?? []), ...t.codes])])
}
const TYPE_WORD_ALT = TYPES.map((t) => fold(t.label).replace(/ /g, '\\s*')).join('|')

// Issuing bodies written out in words, as members search ("chỉ thị 35 trung ương").
const ISSUER_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['ban chap hanh trung uong', 'tw'],
  ['bo chinh tri', 'tw'],
  ['ban bi thu', 'tw'],
  ['trung uong', 'tw'],
  ['tinh uy', 'tu'],
  ['thanh uy', 'tu'],
  ['huyen uy', 'hu'],
  ['dang uy', 'du'],
  ['chi bo', 'cb'],
]
const ISSUER_WORD_ALT = ISSUER_WORDS.map(([w]) => w.replace(/ /g, '\\s*')).join('|')
const ISSUER_WORD_CODE = new Map(ISSUER_WORDS.map(([w, c]) => [w.replace(/ /g, ''), c]))

// Issuer codes trusted without a "/" in front. Codes that are also everyday syllables (tu = tư,
// từ, tự; du = du lịch; thu = thu hút) count only at the very end of the query, where "chỉ thị
// 19 tu" means a Tỉnh ủy number and "nghị quyết 21 từ năm 2017" does not.
const KNOWN_ISSUERS = new Set([
  'tw',
  'vptw',
  'btctw',
  'btgtw',
  'bdvtw',
  'btgdvtw',
  'ubkttw',
  'dukcqtw',
  'dukdntw',
  'tu',
  'vptu',
  'btctu',
  'btgtu',
  'bdvtu',
  'btgdvtu',
  'ubkttu',
  'duk',
  'du',
  'cb',
  'hu',
  'qu',
  'thu',
  'cp',
  'ttg',
  'ubnd',
  'hdnd',
  'qh',
])
const SYLLABLE_ISSUERS = new Set(['tu', 'du', 'hu', 'qu', 'thu'])
const CONSONANT_CLUSTERS = new Set(['ch', 'gh', 'kh', 'ng', 'ngh', 'nh', 'ph', 'th', 'tr'])

const STRUCT_ISSUER = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*'
const LOOSE_ISSUER = `(?:cua\\s+)?(?:${ISSUER_WORD_ALT})|[a-z][a-z0-9]*`
// A number glued to a letter, digit or date separator on its left is part of something else
// ("3/21", "a21"); the prefix may still end right before it ("nghi quyet so 21-nq/tw").
const NUM_START = '(?<![\\p{N}/.,-])'
const START = '(?<![\\p{L}\\p{N}])'
// "12/3/2024", "21-2", "5.000", "50%" are dates or amounts, not the end of a number.
const END = '(?![\\p{L}\\p{N}%]|[-/.,]\\p{N})'
const END_RE = new RegExp(`^${END}`, 'u')
const PREFIX = `(?:(?<word>${TYPE_WORD_ALT})\\s*(?:so\\b\\s*:?\\s*)?|so\\s*:?\\s*)?`
// "kế hoạch 5 năm" is a five-year plan and "quy định 19 điều" the 19-point rule, not numbers 5
// and 19; "nghị quyết 21 năm 2017" still counts.
const QUANTITY_AFTER = /^\s+(?:nam|thang|tuan|ngay|lan|dieu|diem)\b(?!\s*\d)/

interface Pattern {
  re: RegExp
  /** Loose shapes have no "-" or "/" tying the parts together, so a year-like number is a year. */
  loose: boolean
  /** Whether the shape is only a number when an issuer follows ("27 qd tw" yes, "27 qd ve" no). */
  needsIssuer: boolean
}

const pattern = (source: string, loose: boolean, needsIssuer = false): Pattern => ({
  re: new RegExp(source, 'gud'),
  loose,
  needsIssuer,
})

// Tried in this order; the first pattern with a valid match wins, so full numbers beat fragments.
const QUERY_PATTERNS: readonly Pattern[] = [
  // 15/2024/nd-cp
  pattern(`${START}${PREFIX}${NUM_START}(?<seq>\\d{1,5})\\s*/\\s*(?<year>\\d{4})\\s*/\\s*(?<code>${CODE_ALT})\\s*-\\s*(?<iss>${STRUCT_ISSUER})${END}`, false),
  // 21-nq/tw
  pattern(`${START}${PREFIX}${NUM_START}(?<seq>\\d{1,5})\\s*-\\s*(?<code>${CODE_ALT})\\s*/\\s*(?<iss>${STRUCT_ISSUER})${END}`, false),
  // 27/qd-tw (state shape, also a common mistyping of party numbers)
  pattern(`${START}${PREFIX}${NUM_START}(?<seq>\\d{1,5})\\s*/\\s*(?<code>${CODE_ALT})\\s*-\\s*(?<iss>${STRUCT_ISSUER})${END}`, false),
  // 27 qd tw, 27 qd/tw
  pattern(
    `${START}${PREFIX}${NUM_START}(?<seq>\\d{1,5})[\\s-]*(?<code>${CODE_ALT})(?:\\s*/\\s*(?<iss>${STRUCT_ISSUER})|\\s+(?<liss>${LOOSE_ISSUER}))${END}`,
    true,
    true,
  ),
  // 27qdtw: only fully glued, so "213 dang" is not read as 213-ĐA/NG
  pattern(`${START}(?<seq>\\d{1,5})(?<code>${CODE_ALT})(?<liss>[a-z][a-z0-9]*)${END}`, true, true),
  // qd 27/tw, nq 57, nghi quyet so 21, chi thi 35 tw, qdi 08, nq21, nghi dinh 13/2023
  pattern(
    `${START}(?:(?<word>${TYPE_WORD_ALT})|(?<code>${CODE_ALT}))(?:\\s*so\\b)?[\\s.:-]*(?<seq>\\d{1,5})(?:\\s*/\\s*(?<year>\\d{4}))?(?:\\s*[-/]\\s*(?<iss>${STRUCT_ISSUER})|\\s+(?<liss>${LOOSE_ISSUER}))?${END}`,
    true,
  ),
  // 21 nq
  pattern(`${START}${NUM_START}(?<seq>\\d{1,5})[\\s-]*(?<code>${CODE_ALT})${END}`, true),
]

function looksLikeYear(seqText: string): boolean {
  const n = Number(seqText)
  return seqText.length === 4 && n >= MIN_YEAR && n <= MAX_YEAR
}

/** Issuer from a loose (space-separated) position, or null when it is an ordinary word. */
function looseIssuer(token: string, atEnd: boolean): string | null {
  const compact = token.replace(/^cua\s+/, '').replace(/\s+/g, '')
  const fromWord = ISSUER_WORD_CODE.get(compact)
  if (fromWord) return fromWord
  if (SYLLABLE_ISSUERS.has(compact)) return atEnd ? compact : null
  if (KNOWN_ISSUERS.has(compact)) return compact
  // Every Vietnamese syllable has a vowel, so a short vowel-less token is an abbreviation,
  // unless it is just an initial consonant cluster typed on its own.
  if (/^[b-df-hj-np-tv-xz][b-df-hj-np-tv-xz0-9]{1,7}$/.test(compact) && !CONSONANT_CLUSTERS.has(compact)) {
    return compact
  }
  return null
}

function tryMatch(q: string, p: Pattern, m: RegExpExecArray): DocumentNumberQuery | null {
  const g = m.groups ?? {}
  const start = m.index
  let end = start + m[0].length

  const seq = Number(g.seq)
  if (!(seq > 0)) return null

  let issuer: string | null = null
  let slashIssuer = false
  if (g.iss !== undefined) {
    issuer = g.iss.replace(/-/g, '')
    slashIssuer = true
  } else if (g.liss !== undefined) {
    issuer = looseIssuer(g.liss, q.slice(end).trim() === '')
    if (issuer === null) {
      if (p.needsIssuer) return null
      // The word after the number is ordinary text: keep the number, give the word back.
      end = m.indices!.groups!.seq[1]
      if (!END_RE.test(q.slice(end))) return null
    }
  }

  const year = g.year !== undefined ? Number(g.year) : null
  if (year !== null && (year < MIN_YEAR || year > MAX_YEAR)) return null
  if (p.loose && !slashIssuer) {
    // "nghị quyết 2024" and "chỉ thị 2023 tỉnh ủy" ask for a year, not for number 2024.
    if (looksLikeYear(g.seq)) return null
    if (issuer === null && QUANTITY_AFTER.test(q.slice(end))) return null
  }

  const codes = g.code !== undefined ? [g.code] : [...(TYPE_WORD_CODES.get(g.word.replace(/\s+/g, '')) ?? [])]
  if (codes.length === 0) return null

  const rest = `${q.slice(0, start)} ${q.slice(end)}`.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
  return { seq, codes, issuer, year, rest }
}

/**
 * Find a document number in a free-text query, however it was typed: "27-QĐ/TW", "27/QĐ-TW",
 * "qđ 27/tw", "27 qd tw", "QĐ 27", "nghi quyet 21", "Nghị quyết số 21-NQ/TW", "15/2024/nđ-cp".
 * A number needs a type (code or word) next to it: a bare "21", a year or a date is not one.
 * Returns null when nothing number-like is found.
 */
export function findDocumentNumber(query: string): DocumentNumberQuery | null {
  const q = fold(query.normalize('NFKC').replace(INVISIBLES, '').replace(DASHES, '-').replace(SLASHES, '/'))
  if (!/\d/.test(q)) return null
  for (const p of QUERY_PATTERNS) {
    for (const m of q.matchAll(p.re)) {
      const found = tryMatch(q, p, m)
      if (found) return found
    }
  }
  return null
}

/**
 * Keys to look up for a detected number, one per candidate code: full keys when the issuer is
 * known, short keys ("13-nd") otherwise, even with a year ("nghị định 13/2023"), because stored
 * keys always carry an issuer and only the short key can still meet them. Filter on the year.
 */
export function documentNumberQueryKeys(found: Omit<DocumentNumberQuery, 'rest'>): string[] {
  return found.codes.map((code) =>
    found.issuer === null
      ? documentNumberShortKey({ seq: found.seq, code })
      : documentNumberKey({ seq: found.seq, code, issuer: found.issuer, year: found.year }),
  )
}
