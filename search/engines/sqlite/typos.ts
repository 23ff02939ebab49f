/**
 * What a query word may stand for besides itself, looked up in vocab_g: completions of the last
 * word (a prefix) and typo candidates of a word the index does not know (or of every word, in the
 * second, fuzzy pass).
 *
 * FTS5 knows neither typos nor, cheaply, long prefixes; the vocabulary table lists every indexed
 * word with its document count, so both become an explicit OR of real words. Candidates keep the
 * first letter and stay within search/ranking.ts's typo budget (one edit from 4 letters, two from
 * 8), most frequent first, so that a slip finds the word a member meant rather than a rare one.
 */
import { telexWord, typoBudget } from '../../ranking'
import type { Connection } from './connection'
import type { Tables } from './schema'

/** Typo candidates kept per word, most frequent first. */
const MAX_CANDIDATES = 8
/** A last word with more completions than this is left to FTS5's own prefix query. */
const MAX_COMPLETIONS = 16

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'

/** Every string one edit away that keeps the first letter (deletion, transposition, substitution, insertion). */
function editsKeepingFirst(word: string): string[] {
  const out = new Set<string>()
  for (let i = 1; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1))
    if (i < word.length - 1) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2))
    for (const c of ALPHABET) if (c !== word[i]) out.add(word.slice(0, i) + c + word.slice(i + 1))
  }
  for (let i = 1; i <= word.length; i++) for (const c of ALPHABET) out.add(word.slice(0, i) + c + word.slice(i))
  out.delete(word)
  return [...out]
}

/** Optimal string alignment distance, or max + 1 as soon as it must exceed max. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1)
      cur.push(v)
      rowMin = Math.min(rowMin, v)
    }
    if (rowMin > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]
}

/**
 * Indexed words starting with `word`, when there are at most MAX_COMPLETIONS of them: FTS5
 * answers an explicit OR of a few words faster than a prefix query its prefix index does not
 * cover (4+ letters). Null means "many": let FTS5 expand `word*` itself.
 */
export function completions(c: Connection, t: Tables, word: string): string[] | null {
  const rows = c.all<{ term: string }>(
    `SELECT term FROM ${t.vocab} WHERE term >= ? AND term < ? ORDER BY term LIMIT ${MAX_COMPLETIONS + 1}`,
    word,
    `${word}\uffff`,
  )
  if (rows.length > MAX_COMPLETIONS || (word.length <= 3 && rows.length > 1)) return null
  return rows.map((r) => r.term)
}

/**
 * Indexed words within the typo budget of `word`: its Telex reading first (ranking.ts, telexWord:
 * "quyeets" → quyet), then nearest first, then most frequent.
 */
export function candidates(c: Connection, t: Tables, word: string): string[] {
  const telex = telexWord(word)
  const read = telex && c.get(`SELECT 1 AS x FROM ${t.vocab} WHERE term = ?`, telex) !== undefined ? [telex] : []
  return [...read, ...nearby(c, t, word).filter((x) => x !== telex)].slice(0, MAX_CANDIDATES)
}

function nearby(c: Connection, t: Tables, word: string): string[] {
  const budget = typoBudget(word)
  if (budget === 0) return []
  let rows: Array<{ term: string; docs: number }>
  if (budget === 1) {
    rows = c.all(`SELECT term, docs FROM ${t.vocab} WHERE term IN (SELECT value FROM json_each(?))`, JSON.stringify(editsKeepingFirst(word)))
  } else {
    const first = word[0]
    const after = String.fromCharCode(first.charCodeAt(0) + 1)
    rows = c.all(
      `SELECT term, docs FROM ${t.vocab} WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`,
      first,
      after,
      word.length - 2,
      word.length + 2,
    )
  }
  return rows
    .map((r) => ({ ...r, d: r.term === word ? 99 : editDistance(word, r.term, budget) }))
    .filter((r) => r.d <= budget)
    .sort((a, b) => a.d - b.d || b.docs - a.docs || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_CANDIDATES)
    .map((r) => r.term)
}
