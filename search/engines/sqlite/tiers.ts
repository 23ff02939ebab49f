/**
 * Ranking: which items of a match set fill the requested page, in tiers, then by score.
 *   1. exact number hits  2. the words as a phrase in number/title  3. all words in number/title
 *   4. … in number/title/catalogue line  5. … in the head (adds the summary)  6. the rest (body,
 *   attachment text); within a tier, the first RERANK_WINDOW items of the rank order of the item
 *   columns (in force first, then newest, then by URL) are ordered by a BM25F-like score
 *   (score.ts: word rarity, title length, proximity, typos), the ones after them keep the rank order.
 *
 * FTS5's bm25 reads the whole posting list of every word for its IDF (~60 ms for a common word
 * over 100 k items) and would rank by word statistics a member does not see; tiers follow what a
 * member expects and, as bitmaps from the in-memory posting sets (match.ts), cost microseconds.
 * Tiers are computed lazily, only as far as the requested page reaches. The phrase tier needs
 * word positions, which the posting sets do not keep: it checks the folded number and title
 * ("headlines", kept in ItemColumns) of the best-ranked candidates in JS, with FTS5 as the fallback.
 */
import { numberText } from '../../indexing'
import { foldWords } from '../../../core/vietnamese'
import { andInto, andNotInto, bitsOf, has, orInto, popcount, type Bits } from './bits'
import type { BitEvaluation, ItemColumns } from './columns'
import type { Connection } from './connection'
import { parseIds, type Matcher } from './match'
import type { Plan } from './plan'
import { ASCII_TOKEN } from './postings'
import type { Tables } from './schema'
import { byScore, Scorer } from './score'

/**
 * Items per tier ordered by score. The rank order picks them (in force and recent first), so a
 * window is a fixed set whatever page is asked: pages never overlap or skip. 30 covers the first
 * three pages of ten. The phrase tier must find at least this many phrases before it stops (see
 * rankPage): with 100, a common-word query whose phrase is rare checked ten times more candidates
 * than for a page of ten, and often fell back to FTS5 (bench/search: "no-match", "long").
 */
export const RERANK_WINDOW = 30

/**
 * The phrase tier checks candidates in JS (phraseTier) until it has the page; it asks FTS5 for the
 * whole phrase instead after this many candidates, or this many headlines read.
 */
const MAX_PHRASE_CHECKS = 20_000
const MAX_PHRASE_FETCHES = 512
/**
 * Headlines (folded number and title, for the phrase tier) kept per connection: ~130 bytes each,
 * so 13 MB at 100 k items; the warm-up (warmup.ts) loads them best-ranked first.
 */
export const MAX_HEADLINES = 150_000

interface PhraseRow {
  rid: number
  number: string | null
  number_key: string | null
  number_short_key: string | null
  number_compact_key: string | null
  title: string
}

export class Ranker {
  constructor(
    private readonly c: Connection,
    private readonly matcher: Matcher,
  ) {}

  /**
   * The rowids of one page. Tiers are assigned in order until they cover the page; whatever is
   * left is the last tier (words found only with the body or attachment text). Every tier is a
   * bitmap: the exact numbers, the phrase in number/title (checked in JS on the best-ranked
   * candidates only), then the plan's words in number/title, number/title/catalogue line and the
   * head, from the in-memory posting sets; the page is read off the rank order.
   */
  rankPage(t: Tables, columns: ItemColumns, ev: BitEvaluation, numberRids: number[], plan: Plan, offset: number, limit: number): number[] {
    const need = offset + limit
    const result = ev.bits
    const taken = new Uint32Array(result.length)
    const tiers: Array<{ bits: Bits; count: number }> = []
    let assigned = 0
    const add = (bits: Bits) => {
      andInto(bits, result)
      andNotInto(bits, taken)
      const count = popcount(bits)
      orInto(taken, bits)
      tiers.push({ bits, count })
      assigned += count
    }
    add(bitsOf(numberRids, result.length))
    if (plan.matchable) {
      let title: Bits | null = null
      if (plan.phrase && assigned < need) {
        title = this.matcher.exprBits(t, columns, plan, 'title')
        andInto(title, result)
        andNotInto(title, taken)
        // At least the window: the phrase items scored together must not depend on the page asked.
        add(this.phraseTier(t, columns, title, plan, Math.max(need - assigned, RERANK_WINDOW)))
      }
      for (const scope of ['title', 'catalogue', 'head'] as const) {
        if (assigned >= need) break
        add(scope === 'title' && title ? title : this.matcher.exprBits(t, columns, plan, scope))
      }
    }
    // The rest; its count is only used when the tiers above are complete (assigned < need).
    const restIndex = tiers.length
    const counts = [...tiers.map((x) => x.count), ev.n - assigned]

    // Which slice of which tier the page needs; each such tier is read from its start, as far as
    // the slice or the scoring window reaches.
    const wanted = new Map<number, { from: number; to: number; take: number; got: number[] }>()
    let start = 0
    let missing = 0
    counts.forEach((count, index) => {
      const from = Math.max(0, offset - start)
      const to = Math.min(count, need - start)
      if (from < to) {
        const take = Math.min(count, Math.max(to, RERANK_WINDOW))
        wanted.set(index, { from, to, take, got: [] })
        missing += take
      }
      start += count
    })
    const ranked = columns.rankOrder()
    for (let i = 0; i < ranked.length && missing > 0; i++) {
      const rid = ranked[i]
      if (!has(result, rid)) continue
      let index = 0
      while (index < restIndex && !has(tiers[index].bits, rid)) index++
      const slot = wanted.get(index)
      if (!slot || slot.got.length >= slot.take) continue
      slot.got.push(rid)
      missing--
    }
    let scorer: Scorer | null = null
    return counts.flatMap((_, index) => {
      const slot = wanted.get(index)
      if (!slot) return []
      const window = slot.got.slice(0, RERANK_WINDOW)
      if (window.length > 1 && plan.matchable) {
        scorer ??= new Scorer(columns, plan, (scope, term) => this.matcher.postingSet(t, columns, scope, term))
        this.headlinesOf(t, columns, window)
        const s = scorer
        const ordered = byScore(window, (rid) => s.score(rid, columns.headlines[rid] ?? this.transient.get(rid), index === 0))
        slot.got.splice(0, window.length, ...ordered)
      }
      return slot.got.slice(slot.from, slot.to)
    })
  }

  /** Headlines computed for this query only (past MAX_HEADLINES kept per connection). */
  private transient = new Map<number, string | null | undefined>()

  /** Makes sure the headlines of `rids` are at hand: in the columns, or in `transient`. */
  private headlinesOf(t: Tables, columns: ItemColumns, rids: number[]): void {
    this.transient = new Map()
    const missing = rids.filter((rid) => columns.headlines[rid] === undefined)
    if (missing.length === 0) return
    this.loadHeadlines(t, columns, missing).forEach((line, i) => this.transient.set(missing[i], line))
  }

  /**
   * Tier 2, the words as a phrase in number or title, among `candidates` (the items with every word
   * there, best ranked first). FTS5 would read the positions of every word over the whole index
   * (13 ms for "thực hiện" at 100 k items); instead the best-ranked candidates are checked in JS,
   * on their folded number and title, until `want` are found. The bitmap returned then holds every
   * phrase item ranked before the last one checked, which is all the page can use. After
   * MAX_PHRASE_CHECKS candidates without enough phrases, FTS5 answers for the whole phrase.
   */
  private phraseTier(t: Tables, columns: ItemColumns, candidates: Bits, plan: Plan, want: number): Bits {
    const words = plan.phraseWords
    const fromFts = () => {
      const bits = bitsOf(this.headIds(t, `{number title} : ${plan.phrase}`), candidates.length)
      andInto(bits, candidates)
      return bits
    }
    if (!words) return fromFts()
    // In a headline " <number tokens> | <title tokens> ": a token boundary before, and after unless a prefix.
    const needle = ` ${words.join(' ')}${plan.phrasePrefix ? '' : ' '}`
    const lines = columns.headlines
    const found = new Uint32Array(candidates.length)
    let count = 0
    let checked = 0
    let fetched = 0
    let size = 16
    const batch: number[] = []
    const check = () => {
      const missing = batch.filter((rid) => lines[rid] === undefined)
      const loaded = new Map<number, string | null | undefined>()
      if (missing.length) {
        this.loadHeadlines(t, columns, missing).forEach((line, i) => loaded.set(missing[i], line))
        fetched += missing.length
      }
      for (const rid of batch) {
        const line = lines[rid] !== undefined ? lines[rid] : loaded.get(rid)
        const hit = line === null ? this.phraseByFts(t, plan, rid) : line?.includes(needle)
        if (hit) {
          found[rid >>> 5] |= 1 << (rid & 31)
          count++
        }
      }
      checked += batch.length
      batch.length = 0
    }
    const ranked = columns.rankOrder()
    for (let i = 0; i < ranked.length; i++) {
      const rid = ranked[i]
      if (!has(candidates, rid)) continue
      batch.push(rid)
      if (batch.length < size) continue
      check()
      if (count >= want) return found
      if (fetched >= MAX_PHRASE_FETCHES || checked >= MAX_PHRASE_CHECKS) return fromFts()
      size = Math.min(size * 2, 256)
    }
    if (batch.length) check()
    return found
  }

  /**
   * Folded number and title of `rids` into the columns' headlines (see ItemColumns.headlines); past
   * MAX_HEADLINES kept per connection, they are computed for this query only. Returns them in
   * the order of `rids`.
   */
  loadHeadlines(t: Tables, columns: ItemColumns, rids: number[]): Array<string | null | undefined> {
    if (rids.length === 0) return []
    const rows = this.c.all<PhraseRow>(
      `SELECT rid, number, number_key, number_short_key, number_compact_key, title FROM ${t.items} WHERE rid IN (SELECT value FROM json_each(?))`,
      JSON.stringify(rids),
    )
    const lines = new Map<number, string | null>()
    for (const row of rows) {
      const number = foldWords(
        numberText({ number: row.number, numberKey: row.number_key, numberShortKey: row.number_short_key, numberCompactKey: row.number_compact_key }),
      )
      const title = foldWords(row.title)
      // A word outside [a-z0-9] might be split differently by FTS5's tokenizer: that item asks FTS5.
      const exact = number.every((w) => ASCII_TOKEN.test(w)) && title.every((w) => ASCII_TOKEN.test(w))
      // join() builds one flat string (a template literal keeps its parts: twice the memory).
      const line = exact ? ['', ...number, '|', ...title, ''].join(' ') : null
      lines.set(row.rid, line)
      if (columns.headlineCount < MAX_HEADLINES && columns.headlines[row.rid] === undefined) {
        columns.headlines[row.rid] = line
        columns.headlineCount++
      }
    }
    return rids.map((rid) => lines.get(rid))
  }

  /** FTS5's `{number title} : "phrase"` for one item. */
  private phraseByFts(t: Tables, plan: Plan, rid: number): boolean {
    return this.c.get(`SELECT 1 AS x FROM ${t.head} WHERE ${t.head} MATCH ? AND rowid = ?`, `{number title} : ${plan.phrase}`, rid) !== undefined
  }

  /** The items matching `expr` in head_g. */
  private headIds(t: Tables, expr: string): number[] {
    return parseIds(this.c.get<{ ids: string }>(`SELECT json_group_array(rowid) AS ids FROM ${t.head} WHERE ${t.head} MATCH ?`, expr)?.ids)
  }
}
