/**
 * In-memory posting sets of the embedded engine: for a word (or a prefix) and a scope, the set of
 * items that contain it there, copied out of FTS5 the first time a query needs it and then kept,
 * so that a query made of common words ("thực hiện" is in 95 % of the items) never makes FTS5
 * decode those long doclists again. Word sets are combined in JS (AND of groups, OR inside a
 * group), which gives exactly what FTS5 answers for the same expression.
 *
 * Scopes, i.e. which columns a word must be found in:
 *   full       anywhere (the full_g table: head, body, attachment text): the match set;
 *   title      number or title          (head_g, `{number title} : …`)      ranking tier 3
 *   catalogue  number, title or meta    (head_g, `{number title meta} : …`) ranking tier 4
 *   head       anywhere in head_g (adds the summary)                         ranking tier 5
 *
 * Representation: a bitmap when the set is denser than 1 item in 32 (then smaller than a list),
 * else a sorted Int32Array. The whole cache is bounded by a byte budget (least recently used
 * entries go first), so its memory cost is fixed whatever the library size.
 *
 * Freshness: the cache belongs to one ItemColumns (one generation, one data version). When
 * memory.ts sees changed or removed items (another connection's commit, or its own), it passes
 * their new words here and every entry is corrected in place: the same snapshot FTS5 would read. Only
 * words made of [a-z0-9] are cached, and only items whose words all are can be applied
 * incrementally: for those, FTS5's unicode61 tokenizer and foldWords() split text identically.
 * Anything else (or a large batch of changes) empties the cache; it refills on demand.
 */
import { addIds, idsOf, orInto, popcount, type Bits } from './bits'

export type Scope = 'full' | 'title' | 'catalogue' | 'head'

/** A word ("dang") or a prefix ("th*"): folded, [a-z0-9] only. */
export type Term = string

export const CACHEABLE_TERM = /^[a-z0-9]+\*?$/
export const ASCII_TOKEN = /^[a-z0-9]+$/

export interface PostingSet {
  /** Exactly one of bits / ids is set. */
  bits: Bits | null
  /** Ascending rowids. */
  ids: Int32Array | null
  count: number
}

interface Entry extends PostingSet {
  scope: Scope
  term: Term
  bytes: number
}

/** The words of one changed item per scope, or null when the item was removed. */
export type ItemTokens = Record<Scope, Set<string>> | null

const ENTRY_OVERHEAD = 96

/** Makes a posting set from rowids in any order (a bitmap of `words` words when dense). */
export function postingSet(rids: ArrayLike<number>, words: number): PostingSet {
  if (rids.length > words) {
    const bits = new Uint32Array(words)
    addIds(bits, rids)
    return { bits, ids: null, count: rids.length }
  }
  const ids = Int32Array.from(rids).sort()
  return { bits: null, ids, count: ids.length }
}

/** A posting set from a bitmap (kept as a bitmap when dense, else turned into a list). */
export function postingSetOfBits(bits: Bits): PostingSet {
  const count = popcount(bits)
  if (count > bits.length) return { bits, ids: null, count }
  const { ids, n } = idsOf(bits, new Int32Array(count + 32))
  return { bits: null, ids: ids.slice(0, n), count: n }
}

/** into |= set (into must cover every rowid of the set). */
export function orSetInto(into: Bits, set: PostingSet): void {
  if (set.bits) orInto(into, set.bits)
  else addIds(into, set.ids!)
}

/** Whether `rid` is in the set. */
export function hasRid(set: PostingSet, rid: number): boolean {
  if (set.bits) {
    const w = rid >>> 5
    return w < set.bits.length && (set.bits[w] & (1 << (rid & 31))) !== 0
  }
  const ids = set.ids!
  const at = lowerBound(ids, rid)
  return at < ids.length && ids[at] === rid
}

function lowerBound(ids: Int32Array, rid: number): number {
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ids[mid] < rid) lo = mid + 1
    else hi = mid
  }
  return lo
}

function contains(tokens: Set<string>, term: Term): boolean {
  if (!term.endsWith('*')) return tokens.has(term)
  const prefix = term.slice(0, -1)
  for (const token of tokens) if (token.startsWith(prefix)) return true
  return false
}

export class PostingsCache {
  /** Key `${scope} ${term}`; Map order is recency order (oldest first). */
  private readonly entries = new Map<string, Entry>()
  private used = 0
  hits = 0
  misses = 0

  constructor(readonly budgetBytes: number) {}

  get bytes(): number {
    return this.used
  }

  get size(): number {
    return this.entries.size
  }

  get(scope: Scope, term: Term): PostingSet | undefined {
    const key = `${scope} ${term}`
    const entry = this.entries.get(key)
    if (!entry) {
      this.misses++
      return undefined
    }
    this.hits++
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  /** Whether a set is cached, without counting a hit or changing the recency order. */
  peek(scope: Scope, term: Term): boolean {
    return this.entries.has(`${scope} ${term}`)
  }

  /** Keeps a set read from FTS5 (for a cacheable term); evicts the least recently used beyond the budget. */
  put(scope: Scope, term: Term, set: PostingSet): void {
    if (!CACHEABLE_TERM.test(term)) return
    const key = `${scope} ${term}`
    const old = this.entries.get(key)
    if (old) {
      this.used -= old.bytes
      this.entries.delete(key)
    }
    const bytes = ENTRY_OVERHEAD + key.length + (set.bits ? set.bits.byteLength : set.ids!.byteLength)
    this.entries.set(key, { ...set, scope, term, bytes })
    this.used += bytes
    for (const [k, e] of this.entries) {
      if (this.used <= this.budgetBytes || k === key) break
      this.entries.delete(k)
      this.used -= e.bytes
    }
  }

  clear(): void {
    this.entries.clear()
    this.used = 0
  }

  /**
   * Applies changed items (rowid → its words per scope, null when removed) to every entry. Returns
   * false, after emptying the cache, when a change cannot be applied exactly (a word outside
   * [a-z0-9], whose FTS5 tokens could differ).
   */
  apply(changes: Map<number, ItemTokens>, words: number): boolean {
    for (const tokens of changes.values()) {
      if (!tokens) continue
      // 'full' holds every word of the item (the other scopes are subsets of it).
      for (const token of tokens.full) {
        if (!ASCII_TOKEN.test(token)) {
          this.clear()
          return false
        }
      }
    }
    for (const entry of this.entries.values()) {
      for (const [rid, tokens] of changes) {
        const present = tokens !== null && contains(tokens[entry.scope], entry.term)
        if (present === hasRid(entry, rid)) continue
        entry.count += present ? 1 : -1
        if (entry.bits) {
          if (present && rid >>> 5 >= entry.bits.length) {
            const grown = new Uint32Array(Math.max(words, (rid >>> 5) + 1))
            grown.set(entry.bits)
            this.used += grown.byteLength - entry.bits.byteLength
            entry.bytes += grown.byteLength - entry.bits.byteLength
            entry.bits = grown
          }
          if (present) entry.bits[rid >>> 5] |= 1 << (rid & 31)
          else entry.bits[rid >>> 5] &= ~(1 << (rid & 31))
        } else {
          const ids = entry.ids!
          const at = lowerBound(ids, rid)
          const next = new Int32Array(ids.length + (present ? 1 : -1))
          next.set(ids.subarray(0, at))
          if (present) {
            next[at] = rid
            next.set(ids.subarray(at), at + 1)
          } else next.set(ids.subarray(at + 1), at)
          this.used += next.byteLength - ids.byteLength
          entry.bytes += next.byteLength - ids.byteLength
          entry.ids = next
        }
      }
    }
    return true
  }
}
