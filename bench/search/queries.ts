/**
 * The benchmark's query mix, derived from the generated items so that numbers, places and terms
 * that should be found exist in the index. Deterministic for a given item set and seed.
 *
 * Classes (≈250 queries): accent-free and accented keywords, common single words and two-word
 * terms, document numbers in ten spellings (all of existing documents) and numbers that exist
 * nowhere, typos, issuer + year, keywords with filters, filter-only browsing, page 2, as-you-type
 * prefixes, long title-like queries, rare words (places, names, crops), news-style queries and
 * words the corpus does not contain at all.
 */
import type { SearchItem } from '../../search/contract'
import { documentNumberKey, documentNumberShortKey, parseDocumentNumber } from '../../core/documentNumbers'
import { fold, foldWords } from '../../core/vietnamese'
import { prng, typeLabel, type Rng } from '../publish-to-live/corpus'
import { NAME_SYLLABLES } from './phrases'

/** Bumped whenever the query set for given items changes (cache key). */
export const QUERY_VERSION = 1

export const QUERY_CLASSES = [
  'plain',
  'accented',
  'common-1',
  'common-2',
  'number',
  'number-missing',
  'typo',
  'issuer-year',
  'filtered',
  'browse',
  'page2',
  'prefix',
  'long',
  'rare',
  'news',
  'no-match',
] as const
export type QueryClass = (typeof QUERY_CLASSES)[number]

export interface BenchQuery {
  id: string
  cls: QueryClass
  q: string
  filters: Record<string, string>
  page: number
  /**
   * What a correct answer looks like: 'hits' (total > 0), 'any' (may be empty: the engine falls
   * back to fewer words), or a document number key that must be on page 1.
   */
  expect: 'hits' | 'any' | { numberKey: string } | { numberShortKey: string }
}

/** Cache key the engines use for a query's match set: folded words plus filters (not the page). */
export function matchKey(q: BenchQuery): string {
  return JSON.stringify([foldWords(q.q), q.filters])
}

/** Queries sent before measuring, none of them in the set. */
export const WARMUP_QUERIES: Array<Pick<BenchQuery, 'q' | 'filters' | 'page'>> = [
  { q: 'kiểm điểm cuối năm', filters: {}, page: 1 },
  { q: 'thong bao ket luan', filters: {}, page: 1 },
  { q: 'quy chế làm việc', filters: { kind: 'document' }, page: 1 },
  { q: '', filters: { year: '2020' }, page: 1 },
  { q: 'hội nghị giao ban', filters: {}, page: 1 },
  { q: 'nq 5', filters: {}, page: 1 },
  { q: 'dan toc thieu so', filters: {}, page: 1 },
  { q: 'bồi dưỡng', filters: {}, page: 1 },
  { q: 'an ninh trat tu', filters: { level: 'tinh' }, page: 1 },
  { q: 'tổng kết', filters: {}, page: 1 },
]

/** The query asked for the cold first-query time, right after the index is opened. */
export const COLD_QUERY: Pick<BenchQuery, 'q' | 'filters' | 'page'> = { q: 'sinh hoạt chi bộ', filters: {}, page: 1 }

const ACCENTED = [
  'phát triển đảng viên',
  'công tác cán bộ',
  'kiểm tra, giám sát',
  'xây dựng nông thôn mới',
  'phòng, chống tham nhũng',
  'chuyển đổi số',
  'học tập và làm theo tư tưởng Hồ Chí Minh',
  'đánh giá, xếp loại đảng viên',
  'quy chế dân chủ ở cơ sở',
  'bảo vệ nền tảng tư tưởng của Đảng',
  'sắp xếp tổ chức bộ máy',
  'giảm nghèo bền vững',
  'đảng viên sinh hoạt nơi cư trú',
  'khu vực phòng thủ',
  'tinh giản biên chế',
  'an toàn thực phẩm',
  'chính quyền địa phương hai cấp',
  'đào tạo lý luận chính trị',
  'thu hút đầu tư',
  'bảo hiểm y tế',
]
const PLAIN = [
  'sinh hoat chi bo',
  'ket nap dang vien',
  'cong tac dan van',
  'ky luat dang',
  'tu phe binh va phe binh',
  'chu ky so',
  'dich vu cong truc tuyen',
  'nong thon moi',
  'san pham ocop',
  'quy hoach can bo',
  'luan chuyen can bo',
  'phong chong ma tuy',
  'du lich cong dong',
  'tiem chung',
  'dan quan tu ve',
  'thong tin xau doc',
  'tham nhung tieu cuc',
  'cai cach thu tuc hanh chinh',
  'dang phi',
  'to cong nghe so cong dong',
]
const COMMON_1 = ['đảng', 'dang', 'cán', 'tỉnh', 'chi', 'nhân', 'xã', 'năm', 'viên', 'dan']
const COMMON_2 = ['cán bộ', 'nghị quyết', 'đảng viên', 'chi bộ', 'tỉnh ủy', 'nhân dân', 'kế hoạch', 'nghi quyet', 'can bo', 'công tác', 'thực hiện', 'báo cáo']
const ISSUER_YEAR = [
  'tỉnh ủy 2023',
  'Ban Thường vụ Tỉnh ủy 2021',
  'bo chinh tri 2019',
  'ban bí thư 2018',
  'huyện ủy văn bàn 2024',
  'chính phủ 2020',
  'ủy ban kiểm tra tỉnh ủy 2022',
  'van phong tinh uy 2025',
  'chỉ thị tỉnh ủy 2023',
  'kế hoạch đảng ủy 2024',
  'ban chấp hành trung ương 2016',
  'đảng ủy xã hòa phong 2022',
  'ban to chuc tinh uy 2019',
  'nghị quyết bộ chính trị 2022',
  'chi bộ tổ dân phố số 7 2025',
]
const NEWS = [
  'trao huy hiệu 50 năm tuổi đảng',
  'dân vận khéo',
  'kết nạp đảng viên mới',
  'chăm sóc sức khỏe người cao tuổi',
  'lừa đảo qua điện thoại',
  'nhận biết tin giả',
  'nộp đảng phí qua ứng dụng ngân hàng',
  'thăm hỏi gia đình chính sách',
  'sinh hoạt chuyên đề tháng',
  'đoàn cán bộ Lào',
]
const NO_MATCH = ['blockchain', 'metaverse bitcoin', 'xyzzy', 'tàu điện ngầm siêu tốc', 'quantum computing', 'pizza hải sản', 'kangaroo', 'wxyz qrst']
const MISSING_NUMBERS = [
  '9999-NQ/TW',
  'nghị quyết 4321',
  'qd 8888 tw',
  '12345/2019/NĐ-CP',
  'chi thi 777 tinh uy',
  '65432ctrtu',
  'Số 98765-KH/TU',
  'ket luan 5555',
]
const PREFIXES = [
  'chuyen doi s',
  'giam ngheo ben v',
  'kết nạp đảng v',
  'nong th',
  'tham nh',
  'sinh hoạt chi b',
  'kiem tra giam s',
  'bảo vệ nền tảng tư t',
  'dan v',
  'an toàn thực ph',
  'cán bộ chủ ch',
  'du lich cong d',
  'ky lu',
  'chữ ký s',
  'phát triển đảng vi',
]
const FILTERED: Array<[string, Record<string, string>]> = [
  ['chuyển đổi số', { type: 'ke-hoach' }],
  ['sinh hoat chi bo', { year: '2024' }],
  ['cán bộ', { field: 'to-chuc-can-bo', status: 'in-force' }],
  ['huy hieu', { kind: 'news' }],
  ['nghị quyết', { level: 'trung-uong' }],
  ['kiểm tra', { issuer: 'uy-ban-kiem-tra-tinh-uy' }],
  ['nông thôn mới', { field: 'nong-nghiep-nong-thon' }],
  ['giam ngheo', { status: 'expired' }],
  ['đảng viên', { type: 'huong-dan', year: '2019' }],
  ['phòng chống tham nhũng', { level: 'tinh' }],
  ['dan van kheo', { kind: 'news', year: '2023' }],
  ['an ninh', { type: 'chi-thi' }],
  ['tổ chức bộ máy', { year: '2025' }],
  ['y te', { field: 'y-te-dan-so' }],
  ['văn thư lưu trữ', { kind: 'document' }],
  ['công tác cán bộ', { issuer: 'bo-chinh-tri' }],
  ['chuyen doi so', { status: 'superseded' }],
  ['đối ngoại', { level: 'co-so' }],
  ['bảo vệ rừng', { type: 'bao-cao' }],
  ['kết nạp', { kind: 'news', year: '2021' }],
  ['tuyên truyền', { field: 'tu-tuong-van-hoa', type: 'nghi-quyet' }],
  ['quy định', { issuer: 'ban-bi-thu' }],
  ['thủ tục hành chính', { year: '2022', status: 'in-force' }],
  ['đảng phí', { type: 'quy-dinh' }],
  ['học tập làm theo bác', { kind: 'topic' }],
]
const BROWSE: Array<Record<string, string>> = [
  {},
  { kind: 'document' },
  { type: 'nghi-quyet' },
  { year: '2024' },
  { field: 'chuyen-doi-so' },
  { issuer: 'ban-thuong-vu-tinh-uy', year: '2023' },
  { kind: 'news', year: '2025' },
  { status: 'in-force', level: 'trung-uong' },
  { type: 'ke-hoach', field: 'dan-van' },
  { level: 'co-so', type: 'bao-cao' },
]
const RARE_FIXED = ['Y Tý', 'chè shan tuyết', 'sam lai chau', 'Nà Khương', 'VNeID', 'gạo Séng Cù', 'A Mú Sung', 'cá tầm', 'mac ca', 'khèn Mông', 'hát then']

/** Every string one edit from `word` keeping its first letter: the typos a member makes. */
function typoOf(r: Rng, word: string): string {
  const k = r.int(1, word.length - 1)
  switch (r.int(0, 3)) {
    case 0:
      return word.slice(0, k) + word.slice(k + 1)
    case 1:
      return k < word.length - 1 ? word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2) : word + word[k]
    case 2:
      return word.slice(0, k) + 'aeiouyhnt'[r.int(0, 8)] + word.slice(k)
    default:
      return word.slice(0, k) + 'qwrtpsdfghklxcvbnm'[r.int(0, 17)] + word.slice(k + 1)
  }
}

function numberVariants(item: SearchItem, r: Rng): Array<{ q: string; withIssuer: boolean }> {
  const printed = item.number!
  const state = /^(\d+)\/(\d{4})\/([^-]+)-(.+)$/.exec(printed)
  const label = typeLabel(item.type as never)
  if (state) {
    const [, seq, year, code, iss] = state
    return [
      { q: printed, withIssuer: true },
      { q: fold(printed), withIssuer: true },
      { q: `${label.toLowerCase()} ${Number(seq)}/${year}`, withIssuer: false },
      { q: `${fold(code!)} ${seq}/${year}`, withIssuer: false },
      { q: `Số: ${printed}`, withIssuer: true },
      { q: `${fold(label)} ${seq} ${year} ${fold(iss!)}`, withIssuer: false },
    ]
  }
  const party = /^(\d+)-([^/]+)\/(.+)$/.exec(printed)!
  const [, seq, code, iss] = party
  const fc = fold(code!).replace(/[^a-z]/g, '')
  const fi = fold(iss!).replace(/[^a-z0-9]/g, '')
  const issuerWord = fi === 'tw' ? 'trung ương' : fi === 'tu' ? 'tỉnh ủy' : fi === 'hu' ? 'huyện ủy' : fi === 'du' ? 'đảng ủy' : fi === 'cb' ? 'chi bộ' : null
  const variants = [
    { q: printed, withIssuer: true },
    { q: fold(printed), withIssuer: true },
    { q: `${seq}/${code}-${iss}`, withIssuer: true },
    { q: `${seq} ${fc} ${fi}`, withIssuer: true },
    { q: `${Number(seq)}${fc}${fi}`, withIssuer: true },
    { q: `${label} ${Number(seq)}`, withIssuer: false },
    { q: `${fc} ${seq}`, withIssuer: false },
    { q: `Số ${printed}`, withIssuer: true },
    { q: `${label} số ${printed}`, withIssuer: true },
  ]
  if (issuerWord)
    variants.push({ q: `${r.chance(0.5) ? label : fold(label)} ${Number(seq)} ${r.chance(0.5) ? issuerWord : fold(issuerWord)}`, withIssuer: true })
  return variants
}

export function buildQueries(items: SearchItem[], seed: number): BenchQuery[] {
  const r = prng((seed ^ 0x51ea7c) >>> 0)
  const out: BenchQuery[] = []
  const add = (cls: QueryClass, q: string, expect: BenchQuery['expect'] = 'hits', filters: Record<string, string> = {}, page = 1) =>
    out.push({ id: `${cls}-${out.filter((x) => x.cls === cls).length + 1}`, cls, q: q.normalize('NFC'), filters, page, expect })

  for (const q of PLAIN) add('plain', q)
  for (const q of ACCENTED) add('accented', q)
  for (const q of COMMON_1) add('common-1', q)
  for (const q of COMMON_2) add('common-2', q)

  // Numbers of existing documents, each in one spelling, cycling through the spellings.
  const numbered = items.filter((i) => i.kind === 'document' && i.number && i.numberKey)
  const state = numbered.filter((i) => i.type === 'nghi-dinh' || i.type === 'thong-tu')
  const party = numbered.filter((i) => !(i.type === 'nghi-dinh' || i.type === 'thong-tu'))
  for (let k = 0; k < 30; k++) {
    const item = k % 6 === 5 && state.length ? r.pick(state) : r.pick(party)
    const variants = numberVariants(item, r)
    const v = variants[k % variants.length]!
    add('number', v.q, v.withIssuer ? { numberKey: item.numberKey! } : { numberShortKey: item.numberShortKey! })
  }
  for (const q of MISSING_NUMBERS) add('number-missing', q, 'any')

  // One typo in one word, giving a word of 4+ letters (the engines tolerate no typo in shorter
  // words, by design: search/ranking.ts) that the corpus does not contain.
  const vocab = new Set<string>()
  for (const item of items) for (const w of foldWords(`${item.title} ${item.summary}`)) vocab.add(w)
  const typoSources = [...PLAIN, ...ACCENTED.map((q) => fold(q))]
  for (let k = 0; out.filter((x) => x.cls === 'typo').length < 20 && k < 500; k++) {
    const words = r.pick(typoSources).replace(/,/g, '').split(' ')
    const at = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4)
    if (!at.length) continue
    const [word, i] = r.pick(at)
    const typo = typoOf(r, word)
    if (vocab.has(typo) || typo.length < 4 || !/^[a-z]+$/.test(typo)) continue
    words[i] = typo
    const q = words.join(' ')
    if (!out.some((x) => x.q === q)) add('typo', q)
  }

  for (const q of ISSUER_YEAR) add('issuer-year', q)
  for (const [q, filters] of FILTERED) add('filtered', q, 'hits', filters)
  for (const filters of BROWSE) add('browse', '', 'hits', filters)
  for (const q of [...PLAIN.slice(0, 7), ...ACCENTED.slice(0, 7), ...COMMON_2.slice(0, 6)]) add('page2', q, 'hits', {}, 2)
  for (const q of PREFIXES) add('prefix', q)

  // Long queries: the first 6–10 words of real titles, half of them without accents.
  const titled = items.filter((i) => i.kind !== 'topic' && foldWords(i.title).length >= 8)
  for (let k = 0; k < 15; k++) {
    const words = r.pick(titled).title.replace(/[“”"]/g, '').split(/\s+/).slice(0, r.int(6, 10)).join(' ')
    add('long', k % 2 ? fold(words) : words)
  }

  for (const q of RARE_FIXED) add('rare', q)
  // Hamlet names as they appear in the data (two syllables of NAME_SYLLABLES after thôn/bản…).
  const hamlets = new Set<string>()
  const hamletRe = new RegExp(`(?:thôn|bản|làng|xóm) ((?:${NAME_SYLLABLES.join('|')}) (?:${NAME_SYLLABLES.join('|')}))`, 'u')
  for (const item of items.slice(0, 5000)) {
    const m = hamletRe.exec(`${item.summary} ${item.body}`)
    if (m) hamlets.add(m[1]!)
  }
  for (const h of r.sample([...hamlets], 4)) add('rare', h)

  for (const q of NEWS) add('news', q)
  for (const q of NO_MATCH) add('no-match', q, 'any')

  // Every filter value used must exist in the data, or the query tests nothing.
  const values: Record<string, Set<string>> = {}
  for (const item of items) {
    const v: Record<string, Array<string | null>> = {
      kind: [item.kind],
      type: [item.type],
      issuer: [item.issuer],
      level: [item.level],
      year: [String(item.year)],
      field: item.fields,
      status: [item.status],
    }
    for (const [name, list] of Object.entries(v)) for (const x of list) if (x) (values[name] ??= new Set()).add(x)
  }
  for (const q of out) {
    for (const [name, value] of Object.entries(q.filters)) {
      if (!values[name]?.has(value)) throw new Error(`query ${q.id}: no item has ${name}=${value}`)
    }
  }
  return out
}

/** Whether a page of hits satisfies a number expectation. */
export function hasNumber(hits: Array<{ number: string | null }>, expect: { numberKey: string } | { numberShortKey: string }): boolean {
  return hits.some((h) => {
    const n = h.number ? parseDocumentNumber(h.number) : null
    if (!n) return false
    return 'numberKey' in expect ? documentNumberKey(n) === expect.numberKey : documentNumberShortKey(n) === expect.numberShortKey
  })
}

/**
 * A run order for `passes` passes over the queries: each pass shuffled, and two queries with the
 * same match key (page 1 and page 2 of one text, the same query in the next pass) at least
 * `spacing` other text queries apart, so that no measured query is answered from the engine's
 * cache of recent match sets (16 per connection): every figure is a full search. Browsing (empty
 * text) is never cached, so it has no constraint. When only queries too close to their twin are
 * left (end of the last pass), unmeasured warm-up queries are put in between.
 */
export function runOrder(
  queries: BenchQuery[],
  passes: number,
  seed: number,
  spacing = 20,
): Array<{ query: Pick<BenchQuery, 'q' | 'filters' | 'page'> & Partial<BenchQuery>; measured: boolean }> {
  const r = prng((seed ^ 0x0bde7) >>> 0)
  const pending: BenchQuery[] = []
  for (let p = 0; p < passes; p++) {
    const pass = [...queries]
    for (let i = pass.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1))
      ;[pass[i], pass[j]] = [pass[j]!, pass[i]!]
    }
    pending.push(...pass)
  }
  const order: Array<{ query: Pick<BenchQuery, 'q' | 'filters' | 'page'> & Partial<BenchQuery>; measured: boolean }> = []
  const lastAt = new Map<string, number>()
  let texts = 0
  let filler = 0
  while (pending.length) {
    const i = pending.findIndex((q) => {
      if (!q.q) return true
      const at = lastAt.get(matchKey(q))
      return at === undefined || texts - at > spacing
    })
    if (i < 0) {
      // A year after the words makes every filler a new match key (a repeated one would not evict).
      const w = WARMUP_QUERIES.filter((x) => x.q)[filler % 9]!
      order.push({ query: { ...w, q: `${w.q} ${2000 + (filler++ % 27)}` }, measured: false })
      texts++
      continue
    }
    const [q] = pending.splice(i, 1)
    if (q!.q) {
      lastAt.set(matchKey(q!), texts)
      texts++
    }
    order.push({ query: q!, measured: true })
  }
  return order
}
