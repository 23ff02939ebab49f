/**
 * The embedded engine itself: the parts of sqlite/ wired to one connection, and a search from
 * query to page (refresh, match set, ranking tiers, hits with snippets).
 *
 * The parts share one connection and one per-connection memory, because everything in memory is a
 * copy of what that connection reads: a match set, its tiers and its hits must all come from the
 * same read transaction, after the same refresh().
 */
import type { IndexEntry, SearchEngine, SearchHit, SearchIndex, SearchItem, SearchKind, SearchQuery, SearchResult } from '../../contract'
import { checkQuery, elapsed, numberLookup, queryWords, scopeList } from '../../ranking'
import { buildSnippet } from '../../snippet'
import { has } from './bits'
import { Connection, unavailable } from './connection'
import { Matcher } from './match'
import { Memory } from './memory'
import type { Plan } from './plan'
import { liveGeneration, openSchema, tablesOf, type Tables } from './schema'
import { Ranker } from './tiers'
import { Warmup } from './warmup'
import { Writer } from './writes'

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

export class SqliteSearchEngine implements SearchEngine {
  readonly name = 'sqlite'
  private readonly c: Connection
  private readonly memory: Memory
  private readonly matcher: Matcher
  private readonly ranker: Ranker
  private readonly warmup: Warmup
  private readonly writer: Writer

  constructor(
    file: string,
    readonly index: SearchIndex,
  ) {
    this.c = new Connection(file)
    openSchema(this.c)
    this.memory = new Memory(this.c, (columns) => this.warmup.schedule(columns))
    this.matcher = new Matcher(this.c, this.memory)
    this.ranker = new Ranker(this.c, this.matcher)
    this.warmup = new Warmup(this.c, this.memory, this.matcher, this.ranker)
    this.writer = new Writer(this.c, index)
  }

  /** Settles when the background warm-up is done (benchmarks and tests wait on it). */
  get warming(): Promise<void> {
    return this.warmup.warming
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    checkQuery(query)
    const started = performance.now()
    try {
      const result = this.c.read(() => this.answer(query))
      return { ...result, tookMs: elapsed(started) }
    } catch (e) {
      throw unavailable(e)
    }
  }

  private answer(query: SearchQuery): Omit<SearchResult, 'tookMs'> {
    const columns = this.memory.refresh()
    const t = tablesOf(columns.generation)
    const filters = columns.activeFilters(query.filters ?? {})
    const scopes = scopeList(query)
    const visible = columns.visible(scopes)
    const offset = (query.page - 1) * query.limit
    const words = queryWords(query.q)
    const base = { query: query.q, page: query.page }

    if (words.length === 0) {
      // Filters and facets over bitmaps (rowid order, sequential memory access), then the page by
      // walking the date order.
      const ev = columns.evaluateBits(visible.bits, filters, visible)
      const page: number[] = []
      const order = columns.browseOrder()
      for (let i = 0, seen = 0; i < order.length && page.length < query.limit; i++) {
        if (has(ev.bits, order[i]) && seen++ >= offset) page.push(order[i])
      }
      return { ...base, total: ev.n, hits: this.hits(t, page, null), facets: columns.facets(ev.counts) }
    }

    const lookup = numberLookup(query.q)
    const key = JSON.stringify([words, lookup, query.filters ?? {}, scopes])
    const { plan, ev, numberRids } = this.memory.recall(key, () => this.matcher.match(t, columns, words, lookup, filters, visible))
    const page = ev.n > 0 ? this.ranker.rankPage(t, columns, ev, numberRids, plan, offset, query.limit) : []
    return { ...base, total: ev.n, hits: this.hits(t, page, plan), facets: columns.facets(ev.counts) }
  }

  /** The page's items as hits, with snippets marking the plan's words (none for an empty query). */
  private hits(t: Tables, rids: number[], plan: Plan | null): SearchHit[] {
    if (rids.length === 0) return []
    const rows = this.c.all<HitRow>(
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

  upsert(items: SearchItem[]): Promise<void> {
    return this.writer.upsert(items)
  }

  remove(ids: string[]): Promise<void> {
    return this.writer.remove(ids)
  }

  replaceAll(batches: AsyncIterable<SearchItem[]>): Promise<{ count: number }> {
    return this.writer.replaceAll(batches)
  }

  async entries(): Promise<IndexEntry[]> {
    try {
      return this.c.read(() => {
        const t = tablesOf(liveGeneration(this.c))
        return this.c.all<{ id: string; updated_at: string }>(`SELECT id, updated_at FROM ${t.items} ORDER BY id`).map((r) => ({
          id: r.id,
          updatedAt: r.updated_at,
        }))
      })
    } catch (e) {
      throw unavailable(e)
    }
  }

  async close(): Promise<void> {
    await this.writer.idle
    this.warmup.stop()
    if (!this.c.db.isOpen) return
    this.c.clearStatements()
    this.c.db.close()
  }
}
