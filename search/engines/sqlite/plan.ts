/**
 * A query plan: what each query word may match (itself, the completions of the last word, typo
 * candidates), as FTS5 syntax and as the same alternatives for the in-memory posting sets, plus
 * the phrase the ranking's tier 2 looks for.
 *
 * The plan is the one description of a query both paths read: FTS5 (the expression) and the
 * posting sets (the alternatives) must answer the same question, or the in-memory answer would
 * differ from FTS5's. Whether a word is known, and its completions and candidates, come from
 * vocab_g (typos.ts).
 */
import { MIN_PREFIX_LENGTH } from '../../ranking'
import type { Connection } from './connection'
import { ASCII_TOKEN, type Term } from './postings'
import type { Tables } from './schema'
import { candidates, completions } from './typos'

export interface WordGroup {
  word: string
  prefix: boolean
  known: boolean
  /** For a prefix: the indexed words it stands for, or null when FTS5 expands `word*` itself. */
  completions: string[] | null
  candidates: string[]
}

export interface Plan {
  groups: WordGroup[]
  /** FTS5 expression: every group must match. */
  expr: string
  /** The same as terms: every group (AND) is a list of alternatives (OR), "word" or "prefix*". */
  alts: Term[][]
  /** The words as one phrase (null when typo candidates are in play or there is one word). */
  phrase: string | null
  /** The phrase as folded words, the last one a prefix when phrasePrefix. */
  phraseWords: string[] | null
  phrasePrefix: boolean
  /** False when some word can match nothing: no need to ask FTS5. */
  matchable: boolean
  /** Whether fuzzy mode added candidates to a word the index knows. */
  widened: boolean
}

export const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

/** A term in FTS5 syntax. */
export const ftsTerm = (term: Term) => (term.endsWith('*') ? `${quote(term.slice(0, -1))}*` : quote(term))

function knows(c: Connection, t: Tables, word: string): boolean {
  return c.get(`SELECT 1 AS x FROM ${t.vocab} WHERE term = ?`, word) !== undefined
}

/**
 * The plan for `words`: the last one a prefix when `lastIsPrefix`; typo candidates for words the
 * index does not know, and for every word when `fuzzy`.
 */
export function planQuery(c: Connection, t: Tables, words: string[], lastIsPrefix: boolean, fuzzy: boolean, memo: Map<string, unknown> = new Map()): Plan {
  let matchable = true
  let widened = false
  // The match set retries with fewer words (match.ts): each word's lookups are made once per query.
  const once = <T>(key: string, make: () => T): T => {
    if (!memo.has(key)) memo.set(key, make())
    return memo.get(key) as T
  }
  const groups = words.map((word, i): WordGroup => {
    const prefix = lastIsPrefix && i === words.length - 1 && word.length >= MIN_PREFIX_LENGTH
    const completed = prefix ? once(`c ${word}`, () => completions(c, t, word)) : null
    const known = prefix ? completed === null || completed.length > 0 : once(`k ${word}`, () => knows(c, t, word))
    const typos = (!known || fuzzy ? once(`t ${word}`, () => candidates(c, t, word)) : []).filter((x) => !completed?.includes(x))
    if (known && typos.length) widened = true
    if (!known && typos.length === 0) matchable = false
    return { word, prefix, known, completions: completed, candidates: typos }
  })
  const alts = groups.map((g): Term[] => {
    const own = !g.prefix ? [g.word] : g.completions === null ? [`${g.word}*`] : g.completions
    return [...own, ...g.candidates]
  })
  const expr = alts.map((alternatives) => (alternatives.length === 1 ? ftsTerm(alternatives[0]) : `(${alternatives.map(ftsTerm).join(' OR ')})`)).join(' AND ')
  const last = groups[groups.length - 1]
  let phrase: string | null = null
  let phraseWords: string[] | null = null
  let phrasePrefix = false
  if (groups.length > 1 && groups.every((g) => g.known && g.candidates.length === 0)) {
    if (last.prefix && last.completions?.length === 1) {
      phraseWords = [...words.slice(0, -1), last.completions[0]]
      phrase = quote(phraseWords.join(' '))
    } else {
      phraseWords = words
      phrasePrefix = last.prefix
      phrase = `${quote(words.join(' '))}${last.prefix ? '*' : ''}`
    }
    // Checked in JS only when every word is one FTS5 token for sure.
    if (!phraseWords.every((w) => ASCII_TOKEN.test(w))) phraseWords = null
  }
  return { groups, expr, alts, phrase, phraseWords, phrasePrefix, matchable, widened }
}
