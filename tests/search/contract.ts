/**
 * The search contract suite: the same tests for every engine (SQLite FTS5, Meilisearch). Data is
 * the shared corpus mapped to search items (public documents, news, topics) plus a few synthetic
 * items, each made so that a test fails when the behaviour it checks is missing (e.g. the item
 * found only through the title is older and superseded, so date or status ordering alone would
 * put it second).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  FILTERS,
  SearchScopeError,
  type FilterName,
  type SearchEngine,
  type SearchHit,
  type SearchIndex,
  type SearchItem,
  type SearchQuery,
  type SearchResult,
} from '../../search/contract'
import { metaText, numberText } from '../../search/indexing'
import { memberScopes, type ScopeKey } from '../../core/scopes'
import { fold } from '../../core/vietnamese'
import { corpusSearchItems, syntheticAnnouncement, syntheticDocument } from '../../search/eval/corpus'

export interface EngineHarness {
  /**
   * Opens the engine stored under `name`, as index `which` (the public index refuses non-public
   * items); opening the same name again reaches the same index.
   */
  open(name: string, which: SearchIndex): Promise<SearchEngine>
  /** Deletes what is stored under `name` (called once the engines on it are closed). */
  destroy?(name: string): Promise<void>
}

// --- synthetic items -------------------------------------------------------------------------

const XSS = syntheticDocument('thu-nghiem-xss', {
  title: 'Kiểm tra <script>alert("tiêu đề")</script> hiển thị',
  summary: 'Đoạn văn có <script>alert(\'xsstest\')</script> & <b>chữ đậm</b> "trích dẫn" để kiểm tra xsstest an toàn.',
  issuedAt: '2020-03-03',
})
/** Found by its title; older and superseded, so only the title tier puts it first. */
const BEES_TITLE = syntheticDocument('ong-mat-tieu-de', {
  type: 'huong-dan',
  title: 'Hướng dẫn chăn nuôi ong mật ở vùng đồi',
  summary: 'Văn bản hướng dẫn kỹ thuật cho các hộ gia đình.',
  status: 'superseded',
  issuedAt: '2015-05-05',
})
const BEES_SUMMARY = syntheticDocument('ong-mat-tom-tat', {
  type: 'bao-cao',
  title: 'Báo cáo tình hình kinh tế hộ gia đình',
  summary: 'Nhiều hộ đã phát triển chăn nuôi ong mật và trồng cây ăn quả.',
  issuedAt: '2024-05-05',
})
/** Shares "chăn nuôi ong" but has no word starting with "ma": the prefix test's control. */
const BEES_OTHER = syntheticDocument('ong-bau', {
  title: 'Kinh nghiệm chăn nuôi ong bầu',
  summary: 'Ghi chép của tổ hợp tác về đàn ong bầu.',
  issuedAt: '2022-02-02',
})
/** Identical text; the superseded one is newer, so only the status tie-break puts the other first. */
const CATTLE = {
  title: 'Quy định về quản lý đàn trâu bò giống',
  summary: 'Quy định điều kiện chăm sóc, tiêm phòng và sổ theo dõi đàn trâu bò giống của hợp tác xã.',
}
const CATTLE_SUPERSEDED = syntheticDocument('trau-bo-giong-cu', { ...CATTLE, status: 'superseded', issuedAt: '2024-02-02' })
const CATTLE_IN_FORCE = syntheticDocument('trau-bo-giong-moi', { ...CATTLE, status: 'in-force', issuedAt: '2019-02-02' })
const YOUTH = syntheticDocument('dang-vien-tre', {
  title: 'Đảng viên trẻ với phong trào khởi nghiệp',
  summary: 'Chi bộ khuyến khích ĐẢNG VIÊN trẻ tham gia khởi nghiệp sáng tạo.',
  issuedAt: '2021-01-01',
})
const HOA_OLD_TONE = syntheticDocument('hoa-giai', { title: 'Công tác hoà giải ở cơ sở', summary: 'Tổ hoà giải của thôn họp mỗi quý.' })
const HOA_NEW_TONE = syntheticDocument('hoa-hop', { title: 'Tăng cường hòa hợp giữa các khu dân cư', summary: 'Khối đại đoàn kết và sự hòa hợp.' })

/** Has "bảo vệ rừng" as a phrase; the other has the same words apart and is newer and in force. */
const FOREST_PHRASE = syntheticDocument('rung-dau-nguon', {
  title: 'Kế hoạch bảo vệ rừng đầu nguồn',
  summary: 'Giao khoán cho các hộ nhận chăm sóc.',
  status: 'superseded',
  issuedAt: '2012-01-01',
})
const FOREST_APART = syntheticDocument('rung-nguon-nuoc', {
  title: 'Bảo đảm trồng rừng và bảo vệ nguồn nước',
  summary: 'Giao khoán cho các hộ nhận chăm sóc.',
  issuedAt: '2024-01-01',
})

const SYNTHETIC = [
  FOREST_PHRASE,
  FOREST_APART,
  XSS,
  BEES_TITLE,
  BEES_SUMMARY,
  BEES_OTHER,
  CATTLE_SUPERSEDED,
  CATTLE_IN_FORCE,
  YOUTH,
  HOA_OLD_TONE,
  HOA_NEW_TONE,
]

// --- helpers ---------------------------------------------------------------------------------

async function* inBatches(items: SearchItem[], size: number): AsyncGenerator<SearchItem[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

const query = (q: string, filters: SearchQuery['filters'] = {}, page = 1, limit = 10, scopes?: ScopeKey[]): SearchQuery => ({
  q,
  filters,
  page,
  limit,
  ...(scopes ? { scopes } : {}),
})
const slugs = (r: SearchResult) => r.hits.map((h) => h.slug)
/** Everything an engine searches in, folded. */
const text = (item: SearchItem) => fold([numberText(item), item.title, metaText(item), item.summary, item.body, item.attachmentText].join(' '))

function facetValues(item: SearchItem, name: FilterName): string[] {
  switch (name) {
    case 'kind':
      return [item.kind]
    case 'year':
      return [String(item.year)]
    case 'field':
      return [...new Set(item.fields)]
    default: {
      const v = item[name]
      return v ? [v] : []
    }
  }
}

const matchesFilters = (item: SearchItem, filters: SearchQuery['filters']) =>
  Object.entries(filters).every(([name, value]) => facetValues(item, name as FilterName).includes(value!))

/** Facets computed by brute force over items, with the other filters applied. */
function expectedFacets(items: SearchItem[], filters: SearchQuery['filters']): Record<FilterName, Array<[string, number]>> {
  const out = {} as Record<FilterName, Array<[string, number]>>
  for (const name of FILTERS) {
    const others = Object.fromEntries(Object.entries(filters).filter(([n]) => n !== name))
    const counts = new Map<string, number>()
    for (const item of items) {
      if (!matchesFilters(item, others)) continue
      for (const v of facetValues(item, name)) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    out[name] = [...counts].sort(([a], [b]) => (a < b ? -1 : 1))
  }
  return out
}

const actualFacets = (r: SearchResult) =>
  Object.fromEntries(FILTERS.map((name) => [name, r.facets[name].map((f) => [f.value, f.count] as [string, number]).sort(([a], [b]) => (a < b ? -1 : 1))]))

/** Only <mark> and </mark> may appear as tags; everything else must be escaped. */
function expectSafeSnippet(hit: SearchHit): void {
  expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
  expect((hit.snippet.match(/<mark>/g) ?? []).length).toBe((hit.snippet.match(/<\/mark>/g) ?? []).length)
}

// --- the suite -------------------------------------------------------------------------------

export function searchEngineContract(label: string, harness: EngineHarness): void {
  describe(`search contract: ${label}`, () => {
    const items = [...corpusSearchItems(), ...SYNTHETIC]
    const byKey = new Map(items.map((i) => [`${i.kind}:${i.slug}`, i]))
    const itemOf = (hit: SearchHit) => byKey.get(`${hit.kind}:${hit.slug}`)!
    let engine: SearchEngine
    const search = (q: string, filters: SearchQuery['filters'] = {}, page = 1, limit = 10) => engine.search(query(q, filters, page, limit))

    beforeAll(async () => {
      engine = await harness.open('main', 'public')
      const { count } = await engine.replaceAll(inBatches(items, 17))
      expect(count).toBe(items.length)
    })
    afterAll(async () => {
      await engine?.close()
      await harness.destroy?.('main')
    })

    it('indexes exactly the public corpus items plus the synthetic ones', async () => {
      expect(items.filter((i) => i.kind === 'document').length).toBe(39 + SYNTHETIC.length)
      expect(items.some((i) => i.slug.startsWith('internal-'))).toBe(false)
      const entries = await engine.entries()
      expect(entries.map((e) => e.id).sort()).toEqual(items.map((i) => i.id).sort())
      expect(entries.find((e) => e.id === XSS.id)?.updatedAt).toBe(XSS.updatedAt)
    })

    describe('folding', () => {
      it('matches accent-free queries against accented text, with the same results', async () => {
        const accented = await search('nghị quyết', {}, 1, 50)
        const plain = await search('nghi quyet', {}, 1, 50)
        expect(accented.total).toBeGreaterThan(10)
        expect(plain.total).toBe(accented.total)
        expect(new Set(slugs(plain))).toEqual(new Set(slugs(accented)))
      })

      it('folds đ/Đ: "dang vien khoi nghiep" finds "Đảng viên … khởi nghiệp"', async () => {
        const r = await search('dang vien khoi nghiep')
        expect(slugs(r)[0]).toBe(YOUTH.slug)
        const upper = await search('ĐẢNG VIÊN KHỞI NGHIỆP')
        expect(slugs(upper)[0]).toBe(YOUTH.slug)
        expect(upper.total).toBe(r.total)
      })

      it('treats old and new tone placement (hoà/hòa) as the same word, both ways', async () => {
        expect(slugs(await search('hòa giải'))).toContain(HOA_OLD_TONE.slug)
        expect(slugs(await search('hoà giải'))).toContain(HOA_OLD_TONE.slug)
        expect(slugs(await search('hoà hợp'))).toContain(HOA_NEW_TONE.slug)
        const totals = await Promise.all(['hoà', 'hòa', 'hoa'].map(async (q) => (await search(q)).total))
        expect(totals[0]).toBeGreaterThan(2)
        expect(new Set(totals).size).toBe(1)
      })

      it('accepts NFD input', async () => {
        const nfd = await search('Đảng viên khởi nghiệp'.normalize('NFD'))
        expect(slugs(nfd)[0]).toBe(YOUTH.slug)
        const nfc = await search('nghị quyết dân số')
        const nfdToo = await search('nghị quyết dân số'.normalize('NFD'))
        expect(nfdToo.total).toBe(nfc.total)
        expect(slugs(nfdToo)).toEqual(slugs(nfc))
      })
    })

    describe('document numbers', () => {
      const cases: Array<[string, string]> = [
        ['27-QĐ/TW', 'quyet-dinh-27-tw-2021'],
        ['27/QĐ-TW', 'quyet-dinh-27-tw-2021'],
        ['qđ 27/tw', 'quyet-dinh-27-tw-2021'],
        ['27 qd tw', 'quyet-dinh-27-tw-2021'],
        ['QĐ 27', 'quyet-dinh-27-tw-2021'],
        ['nq 57', 'nghi-quyet-57-tw-2024'],
        ['Nghị quyết số 57-NQ/TW', 'nghi-quyet-57-tw-2024'],
        ['08-QĐi/TW', 'quy-dinh-08-tw-2018'],
        ['qdi 08', 'quy-dinh-08-tw-2018'],
        ['quy định 08', 'quy-dinh-08-tw-2018'],
        ['quyết định 213', 'quy-dinh-213-tw-2020'],
        ['213-QĐ/TW', 'quy-dinh-213-tw-2020'],
      ]
      for (const [q, slug] of cases) {
        it(`"${q}" puts ${slug} first`, async () => {
          const r = await search(q)
          expect(slugs(r)[0]).toBe(slug)
        })
      }

      it('puts every document that carried a reused number first (21-NQ/TW: 2017 and 2022)', async () => {
        for (const q of ['21-NQ/TW', 'nq 21', 'nghị quyết 21']) {
          const r = await search(q)
          expect(new Set(slugs(r).slice(0, 2)), q).toEqual(new Set(['nghi-quyet-21-tw-2017', 'nghi-quyet-21-tw-2022']))
        }
      })

      it('puts the document in force first among reused numbers (35-CT/TW: 2024 in force, 2019 expired)', async () => {
        for (const q of ['35-CT/TW', 'chỉ thị 35']) {
          const r = await search(q)
          expect(slugs(r).slice(0, 2), q).toEqual(['chi-thi-35-tw-2024', 'chi-thi-35-tw-2019'])
        }
      })

      it('applies filters to number lookups', async () => {
        const r = await search('21-NQ/TW', { year: '2017' })
        expect(slugs(r)[0]).toBe('nghi-quyet-21-tw-2017')
        expect(slugs(r)).not.toContain('nghi-quyet-21-tw-2022')
        expect((await search('27-QĐ/TW', { kind: 'news' })).hits.every((h) => h.kind === 'news')).toBe(true)
      })
    })

    describe('typo tolerance and prefixes', () => {
      it('forgives a Telex leftover ("nghij quyet dan so")', async () => {
        const r = await search('nghij quyet dan so')
        expect(slugs(r).slice(0, 3)).toContain('nghi-quyet-21-tw-2017')
      })

      it('forgives a dropped letter or a Telex leftover ("chnh tri", "chih tri", "chinh trij")', async () => {
        for (const q of ['chnh tri', 'chih tri', 'chinh trij']) {
          const r = await search(q, {}, 1, 5)
          expect(r.total, q).toBeGreaterThan(0)
          for (const hit of r.hits) expect(text(itemOf(hit)), `${q} → ${hit.slug}`).toContain('chinh tri')
        }
      })

      it('completes the last word as a prefix ("chan nuoi ong ma" needs mật)', async () => {
        // Without prefixes nothing has the word "ma", and dropping it would bring back BEES_OTHER.
        const r = await search('chan nuoi ong ma')
        expect(new Set(slugs(r).slice(0, 2))).toEqual(new Set([BEES_TITLE.slug, BEES_SUMMARY.slug]))
        expect(slugs(r)).not.toContain(BEES_OTHER.slug)
        const q = await search('nghi quy', {}, 1, 50)
        expect(q.total).toBeGreaterThanOrEqual((await search('nghi quyet')).total)
        for (const hit of q.hits.slice(0, 10)) expect(text(itemOf(hit)), hit.slug).toMatch(/\bnghi\b[\s\S]*\bquy|\bquy[\s\S]*\bnghi\b/)
      })

      it('requires every word, and drops trailing words only when nothing matches', async () => {
        const all = await search('chan nuoi ong bau')
        expect(slugs(all)[0]).toBe(BEES_OTHER.slug)
        expect(slugs(all)).not.toContain(BEES_TITLE.slug)
        const relaxed = await search('nghị quyết dân số qwzx')
        expect(slugs(relaxed).slice(0, 3)).toContain('nghi-quyet-21-tw-2017')
      })
    })

    describe('ranking', () => {
      it('puts a title match above a summary-only match', async () => {
        const r = await search('chăn nuôi ong mật')
        expect(slugs(r).slice(0, 2)).toEqual([BEES_TITLE.slug, BEES_SUMMARY.slug])
      })

      it('puts words found next to each other above the same words apart', async () => {
        const r = await search('bảo vệ rừng')
        expect(slugs(r).slice(0, 2)).toEqual([FOREST_PHRASE.slug, FOREST_APART.slug])
      })

      it('puts the item in force above the superseded one when otherwise equal', async () => {
        const r = await search('quản lý đàn trâu bò giống')
        expect(slugs(r).slice(0, 2)).toEqual([CATTLE_IN_FORCE.slug, CATTLE_SUPERSEDED.slug])
      })

      it('browses newest first when the query is empty', async () => {
        const r = await search('', { kind: 'document' }, 1, 50)
        expect(r.total).toBe(items.filter((i) => i.kind === 'document').length)
        const dates = r.hits.map((h) => h.issuedAt)
        expect(dates).toEqual([...dates].sort().reverse())
      })
    })

    describe('facets', () => {
      it('counts every facet over all items when browsing', async () => {
        const r = await search('')
        expect(r.total).toBe(items.length)
        expect(actualFacets(r)).toEqual(expectedFacets(items, {}))
      })

      it('counts each facet with the other filters applied', async () => {
        for (const filters of [{ type: 'nghi-quyet' }, { kind: 'document', status: 'superseded' }, { field: 'xay-dung-dang', year: '2021' }] as const) {
          const r = await search('', filters)
          expect(actualFacets(r), JSON.stringify(filters)).toEqual(expectedFacets(items, filters))
        }
      })

      it('gives counts that equal the total once that value is filtered on (text query)', async () => {
        const filters = { kind: 'document' } as const
        const r = await search('đảng viên', filters)
        expect(r.total).toBeGreaterThan(3)
        expect(r.facets.kind.map((f) => f.value)).toContain('news')
        for (const name of FILTERS) {
          for (const { value, count } of r.facets[name].slice(0, 4)) {
            const narrowed = await search('đảng viên', { ...filters, [name]: value })
            expect(narrowed.total, `${name}=${value}`).toBe(count)
          }
        }
      })
    })

    describe('filters', () => {
      const samples: Record<FilterName, string> = {
        kind: 'news',
        type: 'quy-dinh',
        issuer: 'bo-chinh-tri',
        level: 'tinh',
        year: '2021',
        field: 'to-chuc-can-bo',
        status: 'superseded',
      }
      for (const name of FILTERS) {
        it(`filters on ${name}`, async () => {
          const filters = { [name]: samples[name] }
          const expected = items.filter((i) => matchesFilters(i, filters))
          expect(expected.length).toBeGreaterThan(0)
          const r = await search('', filters, 1, 50)
          expect(r.total).toBe(expected.length)
          expect(new Set(r.hits.map((h) => h.slug))).toEqual(new Set(expected.map((i) => i.slug)))
        })
      }

      it('combines filters, with and without a query', async () => {
        const filters = { kind: 'document', type: 'quy-dinh', status: 'superseded' } as const
        const expected = items.filter((i) => matchesFilters(i, filters))
        const r = await search('', filters, 1, 50)
        expect(new Set(slugs(r))).toEqual(new Set(expected.map((i) => i.slug)))
        const withText = await search('đảng viên', { level: 'trung-uong', year: '2021' }, 1, 50)
        expect(withText.total).toBeGreaterThan(0)
        for (const hit of withText.hits) expect(matchesFilters(itemOf(hit), { level: 'trung-uong', year: '2021' })).toBe(true)
      })

      it('returns nothing for a value no item has', async () => {
        const r = await search('', { issuer: 'khong-co-co-quan-nay' })
        expect(r.total).toBe(0)
        expect(r.hits).toEqual([])
      })
    })

    describe('highlighting', () => {
      it('marks matched words in the original accented text', async () => {
        for (const q of ['dân số', 'dan so']) {
          const hit = (await search(q)).hits.find((h) => h.slug === 'nghi-quyet-21-tw-2017')
          expect(hit, q).toBeDefined()
          expect(hit!.snippet, q).toMatch(/<mark>dân<\/mark> <mark>số<\/mark>/i)
          expectSafeSnippet(hit!)
        }
      })

      it('escapes everything else, including "<script>" in item text', async () => {
        const hit = (await search('xsstest')).hits.find((h) => h.slug === XSS.slug)
        expect(hit).toBeDefined()
        expect(hit!.snippet).toContain('<mark>xsstest</mark>')
        expect(hit!.snippet).toContain('&lt;script&gt;')
        expect(hit!.snippet).toContain('&amp;')
        expect(hit!.snippet).not.toContain('<script')
        expect(hit!.snippet).not.toContain('<b>')
        expectSafeSnippet(hit!)
        expect(hit!.title).toBe(XSS.title) // titles are plain text; the page escapes them
      })

      it('keeps every snippet safe', async () => {
        for (const q of ['đảng', 'chnh tri', '27 qd tw', '']) {
          for (const hit of (await search(q, {}, 1, 20)).hits) expectSafeSnippet(hit)
        }
      })
    })

    describe('pagination', () => {
      it('pages through a browse without overlap, with a stable exact total', async () => {
        const seen = new Set<string>()
        const first = await search('', {}, 1, 7)
        for (let page = 1; page <= Math.ceil(first.total / 7); page++) {
          const r = await search('', {}, page, 7)
          expect(r.total).toBe(first.total)
          expect(r.page).toBe(page)
          for (const hit of r.hits) {
            expect(seen.has(hit.slug), hit.slug).toBe(false)
            seen.add(hit.slug)
          }
        }
        expect(seen.size).toBe(first.total)
        const beyond = await search('', {}, Math.ceil(first.total / 7) + 1, 7)
        expect(beyond.hits).toEqual([])
        expect(beyond.total).toBe(first.total)
      })

      it('pages through a text query without overlap', async () => {
        const p1 = await search('đảng', {}, 1, 5)
        const p2 = await search('đảng', {}, 2, 5)
        expect(p1.total).toBeGreaterThan(10)
        expect(p2.total).toBe(p1.total)
        expect(p2.hits.length).toBe(5)
        expect(slugs(p2).filter((s) => slugs(p1).includes(s))).toEqual([])
        const all = await search('đảng', {}, 1, 50)
        expect([...slugs(p1), ...slugs(p2)]).toEqual(slugs(all).slice(0, 10))
      })
    })

    describe('scopes (the members index)', () => {
      // A đảng bộ P with two chi bộ, A and B. A member of A holds public, members, org:A and org:P.
      const A = 'chi-bo-a'
      const B = 'chi-bo-b'
      const P = 'dang-bo-p'
      const memberOfA = memberScopes([A, P])
      const memberOfB = memberScopes([B, P])
      const PUBLIC = syntheticDocument('pham-vi-cong-khai', {
        title: 'Kế hoạch phát động phong trào thi đua quyết thắng',
        number: '31-KH/TU',
        type: 'ke-hoach',
        issuer: 'tinh-uy',
        issuerName: 'Tỉnh ủy',
        level: 'tinh',
        issuedAt: '2023-03-01',
        year: 2023,
      })
      const MEMBERS = syntheticDocument('pham-vi-dang-vien', {
        title: 'Hướng dẫn đánh giá phong trào thi đua quyết thắng',
        number: '32-HD/TU',
        type: 'huong-dan',
        issuer: 'tinh-uy',
        issuerName: 'Tỉnh ủy',
        level: 'tinh',
        issuedAt: '2023-04-01',
        year: 2023,
        scope: 'members',
      })
      /** A's report and B's carry the same number (each chi bộ numbers its own): the lookup must keep them apart. */
      const OF_A = syntheticDocument('pham-vi-chi-bo-a', {
        title: 'Báo cáo kết quả thi đua quyết thắng của chi bộ',
        number: '07-BC/CB',
        type: 'bao-cao',
        issuer: A,
        issuerName: 'Chi bộ A',
        issuedAt: '2024-06-01',
        year: 2024,
        scope: `org:${A}`,
      })
      const OF_B = syntheticDocument('pham-vi-chi-bo-b', {
        title: 'Báo cáo kết quả thi đua quyết thắng của chi bộ',
        number: '07-BC/CB',
        type: 'bao-cao',
        issuer: B,
        issuerName: 'Chi bộ B',
        issuedAt: '2019-06-01',
        year: 2019,
        fields: ['kinh-te'],
        fieldNames: ['Kinh tế'],
        status: 'expired',
        scope: `org:${B}`,
      })
      const OF_P = syntheticDocument('pham-vi-dang-bo-p', {
        title: 'Nghị quyết về đẩy mạnh thi đua quyết thắng',
        number: '15-NQ/ĐU',
        type: 'nghi-quyet',
        issuer: P,
        issuerName: 'Đảng bộ P',
        issuedAt: '2022-09-01',
        year: 2022,
        scope: `org:${P}`,
      })
      const NOTICE_A = syntheticAnnouncement('thong-bao-chi-bo-a', {
        title: 'Thông báo lịch sinh hoạt chi bộ tháng 7',
        summary: 'Sinh hoạt thường kỳ, sơ kết thi đua quyết thắng.',
        body: 'Địa điểm: nhà văn hóa tổ dân phố số 7.',
        issuedAt: '2024-07-03',
        year: 2024,
        scope: `org:${A}`,
      })
      const NOTICE_B = syntheticAnnouncement('thong-bao-chi-bo-b', {
        title: 'Thông báo lịch sinh hoạt chi bộ tháng 8',
        summary: 'Sinh hoạt thường kỳ, sơ kết thi đua quyết thắng.',
        body: 'Địa điểm: hội trường thôn.',
        issuedAt: '2018-08-03',
        year: 2018,
        scope: `org:${B}`,
      })
      const ALL = [PUBLIC, MEMBERS, OF_A, OF_B, OF_P, NOTICE_A, NOTICE_B]
      const visibleTo = (scopes: readonly string[]) => ALL.filter((i) => scopes.includes(i.scope))
      const slugSet = (list: SearchItem[]) => new Set(list.map((i) => i.slug))
      let members: SearchEngine
      const find = (q: string, scopes?: ScopeKey[], filters: SearchQuery['filters'] = {}, page = 1, limit = 50) =>
        members.search(query(q, filters, page, limit, scopes))

      beforeAll(async () => {
        members = await harness.open('scopes', 'members')
        expect((await members.replaceAll(inBatches(ALL, 3))).count).toBe(ALL.length)
      })
      afterAll(async () => {
        await members?.close()
        await harness.destroy?.('scopes')
      })

      it("finds what a member's scopes allow (own chi bộ, the đảng bộ above, members, public), nothing of another chi bộ", async () => {
        const want = slugSet(visibleTo(memberOfA))
        expect(want).toEqual(slugSet([PUBLIC, MEMBERS, OF_A, OF_P, NOTICE_A]))
        for (const q of ['thi đua quyết thắng', 'thi dua quyet thang', 'THI DUA QUYET TH']) {
          const r = await find(q, memberOfA)
          expect(new Set(slugs(r)), q).toEqual(want)
          expect(r.total, q).toBe(want.size)
        }
        const ofB = await find('thi dua quyet thang', memberOfB)
        expect(new Set(slugs(ofB))).toEqual(slugSet([PUBLIC, MEMBERS, OF_B, OF_P, NOTICE_B]))
      })

      it('counts the total and every facet over the visible items only', async () => {
        const visible = visibleTo(memberOfA)
        const browse = await find('', memberOfA)
        expect(browse.total).toBe(visible.length)
        expect(actualFacets(browse)).toEqual(expectedFacets(visible, {}))
        expect(browse.facets.issuer.map((f) => f.value)).not.toContain(B)
        expect(browse.facets.year.map((f) => f.value)).not.toContain('2019')
        const text = await find('quyết thắng', memberOfA)
        expect(actualFacets(text)).toEqual(expectedFacets(visible, {}))
        for (const filters of [{ kind: 'document' }, { type: 'bao-cao' }, { kind: 'announcement', year: '2024' }] as const) {
          const r = await find('thi dua', memberOfA, filters)
          expect(r.total, JSON.stringify(filters)).toBe(visible.filter((i) => matchesFilters(i, filters)).length)
          expect(actualFacets(r), JSON.stringify(filters)).toEqual(expectedFacets(visible, filters))
        }
        expect((await find('', memberOfA, { issuer: B })).total).toBe(0)
      })

      it("looks a number up within the reader's scopes (the same number in two chi bộ)", async () => {
        for (const q of ['07-BC/CB', '07 bc cb', 'báo cáo 07']) {
          const ofA = await find(q, memberOfA, {}, 1, 10)
          expect(slugs(ofA)[0], q).toBe(OF_A.slug)
          expect(slugs(ofA), q).not.toContain(OF_B.slug)
          const ofB = await find(q, memberOfB, {}, 1, 10)
          expect(slugs(ofB)[0], q).toBe(OF_B.slug)
          expect(slugs(ofB), q).not.toContain(OF_A.slug)
        }
        const noScope = await find('07-BC/CB', undefined, {}, 1, 10)
        expect(new Set(slugs(noScope).slice(0, 2))).toEqual(new Set([OF_A.slug, OF_B.slug]))
        expect(slugs(await find('15-NQ/ĐU', memberOfA, {}, 1, 10))[0]).toBe(OF_P.slug)
        expect(slugs(await find('15-NQ/ĐU', [...memberScopes([A])], {}, 1, 10))).not.toContain(OF_P.slug)
      })

      it('applies no scope filter without scopes, and finds nothing with an empty list', async () => {
        expect((await find('thi dua quyet thang')).total).toBe(ALL.length)
        expect((await find('')).total).toBe(ALL.length)
        const none = await find('thi dua quyet thang', [])
        expect(none.total).toBe(0)
        expect(none.hits).toEqual([])
        expect((await find('', [])).total).toBe(0)
        expect(slugs(await find('thi dua quyet thang', ['public']))).toEqual([PUBLIC.slug])
        expect(new Set(slugs(await find('thi dua', [`org:${B}`])))).toEqual(slugSet([OF_B, NOTICE_B]))
      })

      it('finds announcements (kind "announcement") with their own text', async () => {
        const r = await find('lich sinh hoat', memberOfA)
        expect(slugs(r)).toEqual([NOTICE_A.slug])
        expect(r.hits[0].kind).toBe('announcement')
        expect(r.hits[0].url).toBe(NOTICE_A.url)
        expect(r.hits[0].snippet).toMatch(/<mark>sinh<\/mark> <mark>hoạt<\/mark>/i)
        const byKind = await find('', memberOfA, { kind: 'announcement' })
        expect(slugs(byKind)).toEqual([NOTICE_A.slug])
        expect((await find('thi dua', memberOfA)).facets.kind).toEqual([
          { value: 'document', count: 4 },
          { value: 'announcement', count: 1 },
        ])
        expect(slugs(await find('nha van hoa to dan pho', memberOfA))).toEqual([NOTICE_A.slug])
      })

      it("follows a change of an item's scope at once", async () => {
        try {
          await members.upsert([{ ...OF_A, scope: `org:${B}` }])
          expect(slugs(await find('thi dua quyet thang', memberOfA))).not.toContain(OF_A.slug)
          expect(slugs(await find('thi dua quyet thang', memberOfB))).toContain(OF_A.slug)
          expect((await find('', memberOfA)).facets.issuer.map((f) => f.value)).not.toContain(A)
        } finally {
          await members.upsert([OF_A])
        }
        expect(slugs(await find('thi dua quyet thang', memberOfA))).toContain(OF_A.slug)
        await members.remove([NOTICE_A.id])
        try {
          expect((await find('', memberOfA, { kind: 'announcement' })).total).toBe(0)
        } finally {
          await members.upsert([NOTICE_A])
        }
      })

      it('refuses an item without a valid scope, in either index', async () => {
        const bad = [
          { ...PUBLIC, scope: undefined },
          { ...PUBLIC, scope: 'org:' },
          { ...PUBLIC, scope: 'org:a b"]' },
          { ...PUBLIC, scope: 'everyone' },
        ]
        for (const item of bad) await expect(members.upsert([item as unknown as SearchItem]), JSON.stringify(item.scope)).rejects.toThrow(SearchScopeError)
      })

      it('keeps the public index public: a non-public item is refused, the whole call with it', async () => {
        const pub = await harness.open('public-only', 'public')
        try {
          const other = syntheticDocument('pham-vi-cong-khai-2', { title: 'Một văn bản công khai khác', scope: 'public' })
          await pub.replaceAll(inBatches([PUBLIC], 5))
          for (const item of [MEMBERS, OF_A, NOTICE_A]) {
            await expect(pub.upsert([other, item]), item.slug).rejects.toThrow(SearchScopeError)
            await expect(pub.upsert([item]), item.slug).rejects.toThrow(/public search index only takes public items/)
          }
          await expect(pub.replaceAll(inBatches([other, OF_B], 1))).rejects.toThrow(SearchScopeError)
          expect((await pub.entries()).map((e) => e.id)).toEqual([PUBLIC.id])
          expect((await pub.search(query(''))).total).toBe(1)
          await pub.upsert([other])
          expect((await pub.entries()).map((e) => e.id).sort()).toEqual([PUBLIC.id, other.id].sort())
        } finally {
          await pub.close()
          await harness.destroy?.('public-only')
        }
      })
    })

    describe('visibility', () => {
      const A = syntheticDocument('hien-thi-a', { title: 'Quy chế phối hợp giữa chi bộ và tổ dân phố', summary: 'Từ khóa riêng: hoahongdo.' })
      const B = syntheticDocument('hien-thi-b', { title: 'Kế hoạch trồng cây xanh', summary: 'Từ khóa riêng: cayxanhmat.' })
      const C = syntheticDocument('hien-thi-c', { title: 'Thông báo lịch tiếp dân', summary: 'Từ khóa riêng: tiepdanthu.' })
      const total = async (e: SearchEngine, q: string) => (await e.search(query(q))).total
      const ids = async (e: SearchEngine) => (await e.entries()).map((x) => x.id).sort()

      it('remove(), upsert() and replaceAll() change what can be found', async () => {
        const e = await harness.open('visibility', 'public')
        try {
          await e.replaceAll(inBatches([A, B], 1))
          expect(await total(e, 'hoahongdo')).toBe(1)

          await e.remove([A.id, 'document:khong-ton-tai'])
          expect(await total(e, 'hoahongdo')).toBe(0)
          expect(await ids(e)).toEqual([B.id])

          const newer = { ...B, title: 'Kế hoạch trồng rừng phòng hộ', summary: 'Từ khóa riêng: rungphongho.', updatedAt: '2025-01-01T00:00:00.000Z' }
          await e.upsert([newer, C])
          expect(await total(e, 'cayxanhmat')).toBe(0)
          expect(await total(e, 'rungphongho')).toBe(1)
          expect(await total(e, 'tiepdanthu')).toBe(1)
          expect((await e.search(query(''))).total).toBe(2)
          expect((await e.entries()).find((x) => x.id === B.id)?.updatedAt).toBe(newer.updatedAt)

          await e.replaceAll(inBatches([A], 10))
          expect(await total(e, 'rungphongho')).toBe(0)
          expect(await total(e, 'tiepdanthu')).toBe(0)
          expect(await total(e, 'hoahongdo')).toBe(1)
          expect(await ids(e)).toEqual([A.id])
        } finally {
          await e.close()
          await harness.destroy?.('visibility')
        }
      })

      it('keeps its data across close and reopen', async () => {
        const first = await harness.open('persistence', 'public')
        try {
          await first.replaceAll(inBatches([A, B], 5))
          await first.upsert([C])
          await first.remove([B.id])
        } finally {
          await first.close()
        }
        const again = await harness.open('persistence', 'public')
        try {
          expect(await ids(again)).toEqual([A.id, C.id].sort())
          expect(await total(again, 'hoahongdo')).toBe(1)
          expect(await total(again, 'tiepdanthu')).toBe(1)
          expect(await total(again, 'cayxanhmat')).toBe(0)
        } finally {
          await again.close()
          await harness.destroy?.('persistence')
        }
      })

      it('keeps answering from the old index during a rebuild, and keeps it when the rebuild fails', async () => {
        const e = await harness.open('atomicity', 'public')
        try {
          await e.replaceAll(inBatches([A, B], 5))
          let searchedDuringBuild = false
          async function* failing(): AsyncGenerator<SearchItem[]> {
            yield [C]
            expect(await total(e, 'hoahongdo')).toBe(1)
            expect(await total(e, 'tiepdanthu')).toBe(0)
            searchedDuringBuild = true
            throw new Error('Nguồn dữ liệu bị lỗi giữa chừng')
          }
          await expect(e.replaceAll(failing())).rejects.toThrow('Nguồn dữ liệu bị lỗi giữa chừng')
          expect(searchedDuringBuild).toBe(true)
          expect(await ids(e)).toEqual([A.id, B.id])
          expect(await total(e, 'hoahongdo')).toBe(1)
          expect(await total(e, 'cayxanhmat')).toBe(1)
          expect(await total(e, 'tiepdanthu')).toBe(0)

          // The engine still rebuilds after a failed attempt.
          expect(await e.replaceAll(inBatches([C], 5))).toEqual({ count: 1 })
          expect(await ids(e)).toEqual([C.id])
        } finally {
          await e.close()
          await harness.destroy?.('atomicity')
        }
      })
    })
  })
}
