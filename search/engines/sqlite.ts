/**
 * The embedded search engine: SQLite FTS5 through Node's built-in node:sqlite, one file on disk.
 *
 * Layout. The index lives in "generations": a generation g is the tables
 *   items_g   one small row per item: facet values, number keys, what a hit shows (title, url…);
 *   texts_g   the original (cleaned, NFC) summary, body and attachment text, for snippets; kept
 *             apart so that scanning items_g never reads through large rows;
 *   head_g    FTS5 (detail=full) over folded number | title | meta | summary: phrase and
 *             per-column matching for the ranking tiers; its documents are short, so cheap;
 *   full_g    FTS5 (detail=none, no positions) over folded head | body | attachment: the match
 *             set, i.e. "every query word somewhere in the item";
 *   vocab_g   every indexed word with its document count (typo candidates, prefix completions);
 *   gone_g    rowids removed, with the write version (lets other connections update their caches).
 * `search_meta` says which generation is live. replaceAll() builds generation g+1 next to the live
 * one and swaps by updating that one row in a transaction, so readers (this process or the site
 * server) answer from the old generation until the commit and from the new one after it; a failed
 * build drops its tables and leaves the live generation untouched. FTS columns hold text folded by
 * search/vietnamese.ts (foldWords); the tokenizer only splits it. Highlighting runs in JS on the
 * original text (search/snippet.ts).
 *
 * Query. Every word must match (AND); the last word is also a prefix (expanded from vocab_g when
 * it has few completions, else kept as a prefix). A word the index does not know gets typo
 * candidates from vocab_g (one edit from 4 letters keeping the first one, two from 8); if nothing
 * matches, every eligible word gets candidates, then trailing words are dropped one at a time.
 * Results are ranked in tiers, not by bm25 (FTS5's bm25 reads the whole posting list of every
 * word for its IDF: ~60 ms for a common word over 100k items):
 *   1. exact number hits  2. the words as a phrase in number/title  3. all words in number/title
 *   4. … in number/title/catalogue line  5. … in the head (adds the summary)  6. the rest (body,
 *   attachment text); within a tier: in force first, then newest. Tiers are computed lazily, only
 *   as far as the requested page reaches.
 *
 * Memory, per connection (all of it a copy of the file, brought up to date before every search
 * from items_g.version and gone_g when PRAGMA data_version says another connection committed, or
 * when this one wrote; see refresh()):
 *   - facet columns (sqlite/facets.ts): dictionary-coded typed arrays by rowid, with bitmaps of
 *     the live rows and of each filter value, the counts over all items and the rank and browse
 *     orders, all patched per change (the first search after a commit no longer re-sorts 100 k
 *     items: ~3 ms instead of ~24 ms at 100 k);
 *   - posting sets (sqlite/postings.ts): per word (or prefix) and scope (anywhere, number/title,
 *     + catalogue line, head), the items containing it, read from FTS5 once and patched per change.
 *     The match set and tiers 3–5 are ANDs and ORs of these bitmaps, so a query of common words
 *     ("thực hiện": 95 % of the items) costs microseconds instead of FTS5 decoding long doclists
 *     (the old cost: 4–9 ms for the match set and 3–7 ms for the tiers at 100 k items). A prefix is
 *     the OR of its frequent completions' sets plus one FTS5 query for its rare ones;
 *   - headlines: the folded number and title per item, for tier 2 (the phrase), checked in JS on
 *     the best-ranked candidates only, with FTS5 as the fallback.
 * After the first search (and after each swap to a new generation) a background warm-up fetches
 * the posting sets of the words in ≥ 1 % of the items and the headlines, a few milliseconds at a
 * time between searches (scheduleWarmup()); until then a common word costs one FTS5 read the first
 * time a query uses it. Facets: one pass over the match set (or over its complement when it holds
 * most items) or bitmap popcounts, whichever is cheaper (FacetCache.countFacet). The last match
 * sets are kept per connection, so the next page or a facet click on the same query reuses them.
 * Answers are exactly those of FTS5 over the file: bench/search/compare.ts and
 * tests/search/sqlite-memory.test.ts check that against fresh connections and FTS5 itself.
 */
import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite'
import {
  SEARCH_KINDS,
  SearchUnavailableError,
  type IndexEntry,
  type SearchEngine,
  type SearchHit,
  type SearchItem,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
} from '../contract'
import { cleanText, indexTexts, numberText, type IndexTexts } from '../indexing'
import {
  MIN_PREFIX_LENGTH,
  UNAVAILABLE_MESSAGE,
  checkQuery,
  elapsed,
  numberLookup,
  queryWords,
  typoBudget,
  type NumberLookup,
} from '../ranking'
import { buildSnippet } from '../snippet'
import { foldWords } from '../vietnamese'
import { addIds, andInto, andNotInto, bitsOf, has, orInto, popcount, type Bits } from './sqlite/bits'
import { FacetCache, type ActiveFilter, type BitEvaluation, type CacheRow } from './sqlite/facets'
import { ASCII_TOKEN, PostingsCache, orSetInto, postingSet, postingSetOfBits, type ItemTokens, type PostingSet, type Scope, type Term } from './sqlite/postings'

const SCHEMA_VERSION = 1
const TOKENIZE = `tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'"`
/** Typo candidates kept per word, most frequent first. */
const MAX_CANDIDATES = 8
/** A last word with more completions than this is left to FTS5's own prefix query. */
const MAX_COMPLETIONS = 16

type Tables = { items: string; texts: string; head: string; full: string; vocab: string; gone: string }
const tablesOf = (g: number): Tables => ({
  items: `items_${g}`,
  texts: `texts_${g}`,
  head: `head_${g}`,
  full: `full_${g}`,
  vocab: `vocab_${g}`,
  gone: `gone_${g}`,
})
const GENERATION_TABLE = /^(?:items|texts|head|full|vocab|gone)_(\d+)$/

function createTables(db: DatabaseSync, g: number): void {
  const t = tablesOf(g)
  db.exec(`
    CREATE TABLE ${t.items} (
      rid INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      version INTEGER NOT NULL,
      kind TEXT NOT NULL,
      type TEXT,
      issuer TEXT,
      level TEXT,
      year INTEGER NOT NULL,
      fields TEXT NOT NULL,
      status TEXT,
      issued_at TEXT NOT NULL,
      slug TEXT NOT NULL,
      url TEXT NOT NULL,
      number TEXT,
      number_key TEXT,
      number_short_key TEXT,
      number_compact_key TEXT,
      issuer_name TEXT,
      field_names TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      title TEXT NOT NULL
    );
    CREATE TABLE ${t.texts} (
      rid INTEGER PRIMARY KEY,
      summary TEXT NOT NULL,
      body TEXT NOT NULL,
      attachment_text TEXT NOT NULL
    );
    CREATE INDEX ${t.items}_version ON ${t.items}(version);
    CREATE INDEX ${t.items}_number_key ON ${t.items}(number_key) WHERE number_key IS NOT NULL;
    CREATE INDEX ${t.items}_number_short_key ON ${t.items}(number_short_key) WHERE number_short_key IS NOT NULL;
    CREATE VIRTUAL TABLE ${t.head} USING fts5(number, title, meta, summary, content='', contentless_delete=1, ${TOKENIZE}, prefix='2 3');
    CREATE VIRTUAL TABLE ${t.full} USING fts5(head, body, attachment, content='', contentless_delete=1, detail=none, ${TOKENIZE}, prefix='2 3');
    CREATE TABLE ${t.vocab} (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE ${t.gone} (rid INTEGER PRIMARY KEY, version INTEGER NOT NULL);
    CREATE INDEX ${t.gone}_version ON ${t.gone}(version);
  `)
}

function dropTables(db: DatabaseSync, g: number): void {
  const t = tablesOf(g)
  for (const name of [t.head, t.full, t.vocab, t.gone, t.texts, t.items]) db.exec(`DROP TABLE IF EXISTS ${name}`)
}

// ---------------------------------------------------------------------------------------------
// Folded text
// ---------------------------------------------------------------------------------------------

/** The same parts as IndexTexts, folded (accents and đ removed, lower case, one space between words). */
type FoldedTexts = IndexTexts

const foldJoin = (text: string) => foldWords(text).join(' ')

function foldTexts(texts: IndexTexts): FoldedTexts {
  return {
    number: foldJoin(texts.number),
    title: foldJoin(texts.title),
    meta: foldJoin(texts.meta),
    summary: foldJoin(texts.summary),
    body: foldJoin(texts.body),
    attachment: foldJoin(texts.attachment),
  }
}

function tokenSet(f: FoldedTexts): Set<string> {
  const set = new Set<string>()
  for (const text of [f.number, f.title, f.meta, f.summary, f.body, f.attachment]) {
    if (!text) continue
    for (const token of text.split(' ')) set.add(token)
  }
  return set
}

// ---------------------------------------------------------------------------------------------
// Typo candidates
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Query plans
// ---------------------------------------------------------------------------------------------

interface WordGroup {
  word: string
  prefix: boolean
  known: boolean
  /** For a prefix: the indexed words it stands for, or null when FTS5 expands `word*` itself. */
  completions: string[] | null
  candidates: string[]
}

interface Matched {
  plan: Plan
  ev: BitEvaluation
  numberRids: number[]
}

/** How many recent match sets each connection keeps (each one bitmap: 12.5 KB at 100 k items). */
const RECENT_QUERIES = 16

/**
 * Memory for the in-memory posting sets (sqlite/postings.ts), per connection. A common word costs
 * one bitmap per scope it was asked in (16 KB at 100 k items), a rare one a few bytes per item.
 */
const POSTINGS_BUDGET_BYTES = 32 * 2 ** 20
/**
 * More changed items than this in one refresh empty the posting sets (and start a new warm-up)
 * instead of patching them: patching costs ~0.4 ms per item on the first search after the commit.
 */
const MAX_INCREMENTAL_CHANGES = 64
/** A prefix with more rare completions than this is left to FTS5's prefix query. */
const MAX_RARE_COMPLETIONS = 512
/**
 * The phrase tier checks candidates in JS (sqlite.ts, phraseTier) until it has the page; it asks
 * FTS5 for the whole phrase instead after this many candidates, or this many headlines read.
 */
const MAX_PHRASE_CHECKS = 20_000
const MAX_PHRASE_FETCHES = 512
/**
 * Headlines (folded number and title, for the phrase tier) kept per connection: ~130 bytes each,
 * so 13 MB at 100 k items; the warm-up loads them best-ranked first, up to WARMUP_HEADLINES.
 */
const MAX_HEADLINES = 150_000
const WARMUP_HEADLINES = 150_000
/**
 * Warm-up after a facet cache is built (first search, new generation) or the posting sets were
 * dropped: the posting sets of the words found in at least WARMUP_MIN_SHARE of the items, most
 * frequent first, scope by scope, then the headlines, fetched in the background in slices of about
 * WARMUP_SLICE_MS between searches, until WARMUP_BUDGET_SHARE of the budget is used. At 100 k
 * items (2 cores, quiet): ~800 words × 4 scopes = 22 MB, plus 100 k headlines (13 MB), in 4.5–7 s;
 * a search arriving meanwhile waits for the running slice: ≤ ~20 ms (one FTS5 read of a very
 * common word can take 10 ms by itself). At 10 k items: 0.5–0.8 s.
 */
const WARMUP_MIN_SHARE = 0.01
const WARMUP_SCOPES: readonly Scope[] = ['full', 'title', 'catalogue', 'head']
const WARMUP_SLICE_MS = 3
const WARMUP_BUDGET_SHARE = 0.8

/** Words in at least this many items count as frequent: warmed up, and kept apart in prefixes. */
const warmupMinDocs = (cache: FacetCache) => Math.max(2, Math.ceil(cache.size * WARMUP_MIN_SHARE))

interface Plan {
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

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

/** A term in FTS5 syntax. */
const ftsTerm = (term: Term) => (term.endsWith('*') ? `${quote(term.slice(0, -1))}*` : quote(term))

/** Table and column filter of each posting scope (see sqlite/postings.ts). */
const SCOPE_QUERY: Record<Scope, { table: keyof Tables; columns: string }> = {
  full: { table: 'full', columns: '' },
  title: { table: 'head', columns: '{number title} : ' },
  catalogue: { table: 'head', columns: '{number title meta} : ' },
  head: { table: 'head', columns: '' },
}

const textTokens = (folded: string): string[] => (folded ? folded.split(' ') : [])

/** The words of an item per posting scope, from its folded texts (as written to the FTS tables). */
function scopeTokens(f: FoldedTexts): Record<Scope, Set<string>> {
  const title = new Set([...textTokens(f.number), ...textTokens(f.title)])
  const catalogue = new Set([...title, ...textTokens(f.meta)])
  const head = new Set([...catalogue, ...textTokens(f.summary)])
  const full = new Set([...head, ...textTokens(f.body), ...textTokens(f.attachment)])
  return { full, title, catalogue, head }
}

interface PhraseRow {
  rid: number
  number: string | null
  number_key: string | null
  number_short_key: string | null
  number_compact_key: string | null
  title: string
}

/** Rowids coming out of the FTS tables as one JSON array: ~3× faster than one row object each. */
function parseIds(json: unknown): number[] {
  return typeof json === 'string' ? (JSON.parse(json) as number[]) : []
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

interface HitRow {
  rid: number
  kind: SearchKind
  slug: string
  url: string
  title: string
  number: string | null
  type: string | null
  issuer: string | null
  issued_at: string
  summary: string
  body: string
  attachment_text: string
}

interface StoredRow {
  rid: number
  kind: SearchKind
  number: string | null
  number_key: string | null
  number_short_key: string | null
  number_compact_key: string | null
  title: string
  type: string | null
  issuer_name: string | null
  field_names: string
  year: number
  summary: string
  body: string
  attachment_text: string
}

const isSqliteError = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && ((e as { code?: unknown }).code === 'ERR_SQLITE_ERROR' || 'errcode' in e)

class SqliteSearchEngine implements SearchEngine {
  readonly name = 'sqlite'
  private readonly db: DatabaseSync
  private readonly statements = new Map<string, StatementSync>()
  private cache: FacetCache | null = null
  private dataVersion = -1
  /** Set after this connection's own commits, which PRAGMA data_version does not report. */
  private dirty = true
  private queue: Promise<unknown> = Promise.resolve()
  /** Match sets of the last queries (paging and facet clicks reuse them); emptied by any change. */
  private readonly recent = new Map<string, Matched>()
  /** Posting sets of the words queries used, for the cache's generation and data version. */
  private postings = new PostingsCache(POSTINGS_BUDGET_BYTES)
  /** The background warm-up (see WARMUP_*); `warming` settles when it is done (benchmarks and tests wait on it). */
  private warmup: { timer: NodeJS.Timeout | null; done: () => void } | null = null
  warming: Promise<void> = Promise.resolve()

  constructor(file: string) {
    if (file !== ':memory:' && !file.startsWith('file:')) mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    this.db = new DatabaseSync(file, { timeout: 10_000 })
    if (file !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL')
    // NORMAL in WAL mode: a power cut may lose the last commits, never corrupt; the index is
    // derived data that the reindex drift check restores.
    this.db.exec('PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -32000')
    this.init()
  }

  // --- plumbing ------------------------------------------------------------------------------

  private prep(sql: string): StatementSync {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  private get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.prep(sql).get(...params) as T | undefined
  }

  private all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.prep(sql).all(...params) as T[]
  }

  private run(sql: string, ...params: SQLInputValue[]) {
    return this.prep(sql).run(...params)
  }

  /** A write transaction; BEGIN IMMEDIATE takes the write lock up front (no upgrade deadlocks). */
  private write<T>(fn: () => T): T {
    try {
      return this.transaction('BEGIN IMMEDIATE', fn)
    } finally {
      this.dirty = true
    }
  }

  /** A read transaction: every statement of one search sees the same snapshot. */
  private read<T>(fn: () => T): T {
    return this.transaction('BEGIN', fn)
  }

  private transaction<T>(begin: string, fn: () => T): T {
    this.db.exec(begin)
    try {
      const result = fn()
      this.db.exec('COMMIT')
      return result
    } catch (e) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK')
      throw e
    }
  }

  /** Writes run one at a time in this process; replaceAll holds the turn across its batches. */
  private exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  private unavailable(e: unknown): unknown {
    if (e instanceof SearchUnavailableError || !isSqliteError(e)) return e
    return new SearchUnavailableError(UNAVAILABLE_MESSAGE, { cause: e })
  }

  private meta(key: string): string | null {
    const row = this.get<{ value: string | number }>('SELECT value FROM search_meta WHERE key = ?', key)
    return row === undefined ? null : String(row.value)
  }

  private setMeta(key: string, value: string | number): void {
    this.run('INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', key, value)
  }

  private generationsOnDisk(): number[] {
    const names = this.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
    const gens = new Set<number>()
    for (const { name } of names) {
      const m = GENERATION_TABLE.exec(name)
      if (m) gens.add(Number(m[1]))
    }
    return [...gens]
  }

  private init(): void {
    this.write(() => {
      this.db.exec('CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID')
      const schema = this.meta('schema')
      if (schema !== null && Number(schema) !== SCHEMA_VERSION) {
        // An index written by another layout: start empty; the sync's drift check refills it.
        for (const g of this.generationsOnDisk()) dropTables(this.db, g)
        this.db.exec('DELETE FROM search_meta')
      }
      if (this.meta('generation') === null) {
        createTables(this.db, 1)
        this.setMeta('schema', SCHEMA_VERSION)
        this.setMeta('generation', 1)
        this.setMeta('next_generation', 2)
        this.setMeta('version', 0)
      }
    })
  }

  private liveGeneration(): number {
    return Number(this.meta('generation'))
  }

  private nextVersion(): number {
    const v = Number(this.meta('version') ?? 0) + 1
    this.setMeta('version', v)
    return v
  }

  /**
   * Brings the facet cache and the posting sets up to the snapshot of the current read
   * transaction: every commit by any connection changes PRAGMA data_version, and this connection's
   * own commits set `dirty` (data_version does not count them).
   */
  private refresh(): FacetCache {
    const gen = this.liveGeneration()
    const dv = Number(this.get<{ data_version: number }>('PRAGMA data_version')!.data_version)
    if (this.cache && this.cache.generation === gen && dv === this.dataVersion && !this.dirty) return this.cache
    if (!this.cache || this.cache.generation !== gen) {
      this.cache = new FacetCache(gen)
      this.postings = new PostingsCache(POSTINGS_BUDGET_BYTES)
      this.statements.clear()
      this.scheduleWarmup(this.cache)
    }
    const cache = this.cache
    const t = tablesOf(gen)
    const gone = this.all<{ rid: number; version: number }>(`SELECT rid, version FROM ${t.gone} WHERE version > ?`, cache.version)
    const changed = this.prep(
      `SELECT rid, version, kind, type, issuer, level, year, fields, status, issued_at FROM ${t.items} WHERE version > ? ORDER BY version`,
    )
    changed.setReturnArrays(true)
    const rows = changed.all(cache.version) as unknown as CacheRow[]
    for (const g of gone) cache.drop(g.rid, g.version)
    for (const row of rows) cache.set(row)
    if (gone.length || rows.length || cache.version === 0) this.recent.clear()
    if (gone.length || rows.length) {
      // New words only come with changed items: when their words were all looked at, the
      // vocabulary check stands (or fails); otherwise it is redone on demand (a 7 ms scan at 100 k).
      const ascii = this.patchPostings(t, gone.map((g) => g.rid), rows.map((r) => r[0]))
      if (ascii === false || (ascii === null && rows.length)) cache.asciiVocab = ascii === false ? false : null
    }
    this.dataVersion = dv
    this.dirty = false
    return cache
  }

  /**
   * Fetches the posting sets of the most frequent words in the background, a few milliseconds at a
   * time, each slice in its own read transaction after refresh(): what it adds is always
   * consistent with the cache, and later commits patch it like any other entry. Stops when the
   * generation changes (that cache's own warm-up takes over), at the budget, or on close.
   */
  private scheduleWarmup(cache: FacetCache): void {
    this.stopWarmup()
    let queue: Array<() => void> | null = null
    let at = 0
    let done!: () => void
    this.warming = new Promise<void>((resolve) => (done = resolve))
    const run = { timer: null as NodeJS.Timeout | null, done }
    this.warmup = run
    const next = () => {
      run.timer = setTimeout(slice, 0)
      run.timer.unref()
    }
    const slice = () => {
      run.timer = null
      if (this.warmup !== run) return
      let more = false
      try {
        if (this.db.isOpen && !this.db.isTransaction) {
          more = this.read(() => {
            // A new generation (or a closed engine) ends this warm-up; refresh() starts the next one.
            if (this.refresh() !== cache || this.warmup !== run) return false
            const t = tablesOf(cache.generation)
            if (!queue) {
              // The posting sets of the frequent words, scope by scope, then the best-ranked headlines.
              const terms = this.all<{ term: string }>(`SELECT term FROM ${t.vocab} WHERE docs >= ? ORDER BY docs DESC`, warmupMinDocs(cache))
              const words = terms.map((r) => r.term).filter((term) => ASCII_TOKEN.test(term))
              const budget = this.postings.budgetBytes * WARMUP_BUDGET_SHARE
              queue = WARMUP_SCOPES.flatMap((scope) =>
                words.map((term) => () => {
                  if (this.postings.bytes < budget && !this.postings.peek(scope, term)) this.postingSet(t, cache, scope, term)
                }),
              )
              const top = Array.from(cache.rankOrder().subarray(0, WARMUP_HEADLINES))
              for (let i = 0; i < top.length; i += 500) {
                const part = top.slice(i, i + 500)
                queue.push(() => {
                  if (cache.headlineCount < MAX_HEADLINES) this.loadHeadlines(t, cache, part.filter((rid) => cache.headlines[rid] === undefined))
                })
              }
            }
            const started = performance.now()
            while (at < queue.length && performance.now() - started < WARMUP_SLICE_MS) queue[at++]()
            return at < queue.length
          })
        }
      } catch {
        more = false
      }
      if (this.warmup !== run) return
      if (more) next()
      else this.stopWarmup()
    }
    next()
  }

  private stopWarmup(): void {
    const run = this.warmup
    if (!run) return
    this.warmup = null
    if (run.timer) clearTimeout(run.timer)
    run.done()
  }

  /**
   * Applies removed and changed items to the posting sets (or empties them: see sqlite/postings.ts).
   * Returns whether every word of the changed items is made of [a-z0-9], or null when they were
   * not looked at (no posting sets, or too many changes).
   */
  private patchPostings(t: Tables, gone: number[], changed: number[]): boolean | null {
    if (this.postings.size === 0) return null
    if (gone.length + changed.length > MAX_INCREMENTAL_CHANGES) {
      this.postings.clear()
      this.scheduleWarmup(this.cache!)
      return null
    }
    const changes = new Map<number, ItemTokens>()
    for (const rid of gone) changes.set(rid, null)
    if (changed.length) {
      const rows = this.all<StoredRow>(
        `SELECT i.rid, i.kind, i.number, i.number_key, i.number_short_key, i.number_compact_key, i.title, i.type, i.issuer_name, i.field_names, i.year,
                x.summary, x.body, x.attachment_text
         FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.rid IN (SELECT value FROM json_each(?))`,
        JSON.stringify(changed),
      )
      for (const row of rows) changes.set(row.rid, scopeTokens(foldTexts(indexTexts(storedAsItem(row)))))
    }
    if (this.postings.apply(changes, this.cache!.words)) return true
    this.scheduleWarmup(this.cache!)
    return false
  }

  /** The items containing `term` in `scope`: from memory, else from FTS5 (then kept). */
  private postingSet(t: Tables, cache: FacetCache, scope: Scope, term: Term): PostingSet {
    const cached = this.postings.get(scope, term)
    if (cached) return cached
    const set = (term.endsWith('*') && this.prefixSet(t, cache, scope, term.slice(0, -1))) || postingSet(this.ftsIds(t, scope, ftsTerm(term)), cache.words)
    this.postings.put(scope, term, set)
    return set
  }

  private ftsIds(t: Tables, scope: Scope, expr: string): number[] {
    const { table, columns } = SCOPE_QUERY[scope]
    const name = t[table]
    return parseIds(this.get<{ ids: string }>(`SELECT json_group_array(rowid) AS ids FROM ${name} WHERE ${name} MATCH ?`, columns + expr)?.ids)
  }

  /**
   * A prefix as the words it completes to: the frequent ones from their (warm) posting sets, the
   * rare ones in one FTS5 query. FTS5's own `dang*` decodes the 96 k postings of "dang" again
   * (~10 ms at 100 k items; this: ~0.1 ms). Null when it does not apply: too many rare
   * completions, or an index holding words outside [a-z0-9] (FTS5 might split those into tokens
   * the vocabulary does not list).
   */
  private prefixSet(t: Tables, cache: FacetCache, scope: Scope, prefix: string): PostingSet | null {
    if (!ASCII_TOKEN.test(prefix) || !this.asciiVocab(t, cache)) return null
    const rows = this.all<{ term: string; docs: number }>(
      `SELECT term, docs FROM ${t.vocab} WHERE term >= ? AND term < ? LIMIT ${MAX_RARE_COMPLETIONS + 64}`,
      prefix,
      `${prefix}\uffff`,
    )
    const frequent = warmupMinDocs(cache)
    const rare = rows.filter((r) => r.docs < frequent)
    if (rows.length >= MAX_RARE_COMPLETIONS + 64 || rare.length > MAX_RARE_COMPLETIONS) return null
    const bits = new Uint32Array(cache.words)
    for (const r of rows) if (r.docs >= frequent) orSetInto(bits, this.postingSet(t, cache, scope, r.term))
    if (rare.length) addIds(bits, this.ftsIds(t, scope, `(${rare.map((r) => quote(r.term)).join(' OR ')})`))
    return postingSetOfBits(bits)
  }

  /** Whether every word of the vocabulary is made of [a-z0-9] (checked once per cache; a change to a word outside clears it). */
  private asciiVocab(t: Tables, cache: FacetCache): boolean {
    cache.asciiVocab ??= this.get(`SELECT 1 AS x FROM ${t.vocab} WHERE term GLOB '*[^a-z0-9]*' LIMIT 1`) === undefined
    return cache.asciiVocab
  }

  /** The items matching every group of `plan` in `scope`: what FTS5 answers for the plan's expression there. */
  private exprBits(t: Tables, cache: FacetCache, plan: Plan, scope: Scope): Bits {
    const words = cache.words
    let all: Bits | null = null
    for (const alternatives of plan.alts) {
      const group = new Uint32Array(words)
      for (const term of alternatives) orSetInto(group, this.postingSet(t, cache, scope, term))
      if (all) andInto(all, group)
      else all = group
    }
    return all ?? new Uint32Array(words)
  }

  // --- search --------------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    checkQuery(query)
    const started = performance.now()
    try {
      const result = this.read(() => this.answer(query))
      return { ...result, tookMs: elapsed(started) }
    } catch (e) {
      throw this.unavailable(e)
    }
  }

  private answer(query: SearchQuery): Omit<SearchResult, 'tookMs'> {
    const cache = this.refresh()
    const t = tablesOf(cache.generation)
    const filters = cache.activeFilters(query.filters ?? {})
    const offset = (query.page - 1) * query.limit
    const words = queryWords(query.q)
    const base = { query: query.q, page: query.page }

    if (words.length === 0) {
      // Filters and facets over bitmaps (rowid order, sequential memory access), then the page by
      // walking the date order.
      const ev = cache.evaluateBits(cache.aliveBits(), filters)
      const page: number[] = []
      const order = cache.browseOrder()
      for (let i = 0, seen = 0; i < order.length && page.length < query.limit; i++) {
        if (has(ev.bits, order[i]) && seen++ >= offset) page.push(order[i])
      }
      return { ...base, total: ev.n, hits: this.hits(t, page, null), facets: cache.facets(ev.counts) }
    }

    const lookup = numberLookup(query.q)
    const key = JSON.stringify([words, lookup, query.filters ?? {}])
    const cached = this.recent.get(key)
    const { plan, ev, numberRids } = cached ?? this.match(t, cache, words, lookup, filters)
    this.recent.delete(key)
    this.recent.set(key, { plan, ev, numberRids })
    if (this.recent.size > RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value!)
    const page = ev.n > 0 ? this.rankPage(t, cache, ev, numberRids, plan, offset, query.limit) : []
    return { ...base, total: ev.n, hits: this.hits(t, page, plan), facets: cache.facets(ev.counts) }
  }

  /** The match set of a query with its facets: all words, then with typos, then fewer words. */
  private match(t: Tables, cache: FacetCache, words: string[], lookup: NumberLookup | null, filters: ActiveFilter[]): Matched {
    const numberRids = lookup ? this.numberRids(t, lookup) : []
    let chosen: { plan: Plan; ev: BitEvaluation } | null = null
    let first: { plan: Plan; ev: BitEvaluation } | null = null
    search: for (let k = words.length; k >= 1; k--) {
      for (const fuzzy of [false, true]) {
        const plan = this.plan(t, words.slice(0, k), k === words.length, fuzzy)
        if (fuzzy && !plan.widened) break
        const bits = plan.matchable ? this.exprBits(t, cache, plan, 'full') : new Uint32Array(cache.words)
        if (numberRids.length) addIds(bits, numberRids)
        const ev = cache.evaluateBits(bits, filters)
        if (k === words.length) first = { plan, ev }
        if (ev.n > 0) {
          chosen = { plan, ev }
          break search
        }
      }
    }
    return { ...(chosen ?? first!), numberRids }
  }

  private numberRids(t: Tables, lookup: NumberLookup): number[] {
    const rows = this.all<{ rid: number; year: number }>(
      `SELECT rid, year FROM ${t.items} WHERE number_key IN (SELECT value FROM json_each(?1))
       UNION SELECT rid, year FROM ${t.items} WHERE number_short_key IN (SELECT value FROM json_each(?2))`,
      JSON.stringify(lookup.keys),
      JSON.stringify(lookup.shortKeys),
    )
    return rows.filter((r) => lookup.year === null || r.year === lookup.year).map((r) => r.rid)
  }

  private knows(t: Tables, word: string): boolean {
    return this.get(`SELECT 1 AS x FROM ${t.vocab} WHERE term = ?`, word) !== undefined
  }

  /**
   * Indexed words starting with `word`, when there are at most MAX_COMPLETIONS of them: FTS5
   * answers an explicit OR of a few words faster than a prefix query its prefix index does not
   * cover (4+ letters). Null means "many": let FTS5 expand `word*` itself.
   */
  private completions(t: Tables, word: string): string[] | null {
    const rows = this.all<{ term: string }>(
      `SELECT term FROM ${t.vocab} WHERE term >= ? AND term < ? ORDER BY term LIMIT ${MAX_COMPLETIONS + 1}`,
      word,
      `${word}\uffff`,
    )
    if (rows.length > MAX_COMPLETIONS || (word.length <= 3 && rows.length > 1)) return null
    return rows.map((r) => r.term)
  }

  private candidates(t: Tables, word: string): string[] {
    const budget = typoBudget(word)
    if (budget === 0) return []
    let rows: Array<{ term: string; docs: number }>
    if (budget === 1) {
      rows = this.all(`SELECT term, docs FROM ${t.vocab} WHERE term IN (SELECT value FROM json_each(?))`, JSON.stringify(editsKeepingFirst(word)))
    } else {
      const first = word[0]
      const after = String.fromCharCode(first.charCodeAt(0) + 1)
      rows = this.all(
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

  private plan(t: Tables, words: string[], lastIsPrefix: boolean, fuzzy: boolean): Plan {
    let matchable = true
    let widened = false
    const groups = words.map((word, i): WordGroup => {
      const prefix = lastIsPrefix && i === words.length - 1 && word.length >= MIN_PREFIX_LENGTH
      const completions = prefix ? this.completions(t, word) : null
      const known = prefix ? completions === null || completions.length > 0 : this.knows(t, word)
      const candidates = (!known || fuzzy ? this.candidates(t, word) : []).filter((c) => !completions?.includes(c))
      if (known && candidates.length) widened = true
      if (!known && candidates.length === 0) matchable = false
      return { word, prefix, known, completions, candidates }
    })
    const alts = groups.map((g): Term[] => {
      const own = !g.prefix ? [g.word] : g.completions === null ? [`${g.word}*`] : g.completions
      return [...own, ...g.candidates]
    })
    const expr = alts
      .map((alternatives) => (alternatives.length === 1 ? ftsTerm(alternatives[0]) : `(${alternatives.map(ftsTerm).join(' OR ')})`))
      .join(' AND ')
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

  private headIds(t: Tables, expr: string): number[] {
    return parseIds(this.get<{ ids: string }>(`SELECT json_group_array(rowid) AS ids FROM ${t.head} WHERE ${t.head} MATCH ?`, expr)?.ids)
  }

  /**
   * The rowids of one page. Tiers are assigned in order until they cover the page; whatever is
   * left is the last tier (words found only with the body or attachment text). Every tier is a
   * bitmap: the exact numbers, the phrase in number/title (checked in JS on the best-ranked
   * candidates only), then the plan's words in number/title, number/title/catalogue line and the
   * head, from the in-memory posting sets; the page is read off the rank order.
   */
  private rankPage(t: Tables, cache: FacetCache, ev: BitEvaluation, numberRids: number[], plan: Plan, offset: number, limit: number): number[] {
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
        title = this.exprBits(t, cache, plan, 'title')
        andInto(title, result)
        andNotInto(title, taken)
        add(this.phraseTier(t, cache, title, plan, need - assigned))
      }
      for (const scope of ['title', 'catalogue', 'head'] as const) {
        if (assigned >= need) break
        add(scope === 'title' && title ? title : this.exprBits(t, cache, plan, scope))
      }
    }
    // The rest; its count is only used when the tiers above are complete (assigned < need).
    const restIndex = tiers.length
    const counts = [...tiers.map((x) => x.count), ev.n - assigned]

    // Which slice of which tier the page needs.
    const wanted = new Map<number, { from: number; to: number; seen: number; got: number[] }>()
    let start = 0
    let missing = 0
    counts.forEach((count, index) => {
      const from = Math.max(0, offset - start)
      const to = Math.min(count, need - start)
      if (from < to) {
        wanted.set(index, { from, to, seen: 0, got: [] })
        missing += to - from
      }
      start += count
    })
    const ranked = cache.rankOrder()
    for (let i = 0; i < ranked.length && missing > 0; i++) {
      const rid = ranked[i]
      if (!has(result, rid)) continue
      let index = 0
      while (index < restIndex && !has(tiers[index].bits, rid)) index++
      const slot = wanted.get(index)
      if (!slot) continue
      if (slot.seen >= slot.from && slot.seen < slot.to) {
        slot.got.push(rid)
        missing--
      }
      slot.seen++
    }
    return counts.flatMap((_, index) => wanted.get(index)?.got ?? [])
  }

  /**
   * Tier 2, the words as a phrase in number or title, among `candidates` (the items with every word
   * there, best ranked first). FTS5 would read the positions of every word over the whole index
   * (13 ms for "thực hiện" at 100 k items); instead the best-ranked candidates are checked in JS,
   * on their folded number and title, until `want` are found. The bitmap returned then holds every
   * phrase item ranked before the last one checked, which is all the page can use. After
   * MAX_PHRASE_CHECKS candidates without enough phrases, FTS5 answers for the whole phrase.
   */
  private phraseTier(t: Tables, cache: FacetCache, candidates: Bits, plan: Plan, want: number): Bits {
    const words = plan.phraseWords
    const fromFts = () => {
      const bits = bitsOf(this.headIds(t, `{number title} : ${plan.phrase}`), candidates.length)
      andInto(bits, candidates)
      return bits
    }
    if (!words) return fromFts()
    // In a headline " <number tokens> | <title tokens> ": a token boundary before, and after unless a prefix.
    const needle = ` ${words.join(' ')}${plan.phrasePrefix ? '' : ' '}`
    const lines = cache.headlines
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
        this.loadHeadlines(t, cache, missing).forEach((line, i) => loaded.set(missing[i], line))
        fetched += missing.length
      }
      for (const rid of batch) {
        const line = lines[rid] !== undefined ? lines[rid] : loaded.get(rid)
        const hit = line === null ? this.phraseByFts(t, plan, rid) : line !== undefined && line.includes(needle)
        if (hit) {
          found[rid >>> 5] |= 1 << (rid & 31)
          count++
        }
      }
      checked += batch.length
      batch.length = 0
    }
    const ranked = cache.rankOrder()
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
   * Folded number and title of `rids` into the cache's headlines (see FacetCache.headlines); past
   * MAX_HEADLINES kept per connection, they are computed for this query only. Returns them in
   * the order of `rids`.
   */
  private loadHeadlines(t: Tables, cache: FacetCache, rids: number[]): Array<string | null | undefined> {
    if (rids.length === 0) return []
    const rows = this.all<PhraseRow>(
      `SELECT rid, number, number_key, number_short_key, number_compact_key, title FROM ${t.items} WHERE rid IN (SELECT value FROM json_each(?))`,
      JSON.stringify(rids),
    )
    const lines = new Map<number, string | null>()
    for (const row of rows) {
      const number = foldWords(numberText({ number: row.number, numberKey: row.number_key, numberShortKey: row.number_short_key, numberCompactKey: row.number_compact_key }))
      const title = foldWords(row.title)
      // A word outside [a-z0-9] might be split differently by FTS5's tokenizer: that item asks FTS5.
      const exact = number.every((w) => ASCII_TOKEN.test(w)) && title.every((w) => ASCII_TOKEN.test(w))
      // join() builds one flat string (a template literal keeps its parts: twice the memory).
      const line = exact ? ['', ...number, '|', ...title, ''].join(' ') : null
      lines.set(row.rid, line)
      if (cache.headlineCount < MAX_HEADLINES && cache.headlines[row.rid] === undefined) {
        cache.headlines[row.rid] = line
        cache.headlineCount++
      }
    }
    return rids.map((rid) => lines.get(rid))
  }

  /** FTS5's `{number title} : "phrase"` for one item. */
  private phraseByFts(t: Tables, plan: Plan, rid: number): boolean {
    return this.get(`SELECT 1 AS x FROM ${t.head} WHERE ${t.head} MATCH ? AND rowid = ?`, `{number title} : ${plan.phrase}`, rid) !== undefined
  }

  private hits(t: Tables, rids: number[], plan: Plan | null): SearchHit[] {
    if (rids.length === 0) return []
    const rows = this.all<HitRow>(
      `SELECT i.rid, i.kind, i.slug, i.url, i.title, i.number, i.type, i.issuer, i.issued_at, x.summary, x.body, x.attachment_text
       FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.rid IN (SELECT value FROM json_each(?))`,
      JSON.stringify(rids),
    )
    const byRid = new Map(rows.map((r) => [r.rid, r]))
    const exact: string[] = []
    const prefixes: string[] = []
    for (const g of plan?.groups ?? []) {
      if (g.prefix) prefixes.push(g.word)
      else exact.push(g.word)
      exact.push(...g.candidates)
    }
    return rids.flatMap((rid) => {
      const r = byRid.get(rid)
      if (!r) return []
      return [
        {
          slug: r.slug,
          kind: r.kind,
          title: r.title,
          number: r.number,
          type: r.type,
          issuer: r.issuer,
          issuedAt: r.issued_at,
          url: r.url,
          snippet: buildSnippet([r.summary, r.body, r.attachment_text], { exact, prefixes }),
        },
      ]
    })
  }

  // --- writes --------------------------------------------------------------------------------

  /** Adds or replaces one item in generation `g`; word counts go to `vocab` (applied by the caller). */
  private writeItem(g: number, item: SearchItem, version: number, vocab: Map<string, number>): void {
    if (!item || typeof item.id !== 'string' || item.id === '' || !(SEARCH_KINDS as readonly string[]).includes(item.kind)) {
      throw new TypeError(`Search item without a valid id or kind: ${JSON.stringify(item?.id)}`)
    }
    const t = tablesOf(g)
    const folded = foldTexts(indexTexts(item))
    const existing = this.get<StoredRow>(
      `SELECT i.rid, i.kind, i.number, i.number_key, i.number_short_key, i.number_compact_key, i.title, i.type, i.issuer_name, i.field_names, i.year,
              x.summary, x.body, x.attachment_text
       FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.id = ?`,
      item.id,
    )
    const values: SQLInputValue[] = [
      version,
      item.kind,
      item.type ?? null,
      item.issuer ?? null,
      item.level ?? null,
      item.year,
      JSON.stringify(item.fields ?? []),
      item.status ?? null,
      item.issuedAt,
      item.slug,
      item.url,
      item.number ?? null,
      item.numberKey ?? null,
      item.numberShortKey ?? null,
      item.numberCompactKey ?? null,
      item.issuerName ? cleanText(item.issuerName) : null,
      JSON.stringify((item.fieldNames ?? []).map(cleanText)),
      item.updatedAt,
      cleanText(item.title),
    ]
    let rid: number
    if (existing) {
      rid = existing.rid
      for (const token of tokenSet(foldTexts(indexTexts(storedAsItem(existing))))) vocab.set(token, (vocab.get(token) ?? 0) - 1)
      this.run(`DELETE FROM ${t.head} WHERE rowid = ?`, rid)
      this.run(`DELETE FROM ${t.full} WHERE rowid = ?`, rid)
      this.run(
        `UPDATE ${t.items} SET version = ?, kind = ?, type = ?, issuer = ?, level = ?, year = ?, fields = ?, status = ?, issued_at = ?,
           slug = ?, url = ?, number = ?, number_key = ?, number_short_key = ?, number_compact_key = ?, issuer_name = ?, field_names = ?,
           updated_at = ?, title = ? WHERE rid = ?`,
        ...values,
        rid,
      )
    } else {
      const info = this.run(
        `INSERT INTO ${t.items} (id, version, kind, type, issuer, level, year, fields, status, issued_at, slug, url, number, number_key,
           number_short_key, number_compact_key, issuer_name, field_names, updated_at, title)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        item.id,
        ...values,
      )
      rid = Number(info.lastInsertRowid)
    }
    this.run(
      `INSERT INTO ${t.texts} (rid, summary, body, attachment_text) VALUES (?, ?, ?, ?)
       ON CONFLICT(rid) DO UPDATE SET summary = excluded.summary, body = excluded.body, attachment_text = excluded.attachment_text`,
      rid,
      cleanText(item.summary),
      cleanText(item.body),
      cleanText(item.attachmentText),
    )
    this.run(`INSERT INTO ${t.head} (rowid, number, title, meta, summary) VALUES (?, ?, ?, ?, ?)`, rid, folded.number, folded.title, folded.meta, folded.summary)
    this.run(
      `INSERT INTO ${t.full} (rowid, head, body, attachment) VALUES (?, ?, ?, ?)`,
      rid,
      [folded.number, folded.title, folded.meta, folded.summary].join(' '),
      folded.body,
      folded.attachment,
    )
    for (const token of tokenSet(folded)) vocab.set(token, (vocab.get(token) ?? 0) + 1)
  }

  private removeItem(g: number, id: string, version: number, vocab: Map<string, number>): void {
    const t = tablesOf(g)
    const existing = this.get<StoredRow>(
      `SELECT i.rid, i.kind, i.number, i.number_key, i.number_short_key, i.number_compact_key, i.title, i.type, i.issuer_name, i.field_names, i.year,
              x.summary, x.body, x.attachment_text
       FROM ${t.items} i JOIN ${t.texts} x ON x.rid = i.rid WHERE i.id = ?`,
      id,
    )
    if (!existing) return
    for (const token of tokenSet(foldTexts(indexTexts(storedAsItem(existing))))) vocab.set(token, (vocab.get(token) ?? 0) - 1)
    this.run(`DELETE FROM ${t.head} WHERE rowid = ?`, existing.rid)
    this.run(`DELETE FROM ${t.full} WHERE rowid = ?`, existing.rid)
    this.run(`DELETE FROM ${t.texts} WHERE rid = ?`, existing.rid)
    this.run(`DELETE FROM ${t.items} WHERE rid = ?`, existing.rid)
    this.run(`INSERT INTO ${t.gone} (rid, version) VALUES (?, ?) ON CONFLICT(rid) DO UPDATE SET version = excluded.version`, existing.rid, version)
  }

  private applyVocab(g: number, vocab: Map<string, number>): void {
    const t = tablesOf(g)
    let negative = false
    for (const [term, delta] of vocab) {
      if (delta === 0) continue
      if (delta < 0) negative = true
      this.run(`INSERT INTO ${t.vocab} (term, docs) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs`, term, delta)
    }
    if (negative) this.run(`DELETE FROM ${t.vocab} WHERE docs <= 0`)
    vocab.clear()
  }

  async upsert(items: SearchItem[]): Promise<void> {
    if (items.length > 0) await this.writeLive((g, version, vocab) => items.forEach((item) => this.writeItem(g, item, version, vocab)))
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.writeLive((g, version, vocab) => new Set(ids).forEach((id) => this.removeItem(g, id, version, vocab)))
  }

  /** One change of the live generation: a new version, the vocabulary deltas applied at the end. */
  private async writeLive(change: (g: number, version: number, vocab: Map<string, number>) => void): Promise<void> {
    await this.exclusive(() => {
      try {
        this.write(() => {
          const g = this.liveGeneration()
          const vocab = new Map<string, number>()
          change(g, this.nextVersion(), vocab)
          this.applyVocab(g, vocab)
        })
      } catch (e) {
        throw this.unavailable(e)
      }
    })
  }

  /** Claims a new generation and drops what crashed builds left behind (unless a live process owns it). */
  private beginBuild(): number {
    return this.write(() => {
      const live = this.liveGeneration()
      const host = hostname()
      for (const g of this.generationsOnDisk()) {
        if (g === live) continue
        const owner = this.meta(`building:${g}`)
        const claim = owner ? (JSON.parse(owner) as { pid: number; host: string }) : null
        if (claim && claim.host === host && claim.pid !== process.pid && processAlive(claim.pid)) continue
        dropTables(this.db, g)
        this.run('DELETE FROM search_meta WHERE key = ?', `building:${g}`)
      }
      const g = Math.max(Number(this.meta('next_generation') ?? live + 1), live + 1, ...this.generationsOnDisk().map((x) => x + 1))
      this.setMeta('next_generation', g + 1)
      this.setMeta(`building:${g}`, JSON.stringify({ pid: process.pid, host }))
      createTables(this.db, g)
      return g
    })
  }

  private abandonBuild(g: number): void {
    try {
      this.write(() => {
        dropTables(this.db, g)
        this.run('DELETE FROM search_meta WHERE key = ?', `building:${g}`)
      })
    } catch {
      // Left for the next build to clean up.
    }
  }

  async replaceAll(batches: AsyncIterable<SearchItem[]>): Promise<{ count: number }> {
    return this.exclusive(async () => {
      let g: number
      try {
        g = this.beginBuild()
      } catch (e) {
        throw this.unavailable(e)
      }
      const t = tablesOf(g)
      let old: number
      let count: number
      try {
        const vocab = new Map<string, number>()
        for await (const batch of batches) {
          // One transaction per batch, never held across the await: searches in this process and
          // others keep reading the live generation meanwhile.
          this.write(() => {
            const version = this.nextVersion()
            for (const item of batch) this.writeItem(g, item, version, vocab)
          })
        }
        const entries = [...vocab].filter(([, docs]) => docs > 0)
        for (let i = 0; i < entries.length; i += 50_000) {
          this.write(() => {
            for (const [term, docs] of entries.slice(i, i + 50_000)) this.run(`INSERT INTO ${t.vocab} (term, docs) VALUES (?, ?)`, term, docs)
          })
        }
        this.db.exec(`INSERT INTO ${t.head} (${t.head}) VALUES ('optimize')`)
        this.db.exec(`INSERT INTO ${t.full} (${t.full}) VALUES ('optimize')`)
        ;({ old, count } = this.write(() => {
          const old = this.liveGeneration()
          this.setMeta('generation', g)
          this.run('DELETE FROM search_meta WHERE key = ?', `building:${g}`)
          return { old, count: Number(this.get<{ n: number }>(`SELECT count(*) AS n FROM ${t.items}`)!.n) }
        }))
      } catch (e) {
        if (this.db.isTransaction) this.db.exec('ROLLBACK')
        this.abandonBuild(g)
        throw this.unavailable(e)
      }
      this.statements.clear()
      try {
        this.write(() => dropTables(this.db, old))
        this.db.exec('PRAGMA wal_checkpoint(PASSIVE)')
      } catch {
        // The new generation is live; the old tables are dropped by the next build.
      }
      return { count }
    })
  }

  async entries(): Promise<IndexEntry[]> {
    try {
      return this.read(() => {
        const t = tablesOf(this.liveGeneration())
        return this.all<{ id: string; updated_at: string }>(`SELECT id, updated_at FROM ${t.items} ORDER BY id`).map((r) => ({
          id: r.id,
          updatedAt: r.updated_at,
        }))
      })
    } catch (e) {
      throw this.unavailable(e)
    }
  }

  async close(): Promise<void> {
    await this.queue
    this.stopWarmup()
    if (!this.db.isOpen) return
    this.statements.clear()
    this.db.close()
  }
}

function storedAsItem(row: StoredRow): SearchItem {
  return {
    id: '',
    kind: row.kind,
    slug: '',
    url: '',
    title: row.title,
    number: row.number,
    numberKey: row.number_key,
    numberShortKey: row.number_short_key,
    numberCompactKey: row.number_compact_key,
    type: row.type,
    issuer: null,
    issuerName: row.issuer_name,
    level: null,
    issuedAt: '',
    year: row.year,
    fields: [],
    fieldNames: JSON.parse(row.field_names) as string[],
    status: null,
    summary: row.summary,
    body: row.body,
    attachmentText: row.attachment_text,
    updatedAt: '',
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Opens (creating if needed) the index file at `options.path`; ':memory:' gives a private,
 * non-persistent index. Several processes may open the same file: one writer at a time (SQLite's
 * lock, 10 s busy timeout), readers never blocked (WAL) and seeing each commit on their next query.
 */
export function createSqliteEngine(options: { path: string }): SearchEngine {
  try {
    return new SqliteSearchEngine(options.path)
  } catch (e) {
    if (isSqliteError(e)) throw new SearchUnavailableError(UNAVAILABLE_MESSAGE, { cause: e })
    throw e
  }
}
