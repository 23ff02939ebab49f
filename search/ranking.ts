/**
 * Query semantics both engines share, so the same query means the same thing whichever engine
 * answers: which words count, how many typos a word may carry, how a document number in the query
 * is looked up, how facets are ordered, and which query parameters an engine accepts.
 *
 * Ranking intent (each engine implements it with its own means, see the engine files):
 *   1. the exact document(s) whose number the query contains (several when a number was reused;
 *      a second number in the query is looked up too);
 *   2. then text matches by where all the words were found: number/title ≫ catalogue line (type,
 *      issuer, subjects, year) ≫ summary ≫ body and attachment text; fewer typos first;
 *   3. among those, rarer words, shorter titles and words together and in order count more
 *      (BM25F-like; a document titled with the phrase above news quoting it);
 *   4. when otherwise equal: documents before news and topics, in force before superseded before
 *      expired, then newest first, then by URL (never by the order items were indexed in).
 * Every query word must match (AND); when nothing matches, the embedded engine leaves out a word
 * nothing has, else the commonest word whose removal leaves a match (sqlite/match.ts, relax());
 * Meilisearch drops trailing words. An empty query browses: newest first.
 */
import {
  FILTERS,
  isScopeKey,
  MAX_LIMIT,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  MAX_SCOPES,
  SearchQueryError,
  type FacetCount,
  type FilterName,
  type SearchQuery,
} from './contract'
import type { ScopeKey } from '../core/scopes'
import { documentNumberQueryKeys, findDocumentNumber } from '../core/documentNumbers'
import { foldWords } from '../core/vietnamese'

/**
 * Query words the embedded engine uses. A pasted title runs to 15–25 syllables ("Nghị quyết về
 * công tác dân số trong tình hình mới" is 11): cutting at 10 dropped the words that told such
 * titles apart. The bound keeps a query cheap whatever is typed: a word costs a few vocabulary
 * lookups (memoised per query, match.ts) and one posting set, and MAX_QUERY_LENGTH (200 characters)
 * allows at most ~100 one-letter words. Meilisearch itself reads only the first 10 words of a query.
 */
export const MAX_QUERY_WORDS = 32

/**
 * Typo tolerance sized for Vietnamese: syllables are 1–7 letters, so the Meilisearch defaults (one
 * typo from 5 letters, two from 9) would leave most words without any. One typo from 4 letters
 * ("nghij" → nghị, "chnh" → chính), two from 8. The first letter is never changed by a single
 * typo (Meilisearch counts a first-letter typo as two), which keeps "dang" from also meaning
 * "hang", "sang", "vang". Words with digits never get typos.
 */
export const TYPO_MIN_LENGTH = { oneTypo: 4, twoTypos: 8 } as const

export function typoBudget(word: string): 0 | 1 | 2 {
  if (!/^[a-z]+$/.test(word)) return 0
  return word.length >= TYPO_MIN_LENGTH.twoTypos ? 2 : word.length >= TYPO_MIN_LENGTH.oneTypo ? 1 : 0
}

/**
 * What a folded word typed with Telex but without the keyboard's conversion means: "quyeets" →
 * "quyet" (quyết), "nghij" → "nghi", "dduwowngf" → "duong". Members on a phone or a borrowed
 * computer often type this way; such words are two or three edits from their folded form,
 * outside the typo budget. No Vietnamese syllable ends in s, f, r, x or j, and dd, aa, ee, aw, ow,
 * uw do not occur in folded words; "oo" does (xoong), but the reading is only ever a typo
 * candidate for a word the index does not know. Null when the word reads the same.
 */
export function telexWord(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null
  let w = word
  if (w.length > 2 && /[aeiouy][a-z]*[sfrxj]$/.test(w)) w = w.slice(0, -1)
  w = w.replace(/dd/g, 'd').replace(/aa|aw/g, 'a').replace(/ee/g, 'e').replace(/oo|ow/g, 'o').replace(/uw/g, 'u')
  return w !== word && w.length > 0 ? w : null
}

/** A last word shorter than this is matched whole, not as a prefix (one letter would match half the index). */
export const MIN_PREFIX_LENGTH = 2

/** Folded query words, at most MAX_QUERY_WORDS. */
export function queryWords(q: string): string[] {
  return foldWords(q).slice(0, MAX_QUERY_WORDS)
}

export interface NumberLookup {
  /** Full keys ("21-nq/tw") to compare with numberKey. */
  keys: string[]
  /** Short keys ("21-nq") to compare with numberShortKey, when the query names no issuer. */
  shortKeys: string[]
  /** A year given with a short number ("nghị định 13/2023"): the document's year must match. */
  year: number | null
  /** A second number in the same query ("kế hoạch 05-KH/CB thực hiện quy định 144"), looked up too. */
  also?: NumberLookup
}

/**
 * The exact-number lookup for a query, or null when the query holds no document number. "quyết
 * định 213" looks up 213-QĐ under both types that use QĐ (quyết định and quy định); "21-NQ/TW"
 * finds every document that carried that number (2017 and 2022). A query citing two numbers
 * looks up both (a plan that implements a rule, a rule that replaces another): the first alone
 * may be one the reader cannot see, and then nothing was pinned.
 */
export function numberLookup(q: string, depth = 0): NumberLookup | null {
  const found = findDocumentNumber(q)
  if (!found) return null
  const keys = documentNumberQueryKeys(found)
  const lookup: NumberLookup = found.issuer === null ? { keys: [], shortKeys: keys, year: found.year } : { keys, shortKeys: [], year: null }
  const also = depth === 0 && found.rest ? numberLookup(found.rest, 1) : null
  return also ? { ...lookup, also } : lookup
}

/** Facet order shown to members: years newest first, everything else by count, then by value. */
export function sortFacet(name: FilterName, counts: Map<string, number>): FacetCount[] {
  const list = [...counts].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count }))
  if (name === 'year') return list.sort((a, b) => Number(b.value) - Number(a.value))
  return list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
}

export function emptyFacets(): Record<FilterName, FacetCount[]> {
  return Object.fromEntries(FILTERS.map((f) => [f, []])) as unknown as Record<FilterName, FacetCount[]>
}

/**
 * Engines are normally called with a query from parseSearchParams (search/query.ts); this catches
 * callers that build one by hand with values no engine should see.
 */
export function checkQuery(query: SearchQuery): void {
  if (typeof query.q !== 'string' || query.q.length > MAX_QUERY_LENGTH) {
    throw new SearchQueryError(`Từ khóa quá dài (tối đa ${MAX_QUERY_LENGTH} ký tự).`, 'q')
  }
  if (!Number.isInteger(query.page) || query.page < 1 || query.page > MAX_PAGE) {
    throw new SearchQueryError(`Trang (page) phải là số từ 1 đến ${MAX_PAGE}.`, 'page')
  }
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIMIT) {
    throw new SearchQueryError(`Số kết quả mỗi trang (limit) phải là số từ 1 đến ${MAX_LIMIT}.`, 'limit')
  }
  for (const [name, value] of Object.entries(query.filters ?? {})) {
    if (!(FILTERS as readonly string[]).includes(name)) throw new SearchQueryError(`Tham số "${name.slice(0, 40)}" không được hỗ trợ.`, name.slice(0, 40))
    if (value !== undefined && (typeof value !== 'string' || value.length > 80 || !/^[a-z0-9-]+$/.test(value))) {
      throw new SearchQueryError(`Giá trị của "${name}" không hợp lệ.`, name)
    }
  }
  if (query.scopes !== undefined) {
    // Scopes come from the server's session, not the reader: a bad one is a bug, refused all the same.
    if (!Array.isArray(query.scopes) || query.scopes.length > MAX_SCOPES || !query.scopes.every(isScopeKey)) {
      throw new SearchQueryError('Phạm vi tìm kiếm không hợp lệ.', 'scopes')
    }
  }
}

/** A query's scopes as a canonical list (sorted, no repeats), or null when it has none (no scope filter). */
export function scopeList(query: SearchQuery): ScopeKey[] | null {
  return query.scopes === undefined ? null : [...new Set(query.scopes)].sort()
}

/** Elapsed milliseconds, one decimal. */
export function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 10) / 10
}

export const UNAVAILABLE_MESSAGE = 'Chức năng tìm kiếm tạm thời không hoạt động. Vui lòng thử lại sau ít phút.'
