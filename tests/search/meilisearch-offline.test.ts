/**
 * The Meilisearch engine without a Meilisearch server: its pure helpers, and its conversation with
 * a small fake of the HTTP API (tasks complete at once, searches answer what the test says). This
 * checks what the engine sends and how it reads answers (settings before documents, one batch at a
 * time, the swap, filters, pinned numbers, facets, snippets, errors), not Meilisearch's own
 * matching and ranking: that is what tests/search/meilisearch.test.ts does against a real server.
 */
import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SearchScopeError, SearchUnavailableError, type SearchItem } from '../../search/contract'
import {
  MEILI_SETTINGS,
  createMeilisearchEngine,
  formattedSnippet,
  numberClause,
  primaryKeyOf,
  quoteFilterValue,
  scopeClause,
  synonyms,
  toMeiliDocument,
} from '../../search/engines/meilisearch'
import { numberLookup } from '../../search/ranking'
import { MARK_CLOSE, MARK_OPEN } from '../../search/snippet'
import { syntheticAnnouncement, syntheticDocument } from '../../search/eval/corpus'

// --- a fake Meilisearch ----------------------------------------------------------------------

interface Logged {
  method: string
  path: string
  query: URLSearchParams
  body: any
  authorization: string | undefined
}
interface FakeIndex {
  primaryKey: string | null
  settings: unknown
  docs: Map<string, Record<string, unknown>>
}

class FakeMeilisearch {
  log: Logged[] = []
  indexes = new Map<string, FakeIndex>()
  tasks = new Map<number, Record<string, unknown>>()
  /** Answers to POST …/search and each multi-search query, in order; default: nothing found. */
  searches: Array<(q: any) => unknown> = []
  /** Makes the next document addition task fail. */
  failNextAddition = false
  private next = 0
  private server = http.createServer((req, res) => this.handle(req, res))
  url = ''

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }
  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
  calls(filter?: (l: Logged) => boolean) {
    return this.log.filter((l) => l.path !== '/tasks' && !l.path.startsWith('/tasks/')).filter(filter ?? (() => true))
  }

  private task(indexUid: string | null, type: string, apply: () => { code: string; message: string } | undefined) {
    const uid = this.next++
    const error = apply() ?? null
    this.tasks.set(uid, {
      uid,
      batchUid: uid,
      indexUid,
      status: error ? 'failed' : 'succeeded',
      type,
      canceledBy: null,
      details: {},
      error: error ? { ...error, type: 'invalid_request', link: '' } : null,
      duration: 'PT0S',
      enqueuedAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
    })
    return { status: 202, body: { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() } }
  }

  private route(method: string, path: string, query: URLSearchParams, body: any): { status: number; body: unknown } {
    const missing = (uid: string) => ({
      status: 404,
      body: { message: `Index \`${uid}\` not found.`, code: 'index_not_found', type: 'invalid_request', link: '' },
    })
    let m: RegExpMatchArray | null
    if (method === 'GET' && (m = path.match(/^\/tasks\/(\d+)$/))) return { status: 200, body: this.tasks.get(Number(m[1])) }
    if (method === 'POST' && path === '/indexes') {
      return this.task(body.uid, 'indexCreation', () => {
        if (this.indexes.has(body.uid)) return { code: 'index_already_exists', message: 'exists' }
        this.indexes.set(body.uid, { primaryKey: body.primaryKey ?? null, settings: null, docs: new Map() })
      })
    }
    if (method === 'DELETE' && (m = path.match(/^\/indexes\/([^/]+)$/))) {
      const uid = m[1]
      return this.task(uid, 'indexDeletion', () => {
        if (!this.indexes.delete(uid)) return { code: 'index_not_found', message: 'missing' }
      })
    }
    if (method === 'PATCH' && (m = path.match(/^\/indexes\/([^/]+)\/settings$/))) {
      const uid = m[1]
      return this.task(uid, 'settingsUpdate', () => {
        if (!this.indexes.has(uid)) this.indexes.set(uid, { primaryKey: null, settings: null, docs: new Map() })
        this.indexes.get(uid)!.settings = body
      })
    }
    if (method === 'POST' && (m = path.match(/^\/indexes\/([^/]+)\/documents$/))) {
      const uid = m[1]
      return this.task(uid, 'documentAdditionOrUpdate', () => {
        if (this.failNextAddition) {
          this.failNextAddition = false
          return { code: 'invalid_document_id', message: 'bad document' }
        }
        const index = this.indexes.get(uid)!
        index.primaryKey ??= query.get('primaryKey')
        for (const d of body) index.docs.set(d[index.primaryKey!], d)
      })
    }
    if (method === 'POST' && (m = path.match(/^\/indexes\/([^/]+)\/documents\/delete-batch$/))) {
      const uid = m[1]
      return this.task(uid, 'documentDeletion', () => {
        for (const pk of body) this.indexes.get(uid)?.docs.delete(pk)
      })
    }
    if (method === 'GET' && (m = path.match(/^\/indexes\/([^/]+)\/documents$/))) {
      const index = this.indexes.get(m[1])
      if (!index) return missing(m[1])
      const fields = (query.get('fields') ?? '').split(',')
      const all = [...index.docs.values()].map((d) => Object.fromEntries(fields.map((f) => [f, d[f]])))
      const offset = Number(query.get('offset') ?? 0)
      const limit = Number(query.get('limit') ?? 20)
      return { status: 200, body: { results: all.slice(offset, offset + limit), offset, limit, total: all.length } }
    }
    if (method === 'POST' && path === '/swap-indexes') {
      return this.task(null, 'indexSwap', () => {
        for (const {
          indexes: [a, b],
        } of body) {
          const ia = this.indexes.get(a)
          const ib = this.indexes.get(b)
          if (!ia || !ib) return { code: 'index_not_found', message: 'missing' }
          this.indexes.set(a, ib)
          this.indexes.set(b, ia)
        }
      })
    }
    const answer = (q: any) => {
      if (!this.indexes.has(q.indexUid)) throw missing(q.indexUid)
      const reply = this.searches.shift()?.(q) ?? {}
      return {
        indexUid: q.indexUid,
        hits: [],
        query: q.q ?? '',
        processingTimeMs: 0,
        limit: q.limit ?? 20,
        offset: q.offset ?? 0,
        estimatedTotalHits: 0,
        ...(reply as object),
      }
    }
    try {
      if (method === 'POST' && path === '/multi-search') return { status: 200, body: { results: body.queries.map(answer) } }
      if (method === 'POST' && (m = path.match(/^\/indexes\/([^/]+)\/search$/))) return { status: 200, body: answer({ ...body, indexUid: m[1] }) }
    } catch (e) {
      return e as { status: number; body: unknown }
    }
    return { status: 404, body: { message: `no route ${method} ${path}`, code: 'not_found', type: 'invalid_request', link: '' } }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x')
      const body = raw ? JSON.parse(raw) : undefined
      this.log.push({ method: req.method!, path: url.pathname, query: url.searchParams, body, authorization: req.headers.authorization })
      const { status, body: out } = this.route(req.method!, url.pathname, url.searchParams, body)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(out))
    })
  }
}

const fake = new FakeMeilisearch()
beforeAll(() => fake.start())
afterAll(() => fake.stop())
beforeEach(() => {
  fake.log = []
  fake.indexes.clear()
  fake.searches = []
})

const engine = () => createMeilisearchEngine({ url: fake.url, apiKey: 'test-master-key-0123456789', index: 'so-tay' })
async function* batches(...lists: SearchItem[][]): AsyncGenerator<SearchItem[]> {
  for (const list of lists) yield list
}
const docs = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => syntheticDocument(`${prefix}-${i}`, { title: `Văn bản ${prefix} ${i}` }))

// --- pure helpers ----------------------------------------------------------------------------

describe('meilisearch engine: documents, settings, filters', () => {
  it('maps items to documents with a safe primary key and the shared derived text', () => {
    const item = syntheticDocument('quy-dinh-08', { id: 'document:3f2a-ü/ü', number: '08-QĐi/TW', summary: `Có ${MARK_OPEN}dấu${MARK_CLOSE} giả` })
    const doc = toMeiliDocument(item)
    expect(doc.pk).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(Buffer.from(doc.pk, 'base64url').toString()).toBe(item.id)
    expect(doc.pk).toBe(primaryKeyOf(item.id))
    expect(doc.numberCompactKeys).toEqual(['8qditw', '8qdi'])
    expect(doc.numberText).toContain('08-QĐi/TW')
    expect(doc.meta).toContain('Quy định')
    expect(doc.summary).toBe('Có dấu giả') // marker characters never reach the index
    expect(doc.statusRank).toBe(0)
    expect(doc.kindRank).toBe(0)
    expect(toMeiliDocument({ ...item, kind: 'news' }).kindRank).toBe(1)
  })

  it('has settings for short Vietnamese syllables and exact numbers', () => {
    expect(MEILI_SETTINGS.searchableAttributes?.slice(0, 3)).toEqual(['numberCompactKeys', 'numberText', 'title'])
    expect(MEILI_SETTINGS.typoTolerance).toMatchObject({
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ['numberCompactKeys', 'numberText'],
      disableOnNumbers: true,
    })
    expect(MEILI_SETTINGS.filterableAttributes).toEqual(
      expect.arrayContaining(['kind', 'type', 'issuer', 'level', 'year', 'fields', 'status', 'numberKey', 'numberShortKey']),
    )
    expect(MEILI_SETTINGS.rankingRules?.indexOf('statusRank:asc')).toBeGreaterThan(MEILI_SETTINGS.rankingRules!.indexOf('attribute'))
    // Same intent as the embedded engine: where the words are before how close they are, and a
    // last tie-break that is a function of the documents (not of the order they were sent in).
    const rules = MEILI_SETTINGS.rankingRules!
    expect(rules.indexOf('attribute')).toBeLessThan(rules.indexOf('proximity'))
    expect(rules.indexOf('kindRank:asc')).toBeGreaterThan(rules.indexOf('exactness'))
    expect(rules.at(-1)).toBe('url:asc')
    expect(MEILI_SETTINGS.sortableAttributes).toEqual(expect.arrayContaining(['kindRank', 'url']))
    const syn = synonyms()
    expect(syn.nq).toEqual(['nghi quyet'])
    expect(syn.qd).toEqual(expect.arrayContaining(['quyet dinh', 'quy dinh']))
    expect(syn['quy dinh']).toEqual(expect.arrayContaining(['qd', 'qdi']))
    for (const syllable of ['tu', 'du', 'da', 'hu', 'thu']) expect(syn[syllable], syllable).toBeUndefined()
  })

  it('quotes and escapes filter values', () => {
    expect(quoteFilterValue('nghi-quyet')).toBe('"nghi-quyet"')
    expect(quoteFilterValue('a" OR kind = "news')).toBe('"a\\" OR kind = \\"news"')
    expect(quoteFilterValue('a\\')).toBe('"a\\\\"')
    expect(numberClause(numberLookup('21-NQ/TW')!)).toBe('numberKey IN ["21-nq/tw"]')
    expect(numberClause(numberLookup('quyết định 213')!)).toBe('numberShortKey IN ["213-qd"]')
    expect(numberClause(numberLookup('nghị định 13/2023')!)).toBe('numberShortKey IN ["13-nd"] AND year = "2023"')
    expect(numberClause(numberLookup('21-NQ/TW thay thế nghị quyết 20')!)).toBe('(numberKey IN ["21-nq/tw"]) OR (numberShortKey IN ["20-nq"])')
  })

  it('builds snippets from _formatted: escaped, marks only, best attribute', () => {
    const html = formattedSnippet({
      summary: `Mở đầu ${MARK_OPEN}dân${MARK_CLOSE} thường`,
      body: `<script>x</script> ${MARK_OPEN}dân${MARK_CLOSE} ${MARK_OPEN}số${MARK_CLOSE} & "câu"`,
      attachmentText: '',
    })
    expect(html).toBe('&lt;script&gt;x&lt;/script&gt; <mark>dân</mark> <mark>số</mark> &amp; &quot;câu&quot;')
    expect(formattedSnippet({ summary: 'Không khớp <b>gì</b>', body: '' })).toBe('Không khớp &lt;b&gt;gì&lt;/b&gt;')
    expect(formattedSnippet({ summary: `Mở ${MARK_OPEN}không đóng` })).toBe('Mở <mark>không đóng</mark>')
  })
})

// --- conversation with the fake server -------------------------------------------------------

describe('meilisearch engine: requests', () => {
  it('rebuilds into <index>_tmp (settings first, one batch at a time) and swaps it in', async () => {
    const e = engine()
    const result = await e.replaceAll(batches(docs('a', 2), docs('b', 2), docs('c', 1)))
    expect(result).toEqual({ count: 5 })
    const calls = fake.calls().map((l) => `${l.method} ${l.path}${l.body?.uid ? ` ${l.body.uid}` : ''}`)
    expect(calls).toEqual([
      'DELETE /indexes/so-tay_tmp',
      'POST /indexes so-tay_tmp',
      'PATCH /indexes/so-tay_tmp/settings',
      'POST /indexes/so-tay_tmp/documents',
      'POST /indexes/so-tay_tmp/documents',
      'POST /indexes/so-tay_tmp/documents',
      'POST /indexes so-tay',
      'PATCH /indexes/so-tay/settings',
      'POST /swap-indexes',
      'DELETE /indexes/so-tay_tmp',
    ])
    // Every addition was awaited (task polled) before the next one was sent.
    const order = fake.log.map((l) => (l.path.startsWith('/tasks/') ? 'wait' : l.path.endsWith('/documents') ? 'add' : 'other'))
    const adds = order.flatMap((o, i) => (o === 'add' ? [i] : []))
    for (const i of adds) expect(order[i + 1]).toBe('wait')
    expect(fake.calls((l) => l.path.endsWith('/settings'))[0].body).toEqual(JSON.parse(JSON.stringify(MEILI_SETTINGS)))
    expect(fake.calls((l) => l.path.endsWith('/documents'))[0].query.get('primaryKey')).toBe('pk')
    expect(fake.calls((l) => l.path === '/swap-indexes')[0].body).toEqual([{ indexes: ['so-tay', 'so-tay_tmp'] }])
    expect([...fake.indexes.keys()]).toEqual(['so-tay'])
    expect(fake.indexes.get('so-tay')!.docs.size).toBe(5)
    expect((await e.entries()).map((x) => x.id)).toEqual([...docs('a', 2), ...docs('b', 2), ...docs('c', 1)].map((d) => d.id).sort())
  })

  it('leaves the live index alone when the batches fail, and drops _tmp', async () => {
    const e = engine()
    await e.replaceAll(batches(docs('old', 3)))
    async function* failing(): AsyncGenerator<SearchItem[]> {
      yield docs('new', 2)
      throw new Error('Nguồn dữ liệu lỗi')
    }
    fake.log = []
    await expect(e.replaceAll(failing())).rejects.toThrow('Nguồn dữ liệu lỗi')
    expect(fake.calls((l) => l.path === '/swap-indexes')).toEqual([])
    expect([...fake.indexes.keys()]).toEqual(['so-tay'])
    expect(fake.indexes.get('so-tay')!.docs.size).toBe(3)
  })

  it('turns a failed task into SearchUnavailableError with a Vietnamese message', async () => {
    const e = engine()
    fake.failNextAddition = true
    const error = await e.upsert(docs('x', 1)).catch((err) => err)
    expect(error).toBeInstanceOf(SearchUnavailableError)
    expect(error.message).toMatch(/tìm kiếm tạm thời không hoạt động/i)
  })

  it('removes and upserts by primary key', async () => {
    const e = engine()
    await e.upsert(docs('u', 3))
    await e.remove([docs('u', 3)[1].id, 'document:khong-co'])
    const deletion = fake.calls((l) => l.path.endsWith('/delete-batch'))[0]
    expect(deletion.body).toEqual([primaryKeyOf(docs('u', 3)[1].id), primaryKeyOf('document:khong-co')])
    expect(fake.indexes.get('so-tay')!.docs.size).toBe(2)
  })

  it('pins exact numbers first, excludes them from the text query and counts them in facets', async () => {
    const e = engine()
    await e.upsert(docs('s', 1))
    const pinned = (slug: string, year: number) => ({
      ...toMeiliDocument(syntheticDocument(slug, { number: '21-NQ/TW', type: 'nghi-quyet', issuedAt: `${year}-10-25`, summary: 'Về công tác dân số' })),
    })
    const p2017 = pinned('nghi-quyet-21-tw-2017', 2017)
    const p2022 = pinned('nghi-quyet-21-tw-2022', 2022)
    fake.searches = [
      () => ({ hits: [p2017, p2022] }), // the exact-number lookup
      () => ({
        hits: [
          {
            ...toMeiliDocument(syntheticDocument('tin-lien-quan', { title: 'Tin liên quan' })),
            _formatted: {
              summary: `Nhắc <script> tới ${MARK_OPEN}21${MARK_CLOSE}-${MARK_OPEN}NQ${MARK_CLOSE}/${MARK_OPEN}TW${MARK_CLOSE}`,
              body: '',
              attachmentText: '',
            },
          },
        ],
        facetDistribution: { kind: { document: 3 }, year: { '2017': 3 }, type: { 'quy-dinh': 3 } },
      }),
      () => ({ facetDistribution: { year: { '2017': 3, '2020': 4 } } }), // year facet without the year filter
    ]
    const r = await e.search({ q: '21-NQ/TW', filters: { year: '2017' }, page: 1, limit: 10 })

    const [lookup, multi] = fake.calls((l) => l.path.endsWith('/search') || l.path === '/multi-search')
    expect(lookup.path).toBe('/indexes/so-tay/search')
    expect(lookup.body.filter).toEqual(['numberKey IN ["21-nq/tw"]'])
    expect(lookup.body.sort).toEqual(['statusRank:asc', 'issuedAt:desc'])
    const [main, yearFacet] = multi.body.queries
    const exclude = `pk NOT IN [${quoteFilterValue(p2017.pk)}, ${quoteFilterValue(p2022.pk)}]`
    expect(main).toMatchObject({ indexUid: 'so-tay', q: '21 nq tw', matchingStrategy: 'all', offset: 0, limit: 9, filter: ['year = "2017"', exclude] })
    expect(main.highlightPreTag).toBe(MARK_OPEN)
    expect(yearFacet).toMatchObject({ q: '21 nq tw', filter: [exclude], facets: ['year'], limit: 0 })

    expect(r.total).toBe(4) // 3 text matches + the pinned 2017 document
    expect(r.hits.map((h) => h.slug)).toEqual(['nghi-quyet-21-tw-2017', 'tin-lien-quan'])
    expect(r.hits[1].snippet).toBe('Nhắc &lt;script&gt; tới <mark>21</mark>-<mark>NQ</mark>/<mark>TW</mark>')
    const facet = (name: keyof typeof r.facets) => Object.fromEntries(r.facets[name].map((f) => [f.value, f.count]))
    expect(facet('kind')).toEqual({ document: 4 })
    expect(facet('year')).toEqual({ '2017': 4, '2020': 4, '2022': 1 }) // the 2022 pinned one fails only the year filter
    expect(facet('type')).toEqual({ 'quy-dinh': 3, 'nghi-quyet': 1 })
  })

  it('browses with a sort and drops trailing words when nothing matches', async () => {
    const e = engine()
    await e.upsert(docs('s', 1))
    fake.searches = [() => ({ hits: [], facetDistribution: { kind: { document: 7 } } })]
    const browse = await e.search({ q: '', filters: {}, page: 2, limit: 5 })
    expect(browse.total).toBe(7)
    const [req] = fake.calls((l) => l.path === '/multi-search')
    expect(req.body.queries[0]).toMatchObject({ q: '', sort: ['issuedAt:desc', 'statusRank:asc'], offset: 5, limit: 5 })

    fake.log = []
    fake.searches = [() => ({ facetDistribution: {} }), () => ({ facetDistribution: { kind: { news: 2 } } })]
    const relaxed = await e.search({ q: 'chăn nuôi zzzz', filters: {}, page: 1, limit: 10 })
    expect(fake.calls((l) => l.path === '/multi-search').map((l) => l.body.queries[0].q)).toEqual(['chan nuoi zzzz', 'chan nuoi'])
    expect(relaxed.total).toBe(2)
  })

  it('answers like an empty index before the first build', async () => {
    const r = await engine().search({ q: 'đảng', filters: {}, page: 1, limit: 10 })
    expect(r).toMatchObject({ total: 0, hits: [] })
    expect(await engine().entries()).toEqual([])
  })

  it('reports an unreachable server as SearchUnavailableError', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const e = createMeilisearchEngine({ url: `http://127.0.0.1:${port}`, apiKey: '', index: 'so-tay' })
    const error = await e.search({ q: 'đảng', filters: {}, page: 1, limit: 10 }).catch((err) => err)
    expect(error).toBeInstanceOf(SearchUnavailableError)
    expect(error.message).toMatch(/Vui lòng thử lại/)
    await expect(e.upsert(docs('x', 1))).rejects.toBeInstanceOf(SearchUnavailableError)
  })
})

// --- scopes and tenant tokens ----------------------------------------------------------------

describe('meilisearch engine: scopes', () => {
  const MEMBER = ['public', 'members', 'org:a', 'org:p'] as const
  const SEARCH_KEY = { key: 'search-key-0123456789abcdef', uid: '6062abda-a5aa-4414-ac91-ecd7944c0f8d' }
  const members = (searchKey?: typeof SEARCH_KEY) =>
    createMeilisearchEngine({ url: fake.url, apiKey: 'test-master-key-0123456789', index: 'so-tay-members', which: 'members', searchKey })
  const searches = () => fake.calls((l) => l.path.endsWith('/search') || l.path === '/multi-search')
  /** Every filter list the engine sent, one per query. */
  const filtersSent = () => searches().flatMap((l) => (l.path === '/multi-search' ? l.body.queries.map((q: any) => q.filter) : [l.body.filter]))

  it('makes scope filterable, stores each item with its scope, and quotes scopes in the filter', async () => {
    expect(MEILI_SETTINGS.filterableAttributes).toContain('scope')
    expect(toMeiliDocument(syntheticAnnouncement('hop-chi-bo', { scope: 'org:a' }))).toMatchObject({ kind: 'announcement', scope: 'org:a' })
    expect(scopeClause(['public', 'org:a'])).toBe('scope IN ["public", "org:a"]')
    expect(scopeClause(['org:a" OR scope EXISTS'] as never)).toBe('scope IN ["org:a\\" OR scope EXISTS"]')
  })

  it("adds the reader's scopes to every request: text, facets without a filter, and the number lookup", async () => {
    const e = members()
    await e.upsert(docs('s', 1))
    fake.log = []
    await e.search({ q: '21-NQ/TW', filters: { year: '2017' }, page: 1, limit: 10, scopes: [...MEMBER, 'public'] })
    const clause = 'scope IN ["members", "org:a", "org:p", "public"]'
    const sent = filtersSent()
    // The number lookup, then the main query and the year facet for each word count tried.
    expect(sent.length).toBeGreaterThanOrEqual(3)
    for (const filter of sent) expect(filter).toContain(clause)
    fake.log = []
    await e.search({ q: '', filters: {}, page: 1, limit: 10, scopes: [...MEMBER] })
    expect(filtersSent()).toEqual([[clause]])
    fake.log = []
    await e.search({ q: 'dang', filters: {}, page: 1, limit: 10 })
    for (const filter of filtersSent()) expect(JSON.stringify(filter)).not.toContain('scope')
  })

  it('answers an empty scope list with nothing, without asking the server', async () => {
    const e = members()
    await e.upsert(docs('s', 1))
    fake.log = []
    const r = await e.search({ q: 'đảng', filters: {}, page: 1, limit: 10, scopes: [] })
    expect(r).toMatchObject({ total: 0, hits: [] })
    expect(searches()).toEqual([])
  })

  it("sends a member's searches with a tenant token pinning the index to the member's scopes", async () => {
    const e = members(SEARCH_KEY)
    await e.upsert(docs('s', 1))
    fake.log = []
    await e.search({ q: '21-NQ/TW', filters: {}, page: 1, limit: 10, scopes: [...MEMBER] })
    await e.search({ q: 'đảng', filters: {}, page: 1, limit: 10, scopes: [...MEMBER] })
    const tokens = new Set(searches().map((l) => l.authorization))
    expect(tokens.size).toBe(1) // one token per scope list, reused
    const token = [...tokens][0]!.replace(/^Bearer /, '')
    const [header, payload, signature] = token.split('.')
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' })
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
    expect(claims.apiKeyUid).toBe(SEARCH_KEY.uid)
    expect(claims.searchRules).toEqual({ 'so-tay-members': { filter: 'scope IN ["members", "org:a", "org:p", "public"]' } })
    expect(claims.exp * 1000).toBeGreaterThan(Date.now())
    expect(createHmac('sha256', SEARCH_KEY.key).update(`${header}.${payload}`).digest('base64url')).toBe(signature)
    // Writes, and searches without scopes (the CMS's own), keep the master key.
    fake.log = []
    await e.search({ q: 'đảng', filters: {}, page: 1, limit: 10 })
    await e.upsert(docs('t', 1))
    for (const l of fake.calls()) expect(l.authorization).toBe('Bearer test-master-key-0123456789')
  })

  it('refuses non-public items in the public index before sending anything, and abandons a rebuild with one', async () => {
    const e = engine()
    await e.replaceAll(batches(docs('old', 2)))
    fake.log = []
    const internal = syntheticDocument('noi-bo', { scope: 'members' })
    await expect(e.upsert([...docs('n', 2), internal])).rejects.toThrow(SearchScopeError)
    expect(fake.calls((l) => l.path.endsWith('/documents'))).toEqual([])
    await expect(e.replaceAll(batches(docs('new', 2), [syntheticAnnouncement('hop', { scope: 'org:a' })]))).rejects.toThrow(
      /public search index only takes public items/,
    )
    expect(fake.calls((l) => l.path === '/swap-indexes')).toEqual([])
    expect(fake.indexes.get('so-tay')!.docs.size).toBe(2)
    await members().upsert([internal, syntheticAnnouncement('hop', { scope: 'org:a' })])
    expect(fake.indexes.get('so-tay-members')!.docs.size).toBe(2)
  })
})
