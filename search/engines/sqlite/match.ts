/**
 * The match set of a query — the items with every query word somewhere — computed from in-memory
 * posting sets instead of FTS5, and the same for the narrower scopes the ranking tiers use.
 *
 * Ordinary Vietnamese syllables are in most items ("thực hiện": 95 %); having FTS5 decode their
 * doclists on every search cost 4–9 ms for the match set at 100 k items, where ANDs and ORs of
 * bitmaps cost microseconds. A word's set is read from FTS5 once, then kept in memory.ts's
 * PostingsCache and patched there on every commit, so the answer stays exactly what FTS5 would
 * give for the plan's expression. When all words together match nothing, the query is retried
 * with typo candidates for every word, then with trailing words dropped one at a time.
 */
import type { NumberLookup } from '../../ranking'
import { addIds, andInto, popcount, type Bits } from './bits'
import type { ActiveFilter, BitEvaluation, ItemColumns, Visible } from './columns'
import type { Connection } from './connection'
import type { Memory } from './memory'
import { ftsTerm, planQuery, quote, type Plan } from './plan'
import { ASCII_TOKEN, orSetInto, postingSet, postingSetOfBits, type PostingSet, type Scope, type Term } from './postings'
import type { Tables } from './schema'
import { warmupMinDocs } from './warmup'

/** A query's match set with its facet counts, kept for paging and facet clicks (Memory.recall). */
export interface Matched {
  plan: Plan
  ev: BitEvaluation
  numberRids: number[]
}

/** Words left out by relax() before the rest are dropped from the end (bounds the cost of a long query matching nothing). */
const MAX_RELAX_LEVELS = 4

/** A prefix with more rare completions than this is left to FTS5's prefix query. */
const MAX_RARE_COMPLETIONS = 512

/** Table and column filter of each posting scope (see postings.ts). */
const SCOPE_QUERY: Record<Scope, { table: keyof Tables; columns: string }> = {
  full: { table: 'full', columns: '' },
  title: { table: 'head', columns: '{number title} : ' },
  catalogue: { table: 'head', columns: '{number title meta} : ' },
  head: { table: 'head', columns: '' },
}

/** Rowids coming out of the FTS tables as one JSON array: ~3× faster than one row object each. */
export function parseIds(json: unknown): number[] {
  return typeof json === 'string' ? (JSON.parse(json) as number[]) : []
}

export class Matcher {
  constructor(
    private readonly c: Connection,
    private readonly memory: Memory,
  ) {}

  /**
   * The match set of a query with its facets, among the `visible` rows: all words, then with
   * typos, then fewer words (what counts as "nothing matches" is what the reader sees). Which words
   * to leave out: relax().
   */
  match(t: Tables, columns: ItemColumns, words: string[], lookup: NumberLookup | null, filters: ActiveFilter[], visible: Visible): Matched {
    const numberRids = lookup ? this.numberRids(t, lookup) : []
    let first: { plan: Plan; ev: BitEvaluation } | null = null
    const memo = new Map<string, unknown>()
    const attempt = (kept: number[]): { plan: Plan; ev: BitEvaluation } | null => {
      const last = kept[kept.length - 1] === words.length - 1
      for (const fuzzy of [false, true]) {
        const plan = planQuery(
          this.c,
          t,
          kept.map((i) => words[i]),
          last,
          fuzzy,
          memo,
        )
        if (fuzzy && !plan.widened) break
        const bits = plan.matchable ? this.exprBits(t, columns, plan, 'full') : new Uint32Array(columns.words)
        if (numberRids.length) addIds(bits, numberRids)
        const ev = columns.evaluateBits(bits, filters, visible)
        if (kept.length === words.length) first = { plan, ev }
        if (ev.n > 0) return { plan, ev }
      }
      return null
    }
    let kept = words.map((_, i) => i)
    let chosen = attempt(kept)
    for (let level = 0; !chosen && kept.length > 1; level++) {
      kept = level < MAX_RELAX_LEVELS ? this.relax(t, columns, words, kept, columns.passing(filters, visible), memo) : kept.slice(0, -1)
      chosen = attempt(kept)
    }
    return { ...(chosen ?? first!), numberRids }
  }

  /**
   * `kept` less one word, when all of them match nothing `within` (the visible rows passing the
   * filters): a word no such item has (even with
   * typos), else — among the words whose removal leaves a match — the commonest (it tells the
   * least), else the last word. "lịch sinh hoạt chi bộ thường kỳ" on the public site loses
   * "lịch" (only members' notices have it with the rest), where dropping trailing words kept
   * "lịch" and lost "thường kỳ". One AND per word from prefix and suffix products: ~3 × words
   * bitmap operations per level, and only on the path where nothing matched.
   */
  private relax(t: Tables, columns: ItemColumns, words: string[], kept: number[], within: Bits, memo: Map<string, unknown>): number[] {
    const plan = planQuery(
      this.c,
      t,
      kept.map((i) => words[i]),
      kept[kept.length - 1] === words.length - 1,
      true,
      memo,
    )
    const sets = plan.alts.map((alternatives) => {
      const group = new Uint32Array(columns.words)
      for (const term of alternatives) orSetInto(group, this.postingSet(t, columns, 'full', term))
      andInto(group, within)
      return group
    })
    const counts = sets.map(popcount)
    const dead = counts.indexOf(0)
    if (dead >= 0) return kept.filter((_, i) => i !== dead)
    const n = sets.length
    const prefix: Bits[] = [new Uint32Array(columns.words).fill(0xffffffff)]
    for (let i = 0; i < n; i++) {
      const next = prefix[i].slice()
      andInto(next, sets[i])
      prefix.push(next)
    }
    const suffix: Bits = new Uint32Array(columns.words).fill(0xffffffff)
    let drop = -1
    for (let i = n - 1; i >= 0; i--) {
      const without = prefix[i].slice()
      andInto(without, suffix)
      if (popcount(without) > 0 && (drop < 0 || counts[i] > counts[drop])) drop = i
      andInto(suffix, sets[i])
    }
    if (drop < 0) drop = n - 1
    return kept.filter((_, i) => i !== drop)
  }

  private numberRids(t: Tables, lookup: NumberLookup): number[] {
    if (lookup.also) return [...new Set([...this.numberRids(t, { ...lookup, also: undefined }), ...this.numberRids(t, lookup.also)])]
    const rows = this.c.all<{ rid: number; year: number }>(
      `SELECT rid, year FROM ${t.items} WHERE number_key IN (SELECT value FROM json_each(?1))
       UNION SELECT rid, year FROM ${t.items} WHERE number_short_key IN (SELECT value FROM json_each(?2))`,
      JSON.stringify(lookup.keys),
      JSON.stringify(lookup.shortKeys),
    )
    return rows.filter((r) => lookup.year === null || r.year === lookup.year).map((r) => r.rid)
  }

  /** The items matching every group of `plan` in `scope`: what FTS5 answers for the plan's expression there. */
  exprBits(t: Tables, columns: ItemColumns, plan: Plan, scope: Scope): Bits {
    const words = columns.words
    let all: Bits | null = null
    for (const alternatives of plan.alts) {
      const group = new Uint32Array(words)
      for (const term of alternatives) orSetInto(group, this.postingSet(t, columns, scope, term))
      if (all) andInto(all, group)
      else all = group
    }
    return all ?? new Uint32Array(words)
  }

  /** The items containing `term` in `scope`: from memory, else from FTS5 (then kept). */
  postingSet(t: Tables, columns: ItemColumns, scope: Scope, term: Term): PostingSet {
    const cached = this.memory.postings.get(scope, term)
    if (cached) return cached
    const set = (term.endsWith('*') && this.prefixSet(t, columns, scope, term.slice(0, -1))) || postingSet(this.ftsIds(t, scope, ftsTerm(term)), columns.words)
    this.memory.postings.put(scope, term, set)
    return set
  }

  private ftsIds(t: Tables, scope: Scope, expr: string): number[] {
    const { table, columns } = SCOPE_QUERY[scope]
    const name = t[table]
    return parseIds(this.c.get<{ ids: string }>(`SELECT json_group_array(rowid) AS ids FROM ${name} WHERE ${name} MATCH ?`, columns + expr)?.ids)
  }

  /**
   * A prefix as the words it completes to: the frequent ones from their (warm) posting sets, the
   * rare ones in one FTS5 query. FTS5's own `dang*` decodes the 96 k postings of "dang" again
   * (~10 ms at 100 k items; this: ~0.1 ms). Null when it does not apply: too many rare
   * completions, or an index holding words outside [a-z0-9] (FTS5 might split those into tokens
   * the vocabulary does not list).
   */
  private prefixSet(t: Tables, columns: ItemColumns, scope: Scope, prefix: string): PostingSet | null {
    if (!ASCII_TOKEN.test(prefix) || !this.asciiVocab(t, columns)) return null
    const rows = this.c.all<{ term: string; docs: number }>(
      `SELECT term, docs FROM ${t.vocab} WHERE term >= ? AND term < ? LIMIT ${MAX_RARE_COMPLETIONS + 64}`,
      prefix,
      `${prefix}\uffff`,
    )
    const frequent = warmupMinDocs(columns)
    const rare = rows.filter((r) => r.docs < frequent)
    if (rows.length >= MAX_RARE_COMPLETIONS + 64 || rare.length > MAX_RARE_COMPLETIONS) return null
    const bits = new Uint32Array(columns.words)
    for (const r of rows) if (r.docs >= frequent) orSetInto(bits, this.postingSet(t, columns, scope, r.term))
    if (rare.length) addIds(bits, this.ftsIds(t, scope, `(${rare.map((r) => quote(r.term)).join(' OR ')})`))
    return postingSetOfBits(bits)
  }

  /** Whether every word of the vocabulary is made of [a-z0-9] (checked once per generation's columns; a change to a word outside clears it). */
  private asciiVocab(t: Tables, columns: ItemColumns): boolean {
    columns.asciiVocab ??= this.c.get(`SELECT 1 AS x FROM ${t.vocab} WHERE term GLOB '*[^a-z0-9]*' LIMIT 1`) === undefined
    return columns.asciiVocab
  }
}
