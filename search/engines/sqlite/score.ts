/**
 * The score that orders items inside a ranking tier (tiers.ts): BM25F-like, over what the engine
 * holds in memory — the folded number and title of each item (its headline) for term frequency,
 * title length and word positions, and the posting sets for whether a word sits in the catalogue
 * line, the summary or only the body.
 *
 * Tiers still decide number ≫ title ≫ catalogue ≫ summary ≫ body for the *whole* query; the score
 * orders items the tier cannot tell apart: rarer words count more (idf), a word in a short title
 * counts more than in a long one (a document titled with the phrase beats the news item quoting it
 * in a longer headline), words close together and in query order earn a proximity/phrase bonus,
 * and a word found only through a typo candidate counts TYPO_WEIGHT of an exact one (below, not
 * buried). Fields other than number/title only count as present or absent: the posting sets keep
 * no frequencies, and reading summaries and bodies per query would cost milliseconds at 100 k items.
 *
 * Everything here is a function of the documents and the query (corpus statistics, item text):
 * never of insertion order, so a fresh index and a live one score alike.
 */
import { FILTER_INDEX, type ItemColumns } from './columns'
import type { Plan } from './plan'
import { hasRid, type PostingSet, type Scope, type Term } from './postings'

/** BM25 saturation and length normalisation (the usual values). */
const K1 = 1.2
const B = 0.75
/** Average folded title length in words: the shared corpus and the generated 100 k library are both near 15. */
const AVG_TITLE_WORDS = 15
/** Field weights: number/title ≫ catalogue line ≫ summary ≫ body and attachments. */
const W_TITLE = 4
const W_META = 1.5
const W_SUMMARY = 1
const W_BODY = 0.4
/** A word matched only through a typo candidate counts this much of an exact match. */
export const TYPO_WEIGHT = 0.6
/** Bonus, as a share of the query's total idf, for the words adjacent in the title and in query order. */
const PHRASE_BONUS = 0.6
/** … and for the words close together in the title (scaled by how close), in any order. */
const PROXIMITY_BONUS = 0.3
/** In force ≫ superseded ≫ expired when otherwise equal, but not above a clearly better text match. */
const STATUS_FACTOR = [1, 0.9, 0.85]
/** Documents before news and topics that quote them, when otherwise equal. */
const NON_DOCUMENT_FACTOR = 0.93

/** One query word for scoring: its own terms (word, completions or prefix) and typo candidates, with sets per scope. */
interface GroupScore {
  exact: (token: string) => boolean
  idf: number
  sets: (scope: Scope, typo: boolean) => PostingSet[]
}

export type SetOf = (scope: Scope, term: Term) => PostingSet

export class Scorer {
  private readonly groups: GroupScore[]
  private readonly totalIdf: number
  private readonly documentCode: number
  /** Per headline token, the groups it matches and how (1 exact, TYPO_WEIGHT typo): one pass over a headline scores every group. */
  private readonly byToken = new Map<string, Array<[number, number]>>()
  /** Groups matching by prefix (FTS5 expands the prefix itself): checked per token. */
  private readonly prefixes: Array<[number, string]> = []

  constructor(
    private readonly columns: ItemColumns,
    plan: Plan,
    setOf: SetOf,
  ) {
    const n = Math.max(1, columns.size)
    this.groups = plan.groups.map((g, i): GroupScore => {
      const own = plan.alts[i].filter((term) => !g.candidates.includes(term))
      const ownWords = new Set(own.filter((term) => !term.endsWith('*')))
      const prefixes = own.filter((term) => term.endsWith('*')).map((term) => term.slice(0, -1))
      // An unknown word's rarity is its candidates' (else it would weigh as the rarest word of all).
      const ownDf = Math.max(0, ...own.map((term) => setOf('full', term).count))
      const df = Math.max(1, ownDf || Math.max(0, ...g.candidates.map((term) => setOf('full', term).count)))
      const cache = new Map<string, PostingSet[]>()
      return {
        exact: (token) => ownWords.has(token) || prefixes.some((p) => token.startsWith(p)),
        idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)),
        sets: (scope, typo) => {
          const key = `${scope}${typo}`
          let sets = cache.get(key)
          if (!sets) {
            sets = (typo ? g.candidates : own).map((term) => setOf(scope, term))
            cache.set(key, sets)
          }
          return sets
        },
      }
    })
    this.totalIdf = this.groups.reduce((sum, g) => sum + g.idf, 0)
    this.documentCode = columns.dicts.kind.index.get('document') ?? -1
    plan.groups.forEach((g, i) => {
      const add = (token: string, weight: number) => {
        const list = this.byToken.get(token) ?? []
        if (!list.some(([group]) => group === i)) list.push([i, weight])
        this.byToken.set(token, list)
      }
      for (const term of plan.alts[i]) {
        if (g.candidates.includes(term)) continue
        if (term.endsWith('*')) this.prefixes.push([i, term.slice(0, -1)])
        else add(term, 1)
      }
      for (const term of g.candidates) add(term, TYPO_WEIGHT)
    })
  }

  /**
   * The score of item `rid`; `headline` is its " <number> | <title> " line (tiers.ts), null when
   * it holds words outside [a-z0-9] (then the title counts as present/absent from the posting sets).
   * With `numberHit` (the exact-number tier), words found in the number are left out: the number
   * already placed the item, and what orders such items is the rest of the query (else in force,
   * then newest: the rank order).
   */
  score(rid: number, headline: string | null | undefined, numberHit = false): number {
    const tokens = headline ? headline.split(' ') : null
    const bar = tokens ? tokens.indexOf('|') : -1
    const titleLength = tokens ? Math.max(1, tokens.length - bar - 2) : AVG_TITLE_WORDS
    const norm = 1 - B + (B * titleLength) / AVG_TITLE_WORDS
    const n = this.groups.length
    // Per group: title frequency, best match in the number, and title positions (for proximity).
    const tfs = new Float64Array(n)
    const inNumbers = new Float64Array(n)
    const at: number[][] = Array.from({ length: n }, () => [])
    if (tokens) {
      const hit = (group: number, weight: number, i: number) => {
        // The number is written several ways in its column ("21-NQ/TW 21-nq/tw 21nqtw"): once is enough.
        if (i < bar) inNumbers[group] = Math.max(inNumbers[group], weight)
        else {
          tfs[group] += weight
          at[group].push(i - bar - 1)
        }
      }
      for (let i = 1; i < tokens.length - 1; i++) {
        const token = tokens[i]
        const list = this.byToken.get(token)
        if (list) for (const [group, weight] of list) hit(group, weight, i)
        for (const [group, prefix] of this.prefixes) if (token.startsWith(prefix) && !list?.some(([g]) => g === group)) hit(group, 1, i)
      }
    }
    const positions: number[][] = []
    let score = 0
    const isDocument = this.columns.cols[FILTER_INDEX.kind][rid] === this.documentCode
    const yearCode = this.columns.cols[FILTER_INDEX.year][rid]
    const year = yearCode >= 0 ? this.columns.dicts.year.values[yearCode] : null
    for (let k = 0; k < n; k++) {
      const g = this.groups[k]
      const inNumber = inNumbers[k]
      const tf = tokens ? tfs[k] + inNumber : this.inScope(g, 'title', rid)
      if (numberHit && inNumber > 0) continue
      positions.push(at[k])
      score += this.groupScore(g, tf, norm, rid, isDocument, year)
    }
    score += this.totalIdf * this.proximity(positions)
    const status = STATUS_FACTOR[this.columns.rank[rid]] ?? 1
    const kind = isDocument ? 1 : NON_DOCUMENT_FACTOR
    return score * status * kind
  }

  /** One word's BM25F share: title frequency (length-normalised) or the best other field it is in. */
  private groupScore(g: GroupScore, titleTf: number, norm: number, rid: number, isDocument: boolean, year: string | null): number {
    let tf = titleTf
    // A document's year is part of how it is cited ("Chỉ thị 35-CT/TW năm 2019": numbers are
    // reused from one term to the next), so it weighs like a title word rather than a catalogue one.
    if (tf === 0 && isDocument && year !== null && g.exact(year)) tf = 1
    let weighted = (W_TITLE * tf) / norm
    if (tf === 0) {
      const meta = this.inScope(g, 'catalogue', rid)
      const summary = meta ? 0 : this.inScope(g, 'head', rid)
      // Not in the head means body or attachment text (or nowhere: a number hit without the word).
      weighted = meta ? W_META * meta : summary ? W_SUMMARY * summary : W_BODY * this.inScope(g, 'full', rid)
    }
    return (g.idf * weighted * (K1 + 1)) / (weighted + K1)
  }

  /** 1 for an exact term of the group in `scope`, TYPO_WEIGHT for a typo candidate only, else 0. */
  private inScope(g: GroupScore, scope: Scope, rid: number): number {
    if (g.sets(scope, false).some((set) => hasRid(set, rid))) return 1
    return g.sets(scope, true).some((set) => hasRid(set, rid)) ? TYPO_WEIGHT : 0
  }

  /**
   * The proximity/phrase share for the words' title positions: PHRASE_BONUS + PROXIMITY_BONUS when
   * they are adjacent in query order, PROXIMITY_BONUS × (words − 1) / (span − 1) for the smallest
   * window holding one of each, 0 with fewer than two words or a word missing from the title.
   */
  private proximity(positions: number[][]): number {
    const n = positions.length
    if (n < 2 || positions.some((p) => p.length === 0)) return 0
    // In query order, adjacent: some start p with word i at p + i.
    const sets = positions.map((p) => new Set(p))
    for (const start of positions[0]) {
      let ok = true
      for (let i = 1; i < n && ok; i++) ok = sets[i].has(start + i)
      if (ok) return PHRASE_BONUS + PROXIMITY_BONUS
    }
    // Smallest window holding every word: positions tagged by word, swept once.
    const tagged: Array<[number, number]> = []
    positions.forEach((p, word) => {
      for (const x of p) tagged.push([x, word])
    })
    tagged.sort((a, b) => a[0] - b[0] || a[1] - b[1])
    const counts = new Int32Array(n)
    let covered = 0
    let best = Number.POSITIVE_INFINITY
    let lo = 0
    for (let hi = 0; hi < tagged.length; hi++) {
      if (counts[tagged[hi][1]]++ === 0) covered++
      while (covered === n) {
        best = Math.min(best, tagged[hi][0] - tagged[lo][0] + 1)
        if (--counts[tagged[lo][1]] === 0) covered--
        lo++
      }
    }
    return Number.isFinite(best) ? (PROXIMITY_BONUS * (n - 1)) / Math.max(n - 1, best - 1) : 0
  }
}

/** Sorts `rids` (given in rank order) by `score`, highest first; equal scores keep the rank order. */
export function byScore(rids: number[], score: (rid: number) => number): number[] {
  const scored = rids.map((rid, i) => ({ rid, i, s: score(rid) }))
  scored.sort((a, b) => b.s - a.s || a.i - b.i)
  return scored.map((x) => x.rid)
}
