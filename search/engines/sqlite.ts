/**
 * The embedded search engine: SQLite FTS5 through Node's built-in node:sqlite, one file on disk.
 * This file is the one way in (createSqliteEngine); the engine is split by concern under sqlite/:
 *   engine.ts      the parts wired to one connection; a search from query to page, hits
 *   connection.ts  statements, read/write transactions, own-commit tracking, error mapping
 *   schema.ts      the tables of a generation, search_meta, build claims and the swap's bookkeeping
 *   folded.ts      an item's folded text per FTS column and posting scope (writes and patches agree)
 *   writes.ts      upsert/remove in the live generation, replaceAll into a new one, vocab_g counts
 *   memory.ts      the per-connection copy of the index and refresh(), which patches it per commit
 *   columns.ts     ItemColumns: facet columns, live/filter bitmaps, counts, rank/browse orders, headlines
 *   postings.ts    posting sets per word and scope, patched per change, under a byte budget
 *   bits.ts        rowid bitmaps
 *   warmup.ts      the background warm-up of frequent words' posting sets and headlines
 *   plan.ts        a query plan: each word's alternatives, its FTS5 expression, the phrase
 *   typos.ts       completions of the last word and typo candidates, from vocab_g
 *   match.ts       the match set (and tier scopes) from posting sets, with the fallbacks
 *   tiers.ts       ranking tiers, the phrase tier over headlines, the page off the rank order
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
 *   gone_g    rowids removed, with the write version (lets other connections update their memory).
 * `search_meta` says which generation is live. replaceAll() builds generation g+1 next to the live
 * one and swaps by updating that one row in a transaction, so readers (this process or the site
 * server) answer from the old generation until the commit and from the new one after it; a failed
 * build drops its tables and leaves the live generation untouched (sqlite/schema.ts,
 * sqlite/writes.ts). FTS columns hold text folded by core/vietnamese.ts (foldWords; see
 * sqlite/folded.ts); the tokenizer only splits it. Highlighting runs in JS on the original text
 * (search/snippet.ts).
 *
 * Query. Every word must match (AND); the last word is also a prefix (expanded from vocab_g when
 * it has few completions, else kept as a prefix). A word the index does not know gets typo
 * candidates from vocab_g (one edit from 4 letters keeping the first one, two from 8); if nothing
 * matches, every eligible word gets candidates, then trailing words are dropped one at a time
 * (sqlite/plan.ts, sqlite/typos.ts, sqlite/match.ts). Results are ranked in tiers, not by bm25
 * (FTS5's bm25 reads the whole posting list of every word for its IDF: ~60 ms for a common word
 * over 100k items):
 *   1. exact number hits  2. the words as a phrase in number/title  3. all words in number/title
 *   4. … in number/title/catalogue line  5. … in the head (adds the summary)  6. the rest (body,
 *   attachment text); within a tier: in force first, then newest. Tiers are computed lazily, only
 *   as far as the requested page reaches (sqlite/tiers.ts).
 *
 * Memory, per connection (sqlite/memory.ts; all of it a copy of the file, brought up to date
 * before every search from items_g.version and gone_g when PRAGMA data_version says another
 * connection committed, or when this one wrote; see refresh()):
 *   - item columns (sqlite/columns.ts, ItemColumns): dictionary-coded typed arrays by rowid, with
 *     bitmaps of the live rows and of each filter value, the counts over all items and the rank
 *     and browse orders, all patched per change (the first search after a commit no longer
 *     re-sorts 100 k items: ~3 ms instead of ~24 ms at 100 k);
 *   - posting sets (sqlite/postings.ts): per word (or prefix) and scope (anywhere, number/title,
 *     + catalogue line, head), the items containing it, read from FTS5 once and patched per change.
 *     The match set and tiers 3–5 are ANDs and ORs of these bitmaps, so a query of common words
 *     ("thực hiện": 95 % of the items) costs microseconds instead of FTS5 decoding long doclists
 *     (the old cost: 4–9 ms for the match set and 3–7 ms for the tiers at 100 k items). A prefix is
 *     the OR of its frequent completions' sets plus one FTS5 query for its rare ones;
 *   - headlines (kept in ItemColumns): the folded number and title per item, for tier 2 (the
 *     phrase), checked in JS on the best-ranked candidates only, with FTS5 as the fallback.
 * After the first search (and after each swap to a new generation) a background warm-up fetches
 * the posting sets of the words in ≥ 1 % of the items and the headlines, a few milliseconds at a
 * time between searches (sqlite/warmup.ts); until then a common word costs one FTS5 read the first
 * time a query uses it. Facets: one pass over the match set (or over its complement when it holds
 * most items) or bitmap popcounts, whichever is cheaper (ItemColumns.countFacet). Reader scopes
 * (a member's query, SearchQuery.scopes): each item has one scope (items_g.scope), so the rows a
 * reader sees are the OR of per-scope bitmaps and the counts over them the sum of per-scope facet
 * counts, both built when a scope is first asked for and patched per change like the filter
 * bitmaps (ItemColumns.visible); the match set, fallbacks, facets and tiers then run over those
 * rows exactly as over all of them, for a few microseconds more per query. The last match
 * sets are kept per connection, so the next page or a facet click on the same query reuses them.
 * Answers are exactly those of FTS5 over the file: bench/search/compare.ts and
 * tests/search/sqlite-memory.test.ts check that against fresh connections and FTS5 itself.
 */
import { SearchUnavailableError, type SearchEngine, type SearchIndex } from '../contract'
import { UNAVAILABLE_MESSAGE } from '../ranking'
import { isSqliteError } from './sqlite/connection'
import { SqliteSearchEngine } from './sqlite/engine'

/**
 * Opens (creating if needed) the index file at `options.path`; ':memory:' gives a private,
 * non-persistent index. Several processes may open the same file: one writer at a time (SQLite's
 * lock, 10 s busy timeout), readers never blocked (WAL) and seeing each commit on their next query.
 * `which` (default public) is the index the file holds: the public one refuses non-public items.
 */
export function createSqliteEngine(options: { path: string; which?: SearchIndex }): SearchEngine {
  try {
    return new SqliteSearchEngine(options.path, options.which ?? 'public')
  } catch (e) {
    if (isSqliteError(e)) throw new SearchUnavailableError(UNAVAILABLE_MESSAGE, { cause: e })
    throw e
  }
}
