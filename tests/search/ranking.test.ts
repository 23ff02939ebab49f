/**
 * Ranking of the embedded engine beyond the contract: the order is a function of the documents
 * (not of the order they were indexed in, nor of republishing), every query word counts up to
 * MAX_QUERY_WORDS, and inside a tier the BM25F-like score (score.ts) decides.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SearchEngine, SearchItem, SearchQuery } from '../../search/contract'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { corpusSearchItems, syntheticDocument } from '../../search/eval/corpus'
import { MAX_QUERY_WORDS, numberLookup, queryWords, telexWord } from '../../search/ranking'
import { foldWords } from '../../core/vietnamese'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-ranking-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

let opened = 0
const open = () => createSqliteEngine({ path: path.join(dir, `e${opened++}.sqlite`) })
const q = (text: string, page = 1, limit = 10): SearchQuery => ({ q: text, filters: {}, page, limit })
async function* inBatches(items: SearchItem[], size: number): AsyncGenerator<SearchItem[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}
const slugs = async (engine: SearchEngine, text: string, page = 1, limit = 10) => (await engine.search(q(text, page, limit))).hits.map((h) => h.slug)

/** A seeded shuffle (mulberry32), so a failure can be replayed. */
function shuffled<T>(list: T[], seed: number): T[] {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

describe('ranking: a function of the documents', () => {
  // Exact ties on everything but the URL: same title, status and date.
  const twins = ['sinh-doi-c', 'sinh-doi-a', 'sinh-doi-e', 'sinh-doi-b', 'sinh-doi-d'].map((slug) =>
    syntheticDocument(slug, { title: 'Về phong trào thi đua gương mẫu ở khu dân cư', issuedAt: '2024-03-01', summary: 'Thi đua gương mẫu.' }),
  )
  const items = [...corpusSearchItems(), ...twins]
  const queries = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../search/eval/queries.json'), 'utf8')).queries.map(
    (x: { q: string }) => x.q,
  ) as string[]
  queries.push('gương mẫu', 'thi đua gương mẫu khu dân cư', 'dang vien', 'tinh hinh moi', '')

  it('answers the same lists whatever order the items were indexed in, and after republishing', async () => {
    const fresh = open()
    const reversed = open()
    const mixed = open()
    const live = open()
    try {
      await fresh.replaceAll(inBatches(items, 500))
      await reversed.replaceAll(inBatches([...items].reverse(), 7))
      await mixed.replaceAll(inBatches(shuffled(items, 19), 5))
      // The live index: built once, then items republished one by one in another order (each gets a new rowid).
      await live.replaceAll(inBatches(items, 500))
      for (const item of shuffled(items, 7).slice(0, 40)) await live.upsert([item])
      await live.remove(['document:sinh-doi-a'])
      await live.upsert([twins.find((t) => t.slug === 'sinh-doi-a')!])
      for (const text of queries) {
        for (const page of [1, 2]) {
          const expected = await slugs(fresh, text, page, 7)
          expect(await slugs(reversed, text, page, 7), `"${text}" page ${page}, reversed`).toEqual(expected)
          expect(await slugs(mixed, text, page, 7), `"${text}" page ${page}, shuffled`).toEqual(expected)
          expect(await slugs(live, text, page, 7), `"${text}" page ${page}, republished`).toEqual(expected)
        }
      }
      // Exact ties fall to the URL, a stable key of the documents.
      const order = (await slugs(reversed, 'thi đua gương mẫu khu dân cư')).filter((s) => s.startsWith('sinh-doi-'))
      expect(order).toEqual(twins.map((t) => t.slug).sort())
    } finally {
      await Promise.all([fresh, reversed, mixed, live].map((e) => e.close()))
    }
  })
})

describe('ranking: long queries', () => {
  it('uses query words after the tenth', async () => {
    // Titles equal up to the eleventh word; only the later words tell them apart.
    const stem = 'Về công tác dân số trong tình hình mới của các cơ quan đảng'
    const a = syntheticDocument('dai-a', { title: `${stem} ở vùng cao biên giới` })
    const b = syntheticDocument('dai-b', { title: `${stem} ở vùng đồng bằng ven biển` })
    const engine = open()
    try {
      await engine.replaceAll(inBatches([a, b], 10))
      const query = `${stem} vùng đồng bằng ven biển`
      expect(foldWords(query).length).toBeGreaterThan(12)
      expect(queryWords(query).length).toBe(foldWords(query).length)
      const result = await engine.search(q(query))
      expect(result.hits.map((h) => h.slug)).toEqual(['dai-b'])
      expect(result.total).toBe(1)
      // Past the bound the query still answers (from its first MAX_QUERY_WORDS words).
      const long = Array.from({ length: MAX_QUERY_WORDS + 20 }, (_, i) => (i % 2 ? 'dân' : 'số')).join(' ')
      expect(queryWords(long)).toHaveLength(MAX_QUERY_WORDS)
      expect((await engine.search(q(long))).total).toBe(2)
    } finally {
      await engine.close()
    }
  })
})

describe('ranking: when nothing has every word', () => {
  it('leaves out the word that keeps the rest from matching, not just the last ones', async () => {
    const meeting = syntheticDocument('sinh-hoat', { title: 'Về sinh hoạt chi bộ thường kỳ hằng tháng' })
    const schedule = syntheticDocument('lich-tiep-dan', { title: 'Lịch tiếp công dân của Đảng ủy' })
    const engine = open()
    try {
      await engine.replaceAll(inBatches([meeting, schedule], 10))
      // Dropping trailing words would keep "lịch" and end on the schedule.
      expect(await slugs(engine, 'lịch sinh hoạt chi bộ thường kỳ')).toEqual(['sinh-hoat'])
      // A word nothing has is left out first, wherever it is.
      expect(await slugs(engine, 'qzxw sinh hoạt chi bộ')).toEqual(['sinh-hoat'])
    } finally {
      await engine.close()
    }
  })

  it('chooses the word to leave out among the rows the filters let through', async () => {
    // Unfiltered, leaving out "kỳ" would find the document; among news only "lịch" is in the way.
    const doc = syntheticDocument('lich-sinh-hoat', { title: 'Lịch sinh hoạt chi bộ thường xuyên' })
    const news = {
      ...syntheticDocument('tin-sinh-hoat', { title: 'Sinh hoạt chi bộ thường kỳ ở khu dân cư' }),
      kind: 'news' as const,
      id: 'news:tin-sinh-hoat',
      url: '/tin-tuc/tin-sinh-hoat/',
      type: null,
    }
    const engine = open()
    try {
      await engine.replaceAll(inBatches([doc, news], 10))
      const r = await engine.search({ q: 'lịch sinh hoạt chi bộ thường kỳ', filters: { kind: 'news' }, page: 1, limit: 10 })
      expect(r.hits.map((h) => h.slug)).toEqual(['tin-sinh-hoat'])
    } finally {
      await engine.close()
    }
  })
})

describe('ranking: numbers', () => {
  it('looks up a second number in the query when the first one finds nothing visible', async () => {
    const engine = open()
    try {
      await engine.replaceAll(inBatches(corpusSearchItems(), 100))
      // 05-KH/CB is a members-only plan (not in the public index); 144-QĐ/TW is public.
      expect(numberLookup('05-KH/CB quy định 144')?.also?.shortKeys).toEqual(expect.arrayContaining(['144-qd']))
      expect((await slugs(engine, '05-KH/CB quy định 144'))[0]).toBe('quy-dinh-144-tw-2024')
      expect(numberLookup('21-NQ/TW')?.also).toBeUndefined()
    } finally {
      await engine.close()
    }
  })
})

describe('ranking: inside a tier', () => {
  async function ranked(items: SearchItem[], text: string): Promise<string[]> {
    const engine = open()
    try {
      await engine.replaceAll(inBatches(items, 100))
      return await slugs(engine, text)
    } finally {
      await engine.close()
    }
  }

  it('puts the document titled with the phrase above a newer news item quoting it in its headline', async () => {
    const doc = syntheticDocument('quy-dinh-chuan-muc', { title: 'Về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên', issuedAt: '2024-05-09' })
    const news = {
      ...syntheticDocument('tin-quan-triet', {
        title: 'Đảng bộ xã học tập, quán triệt Quy định về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên',
        issuedAt: '2024-06-17',
      }),
      kind: 'news' as const,
      id: 'news:tin-quan-triet',
      url: '/tin-tuc/tin-quan-triet/',
      number: null,
      type: null,
    }
    expect(await ranked([news, doc], 'chuẩn mực đạo đức cách mạng')).toEqual(['quy-dinh-chuan-muc', 'tin-quan-triet'])
    // The same in the shared corpus: Quy định 144 above the news item about it.
    const corpus = await ranked(corpusSearchItems(), 'chuẩn mực đạo đức cách mạng')
    expect(corpus.indexOf('quy-dinh-144-tw-2024')).toBe(0)
    expect(corpus).toContain('news-2024-06-17-hoa-phong-quan-triet-quy-dinh-144')
  })

  it('rewards the words together and in order over the same words apart', async () => {
    const apart = syntheticDocument('xa-nhau', { title: 'Nâng cao năng lực lãnh đạo và chất lượng sinh hoạt của chi bộ', issuedAt: '2024-09-01' })
    const together = syntheticDocument('gan-nhau', { title: 'Nâng cao chất lượng sinh hoạt chi bộ ở cơ sở trong giai đoạn hiện nay', issuedAt: '2020-01-01' })
    expect(await ranked([apart, together], 'sinh hoạt chi bộ')).toEqual(['gan-nhau', 'xa-nhau'])
  })

  it('weighs rare words above common ones', async () => {
    // Every item has "đảng viên"; only two have "khuyến học", each with one of the two words in its title.
    const filler = Array.from({ length: 20 }, (_, i) => syntheticDocument(`dang-vien-${i}`, { title: `Đảng viên tiêu biểu số ${i}`, issuedAt: '2024-01-01' }))
    const rare = syntheticDocument('khuyen-hoc', { title: 'Quỹ khuyến học của chi bộ', summary: 'Đảng viên đóng góp.', issuedAt: '2020-01-01' })
    const common = syntheticDocument('dang-vien-gop', { title: 'Đảng viên đóng góp quỹ của chi bộ', summary: 'Khuyến học.', issuedAt: '2024-06-01' })
    expect(await ranked([...filler, rare, common], 'đảng viên khuyến học')).toEqual(['khuyen-hoc', 'dang-vien-gop'])
  })

  it('reads words typed in Telex without conversion like the words they stand for', async () => {
    expect(telexWord('quyeets')).toBe('quyet')
    expect(telexWord('nghij')).toBe('nghi')
    expect(telexWord('dduwowngf')).toBe('duong')
    expect(telexWord('ddooir')).toBe('doi')
    expect(telexWord('quyet')).toBeNull()
    const corpus = corpusSearchItems()
    const typed = await ranked(corpus, 'nghij quyeets chuyeenr ddooir soos')
    const converted = await ranked(corpus, 'nghị quyết chuyển đổi số')
    expect(converted.length).toBeGreaterThan(1)
    expect(typed.slice(0, 3)).toEqual(converted.slice(0, 3))
  })
})
