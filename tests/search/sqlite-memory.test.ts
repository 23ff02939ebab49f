/**
 * The embedded engine's in-memory state (search/engines/sqlite/*): posting sets of words, facet
 * bitmaps and counts, headlines. Each is a copy of what the index file holds, kept per connection
 * and patched when anything commits; these tests check that every answer stays exactly what the
 * file says, whoever wrote to it, against a connection opened afterwards (empty caches) and
 * against FTS5 itself.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, describe, expect, it } from 'vitest'
import { FILTERS, type SearchEngine, type SearchItem, type SearchQuery, type SearchResult } from '../../search/contract'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { ItemColumns, type ItemRow } from '../../search/engines/sqlite/columns'
import { syntheticDocument } from '../../search/eval/corpus'
import { foldWords } from '../../core/vietnamese'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-search-memory-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A seeded PRNG (mulberry32): the same items on every run. */
function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, int, pick }
}

// Common syllables (in most items: their posting sets are bitmaps), middling and rare ones.
const COMMON = ['Đảng', 'cán bộ', 'thực hiện', 'nghị quyết', 'chi bộ', 'đảng viên', 'tỉnh', 'công tác']
const MIDDLE = ['chuyển đổi số', 'nông thôn mới', 'giảm nghèo', 'dân vận', 'kiểm tra', 'an ninh', 'y tế', 'du lịch', 'thanh niên', 'văn hóa']
const RARE = ['chè shan tuyết', 'khèn Mông', 'cá tầm', 'Nà Khương', 'mắc ca', 'hát then', 'Séng Cù', 'VNeID']
const TYPES = ['nghi-quyet', 'chi-thi', 'ke-hoach', 'quy-dinh', 'bao-cao'] as const
const FIELDS = [
  ['to-chuc-can-bo', 'Tổ chức cán bộ'],
  ['chuyen-doi-so', 'Chuyển đổi số'],
  ['dan-van', 'Dân vận'],
  ['y-te', 'Y tế'],
] as const

function makeItem(r: ReturnType<typeof random>, i: number, tag = ''): SearchItem {
  const phrase = () => {
    const x = r.next()
    return r.pick(x < 0.6 ? COMMON : x < 0.92 ? MIDDLE : RARE)
  }
  const words = (n: number) => Array.from({ length: n }, phrase).join(' ')
  const fields = FIELDS.filter(() => r.next() < 0.35)
  const year = r.int(2015, 2025)
  return syntheticDocument(`muc-${tag}${i}`, {
    title: `Về ${words(r.int(2, 5))}`,
    summary: `${words(r.int(4, 12))}. ${words(r.int(3, 8))}.`,
    body: r.next() < 0.3 ? words(r.int(10, 40)) : '',
    type: r.pick(TYPES),
    issuer: r.pick(['tinh-uy', 'huyen-uy', 'ban-tuyen-giao']),
    issuerName: r.pick(['Tỉnh ủy', 'Huyện ủy', 'Ban Tuyên giáo']),
    level: r.pick(['tinh', 'huyen', 'co-so']),
    status: r.pick(['in-force', 'in-force', 'expired', 'superseded'] as const),
    issuedAt: `${year}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
    year,
    fields: fields.map(([slug]) => slug),
    fieldNames: fields.map(([, name]) => name),
    scope: r.next() < 0.7 ? 'public' : r.pick(['members', 'org:a', 'org:b', 'org:p'] as const),
  })
}

const MEMBER_OF_A: SearchQuery['scopes'] = ['public', 'members', 'org:a', 'org:p']
const QUERIES: Array<Pick<SearchQuery, 'q' | 'filters' | 'page' | 'scopes'>> = [
  ...COMMON.map((q) => ({ q, filters: {}, page: 1 })),
  { q: 'thuc hien nghi quyet', filters: {}, page: 1 },
  { q: 'thuc hien nghi quyet', filters: {}, page: 2 },
  { q: 'can bo dang vien', filters: { type: 'nghi-quyet' }, page: 1 },
  { q: 'cong tac chuyen doi so', filters: { field: 'chuyen-doi-so', status: 'in-force' }, page: 1 },
  { q: 'chi bo th', filters: {}, page: 1 },
  { q: 'nong thon m', filters: { level: 'tinh' }, page: 1 },
  { q: 'dang v', filters: {}, page: 3 },
  { q: 'shan tuyet', filters: {}, page: 1 },
  { q: 'khen mong thuc hien', filters: {}, page: 1 },
  { q: 'tinh uy 2021', filters: {}, page: 1 },
  { q: 'giam ngheo', filters: { year: '2020' }, page: 1 },
  { q: 'kiem tar', filters: {}, page: 1 },
  { q: '', filters: { field: 'y-te' }, page: 1 },
  { q: '', filters: {}, page: 2 },
  { q: 'thuc hien nghi quyet', filters: {}, page: 1, scopes: MEMBER_OF_A },
  { q: 'dang v', filters: { type: 'chi-thi' }, page: 1, scopes: MEMBER_OF_A },
  { q: 'chi bo', filters: {}, page: 2, scopes: ['org:b'] },
  { q: '', filters: { level: 'tinh' }, page: 1, scopes: MEMBER_OF_A },
  { q: 'kiem tar', filters: {}, page: 1, scopes: ['public'] },
]

const ask = (engine: SearchEngine, q: (typeof QUERIES)[number]) => engine.search({ ...q, limit: 10 })
const visible = (r: SearchResult) => ({ ...r, tookMs: 0 })

async function* batchesOf(items: SearchItem[], size = 100): AsyncGenerator<SearchItem[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}

/** Total of a plain query, straight from FTS5: every word, the last one as a prefix. */
function ftsTotal(file: string, q: string): number {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const g = (db.prepare("SELECT value FROM search_meta WHERE key = 'generation'").get() as { value: number }).value
    const words = foldWords(q)
    const expr = words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' AND ')
    return (db.prepare(`SELECT count(*) AS n FROM full_${g} WHERE full_${g} MATCH ?`).get(expr) as { n: number }).n
  } finally {
    db.close()
  }
}

/** Waits for the engine's background warm-up (an implementation detail this suite looks at). */
async function warm(engine: SearchEngine): Promise<void> {
  const keepAlive = setInterval(() => undefined, 1000)
  await (engine as unknown as { warming: Promise<void> }).warming
  clearInterval(keepAlive)
}

describe('sqlite engine: in-memory posting sets and facet bitmaps', () => {
  const r = random(4242)
  const items = Array.from({ length: 900 }, (_, i) => makeItem(r, i))

  it('answers exactly like a fresh connection and like FTS5, through commits by another connection and its own', async () => {
    const file = path.join(dir, 'patched.sqlite')
    const writer = createSqliteEngine({ path: file, which: 'members' })
    const reader = createSqliteEngine({ path: file, which: 'members' })
    const check = async (label: string) => {
      const fresh = createSqliteEngine({ path: file, which: 'members' })
      try {
        for (const q of QUERIES) expect(visible(await ask(reader, q)), `${label}: ${JSON.stringify(q)}`).toEqual(visible(await ask(fresh, q)))
        for (const q of ['thuc hien', 'dang vien cong t', 'chi bo nghi quyet', 'khen mong'])
          expect((await reader.search({ q, filters: {}, page: 1, limit: 1 })).total, `${label}: ${q}`).toBe(ftsTotal(file, q))
      } finally {
        await fresh.close()
      }
    }
    try {
      await writer.replaceAll(batchesOf(items))
      for (const q of QUERIES) await ask(reader, q)
      await warm(reader)
      await check('built')

      // Another connection rewrites items (words move in and out of common sets), adds and removes some.
      for (let round = 0; round < 4; round++) {
        const changed = Array.from({ length: 12 }, (_, i) => ({ ...makeItem(r, i), id: items[r.int(0, items.length - 1)]!.id }))
        await writer.upsert([...changed, ...Array.from({ length: 3 }, (_, i) => makeItem(r, i, `moi${round}-`))])
        await writer.remove([items[r.int(0, items.length - 1)]!.id, 'document:khong-co'])
        await check(`after the writer's round ${round + 1}`)
      }

      // The reader's own commits, which PRAGMA data_version does not report to it.
      await reader.upsert([{ ...makeItem(r, 1), id: items[5]!.id, title: 'Về khèn Mông thực hiện nghị quyết' }])
      await reader.remove([items[6]!.id])
      await check("after the reader's own writes")

      // Words FTS5's tokenizer might split differently from foldWords (letters with no ASCII
      // fold): the engine stops patching and trusting the vocabulary for prefixes.
      await writer.upsert([{ ...makeItem(r, 2), id: items[7]!.id, title: 'Về hợp tác Ålborg: ø, æ và 東京 thực hiện', summary: 'Chi bộ øresund.' }])
      await check('after a word outside [a-z0-9]')
      for (const q of ['ø', 'hop tac al', 'chi bo øre']) {
        const fresh = createSqliteEngine({ path: file, which: 'members' })
        expect(visible(await ask(reader, { q, filters: {}, page: 1 })), q).toEqual(visible(await ask(fresh, { q, filters: {}, page: 1 })))
        await fresh.close()
      }

      // A larger batch than the engine patches in place (the sets are dropped and refetched).
      await writer.upsert(Array.from({ length: 300 }, (_, i) => ({ ...makeItem(r, i), id: items[i]!.id })))
      await check('after a large batch')

      // A rebuild swaps generations under the reader.
      await writer.replaceAll(batchesOf(items.slice(0, 500)))
      await check('after a rebuild')
    } finally {
      await Promise.all([reader.close(), writer.close()])
    }
  })

  it('can be closed while it warms up', async () => {
    const file = path.join(dir, 'closing.sqlite')
    const engine = createSqliteEngine({ path: file, which: 'members' })
    await engine.replaceAll(batchesOf(items.slice(0, 300)))
    expect((await engine.search({ q: 'thuc hien', filters: {}, page: 1, limit: 5 })).total).toBeGreaterThan(0)
    await engine.close()
    await new Promise((resolve) => setTimeout(resolve, 20))
  })
})

describe('ItemColumns.evaluateBits', () => {
  const SCOPES = ['public', 'members', 'org:a', 'org:b', 'org:p'] as const
  /**
   * The plain definition: rows of the given scopes (all when null) passing every filter; each
   * facet over those rows passing the other filters.
   */
  function reference(rows: Map<number, ItemRow>, match: Set<number>, filters: Record<string, string>, scopes: readonly string[] | null) {
    const valuesOf = (row: ItemRow, name: string): string[] => {
      const [, , kind, type, issuer, level, year, fields, status] = row
      const single: Record<string, string | number | null> = { kind, type, issuer, level, year, status }
      if (name === 'field') return [...new Set(JSON.parse(fields) as string[])]
      const v = single[name]
      return v === null || v === '' ? [] : [String(v)]
    }
    const passes = (row: ItemRow, skip: string | null) => Object.entries(filters).every(([name, value]) => name === skip || valuesOf(row, name).includes(value))
    let total = 0
    const counts: Record<string, Record<string, number>> = Object.fromEntries(FILTERS.map((f) => [f, {}]))
    for (const rid of match) {
      const row = rows.get(rid)
      if (!row || (scopes && !scopes.includes(row[10]))) continue
      if (passes(row, null)) total++
      for (const f of FILTERS) if (passes(row, f)) for (const v of valuesOf(row, f)) counts[f]![v] = (counts[f]![v] ?? 0) + 1
    }
    return { total, counts }
  }

  it('counts like the plain definition and keeps its orders sorted, through changes, with and without filters and scopes', () => {
    const r = random(7)
    const columns = new ItemColumns(1)
    const rows = new Map<number, ItemRow>()
    let version = 0
    const randomRow = (rid: number): ItemRow => [
      rid,
      ++version,
      r.pick(['document', 'news', 'topic']),
      r.next() < 0.1 ? null : r.pick(TYPES),
      r.pick(['tinh-uy', 'huyen-uy', 'ban-tuyen-giao', 'doan-thanh-nien']),
      r.pick(['tinh', 'huyen', 'co-so']),
      r.int(2018, 2025),
      JSON.stringify(FIELDS.filter(() => r.next() < 0.4).map(([slug]) => slug)),
      r.next() < 0.2 ? null : r.pick(['in-force', 'expired', 'superseded']),
      `${r.int(2018, 2025)}-05-05`,
      r.next() < 0.6 ? 'public' : r.pick(SCOPES),
      `/tai-lieu/${r.int(1, 1_000_000)}/`,
    ]
    const put = (rid: number) => {
      const row = randomRow(rid)
      rows.set(rid, row)
      columns.set(row)
    }
    for (let rid = 1; rid <= 3000; rid++) put(rid)
    for (let round = 0; round < 30; round++) {
      // Changes between evaluations: the bitmaps and counts built so far are patched, not rebuilt.
      for (let k = 0; k < 20; k++) {
        const rid = r.int(1, 3200)
        if (r.next() < 0.3 && rows.has(rid)) {
          rows.delete(rid)
          columns.drop(rid, ++version)
        } else put(rid)
      }
      const density = r.pick([0.01, 0.2, 0.5, 0.8, 0.97])
      const match = new Set<number>()
      for (let rid = 1; rid <= 3300; rid++) if (r.next() < density) match.add(rid)
      const bits = new Uint32Array(Math.ceil(3400 / 32))
      for (const rid of match) bits[rid >>> 5] |= 1 << (rid & 31)
      const filters: Record<string, string> = {}
      if (round % 3 === 1) filters.year = String(r.int(2018, 2025))
      if (round % 3 === 2) {
        filters.field = r.pick(FIELDS)[0]
        filters.kind = r.pick(['document', 'news', 'nowhere'])
      }
      // Orders patched change by change equal the orders of columns built from the same rows.
      const rebuilt = new ItemColumns(1)
      for (const row of [...rows.values()].sort((a, b) => a[1] - b[1])) rebuilt.set(row)
      expect([...columns.rankOrder()], `round ${round}: rank order`).toEqual([...rebuilt.rankOrder()])
      expect([...columns.browseOrder()], `round ${round}: browse order`).toEqual([...rebuilt.browseOrder()])
      // Every scope list is evaluated each round, so the per-scope bitmaps and counts built in one
      // round are patched through the next round's changes.
      const scopeLists: Array<readonly string[] | null> = [
        null,
        ['public', 'members', 'org:a', 'org:p'],
        ['org:b'],
        ['public', 'members', 'org:a', 'org:b', 'org:p'],
        ['org:nowhere'],
        [],
      ]
      for (const scopes of scopeLists) {
        const label = `round ${round}, scopes ${JSON.stringify(scopes)}`
        const ev = columns.evaluateBits(bits, columns.activeFilters(filters), columns.visible(scopes))
        const want = reference(rows, match, filters, scopes)
        expect(ev.n, label).toBe(want.total)
        const got = columns.facets(ev.counts)
        for (const f of FILTERS) {
          expect(Object.fromEntries(got[f].map((c) => [c.value, c.count])), `${label}, facet ${f}`).toEqual(want.counts[f])
        }
      }
    }
  })
})
