/**
 * One measurement in its own process, so that its peak RSS is its own (run.ts starts it):
 *
 *   tsx bench/search/measure.ts index --engine sqlite|meilisearch --size N --items FILE --dir DIR [--index members]
 *     A fresh index (the SQLite file is deleted first; Meilisearch uses index bench-search-<N>)
 *     built with replaceAll from the items file in batches of 500, as the CMS reindex does; with
 *     --again, a rebuild over the existing index instead (what a production reindex does).
 *     Reports wall time (and the part spent reading and parsing the items file), items/s,
 *     disk (index file, -wal, -shm; Meilisearch: its index stats) and peak RSS. With --index
 *     members: the members' index (so-tay-members.sqlite, bench-search-<N>-members), the same
 *     items with the scope mix of scopes.ts.
 *
 *   tsx bench/search/measure.ts query --engine … --size N --queries FILE --dir DIR [--passes 3]
 *     Opens the index (cold: new process, new connection; the OS page cache is whatever the
 *     index build left), times the open and the first query, sends the warm-up queries, then every
 *     query of the set `passes` times in runOrder (queries.ts), one at a time, timing
 *     engine.search() with performance.now(). Checks every answer against its expectation.
 *     Then (SQLite, unless --no-breakdown) one more pass, not part of the latency figures, with
 *     node:sqlite's statement methods and the engine's steps wrapped (SelfTimer): where the time
 *     goes per query class (FTS5 match set, FTS5 ranking tiers, other SQL, and in JS: match-set
 *     handling and typo planning, filters and facet counts, ranking, hits and snippets).
 *
 *   tsx bench/search/measure.ts members --engine … --size N --queries FILE --items FILE --dir DIR [--passes 3]
 *     The public index and the members' index (both built by `index`) open in this one process,
 *     both warmed up, then every query of the set `passes` times in runOrder, each asked of both
 *     back to back — without scopes of the public index, with the member's scopes (scopes.ts) of
 *     the members' one, the first of the two alternating — so that both see the same machine at
 *     the same moment. Checks that no member hit lies outside the member's scopes.
 *
 * Prints one JSON line on stdout.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync, StatementSync } from 'node:sqlite'
import { parseSearchEnv } from '../../core/env/search'
import type { SearchEngine, SearchIndex, SearchItem, SearchQuery, SearchResult } from '../../search/contract'
import { openSearchEngine, searchIndexName } from '../../search/engine'
import { readBatches } from './generate'
import { COLD_QUERY, hasNumber, runOrder, WARMUP_QUERIES, type BenchQuery } from './queries'
import { BENCH_MEMBER_SCOPES, benchScopeOf, withBenchScopes } from './scopes'
import { summarizeSamples, type Sample } from './stats'

const arg = (name: string, fallback = '') => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}
const phase = process.argv[2]
const engineName = arg('engine', 'sqlite')
const size = Number(arg('size'))
const dir = path.resolve(arg('dir', '.'))
const seed = Number(arg('seed', '20261122'))
/** Which index `index` builds and `query` measures. */
const which: SearchIndex = arg('index', 'public') === 'members' ? 'members' : 'public'
const LIMIT = 10

const meiliIndexName = (n: number, w: SearchIndex = which) => searchIndexName({ SEARCH_INDEX: `bench-search-${n}` }, w)

async function open(w: SearchIndex = which): Promise<SearchEngine> {
  const module = arg('engine-module')
  if (module && engineName === 'sqlite') {
    // A/B runs: another copy of the embedded engine (e.g. the previous version saved to a file)
    // over the same index file.
    const { createSqliteEngine } = (await import(path.resolve(module))) as typeof import('../../search/engines/sqlite')
    fs.mkdirSync(path.dirname(sqliteFile(w)), { recursive: true })
    return createSqliteEngine({ path: sqliteFile(w), which: w })
  }
  if (engineName === 'meilisearch') {
    if (!process.env.MEILI_URL) throw new Error('MEILI_URL is not set')
    return openSearchEngine(parseSearchEnv({ ...process.env, SEARCH_INDEX: `bench-search-${size}` }), w)
  }
  return openSearchEngine(parseSearchEnv({ DATA_DIR: dir }), w)
}

const sqliteFile = (w: SearchIndex = which) => path.join(dir, 'search', `${searchIndexName({ SEARCH_INDEX: 'so-tay' }, w)}.sqlite`)

function fileSizes(): Record<string, number> {
  const base = sqliteFile()
  const out: Record<string, number> = {}
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      out[`sqlite${suffix}`] = fs.statSync(base + suffix).size
    } catch {
      out[`sqlite${suffix}`] = 0
    }
  }
  return out
}

async function meiliDisk(): Promise<Record<string, number>> {
  const { Meilisearch } = await import('meilisearch')
  const client = new Meilisearch({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY ?? '' })
  const stats = await client.index(meiliIndexName(size)).getStats()
  const all = await client.getStats()
  return { indexSize: stats.indexSize, usedIndexSize: stats.usedIndexSize, rawDocumentDbSize: stats.rawDocumentDbSize, databaseSize: all.databaseSize }
}

const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024)

async function indexPhase() {
  const file = arg('items')
  // --again: a rebuild over the existing index, as a production reindex is (the new generation is
  // built next to the live one, which is dropped after the swap; SQLite keeps the freed pages).
  const again = process.argv.includes('--again')
  if (engineName === 'sqlite' && !again) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(sqliteFile() + suffix, { force: true })
  }
  const engine = await open()
  let readMs = 0
  let batches = 0
  // The source's own time (reading and parsing JSONL) is measured apart from the engine's.
  async function* timed(): AsyncGenerator<SearchItem[]> {
    const it = readBatches(file, 500)[Symbol.asyncIterator]()
    for (;;) {
      const t = performance.now()
      const next = await it.next()
      const batch = next.done ? null : which === 'members' ? withBenchScopes(next.value) : next.value
      readMs += performance.now() - t
      if (!batch) return
      batches++
      yield batch
    }
  }
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  const { count } = await engine.replaceAll(timed())
  const wallMs = performance.now() - started
  const cpu = process.cpuUsage(cpu0)
  const diskOpen = engineName === 'sqlite' ? fileSizes() : await meiliDisk()
  await engine.close()
  const diskClosed = engineName === 'sqlite' ? fileSizes() : diskOpen
  return {
    phase: again ? 'rebuild' : 'index',
    index: which,
    engine: engineName,
    size,
    count,
    batches,
    wallMs: Math.round(wallMs),
    readMs: Math.round(readMs),
    itemsPerSecond: Math.round(count / (wallMs / 1000)),
    itemsPerSecondEngineOnly: Math.round(count / ((wallMs - readMs) / 1000)),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    diskOpen,
    diskClosed,
    peakRssMB: peakRssMB(),
  }
}

interface Failure {
  id: string
  q: string
  filters: Record<string, string>
  page: number
  expect: BenchQuery['expect']
  total: number
  numbers: Array<string | null>
}

function check(query: BenchQuery, result: SearchResult): boolean {
  const e = query.expect
  if (e === 'any') return true
  if (e === 'hits') return result.total > 0 && result.hits.length > 0
  return hasNumber(result.hits, e)
}

/**
 * Where the time goes, by wrapping functions with a self-time profiler: node:sqlite's statement
 * methods (by the SQL they run) and, found by name on the engine's prototypes, the embedded
 * engine's steps. Names not found are reported and simply not split out. Everything is
 * synchronous inside one search, so a plain stack gives exclusive (self) times.
 */
const PARTS = ['ftsMatch', 'ftsTiers', 'otherSql', 'jsMatch', 'jsPostings', 'jsFacets', 'jsRank', 'jsHits', 'rest'] as const
type Part = (typeof PARTS)[number]

function sqlPart(sql: string): Part {
  if (/FROM full_\d+ WHERE/.test(sql)) return 'ftsMatch'
  if (/FROM head_\d+ WHERE/.test(sql)) return 'ftsTiers'
  return 'otherSql'
}

class SelfTimer {
  readonly totals = Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>
  private readonly stack: Array<{ child: number }> = []
  private readonly restores: Array<() => void> = []
  readonly missing: string[] = []

  time<T>(part: Part, fn: () => T): T {
    const frame = { child: 0 }
    const start = performance.now()
    this.stack.push(frame)
    try {
      return fn()
    } finally {
      const elapsed = performance.now() - start
      this.stack.pop()
      this.totals[part] += elapsed - frame.child
      const parent = this.stack.at(-1)
      if (parent) parent.child += elapsed
    }
  }

  wrap(target: object | null | undefined, name: string, part: Part | ((self: unknown) => Part), label: string): void {
    const obj = target as Record<string, unknown> | null | undefined
    const original = obj?.[name]
    if (!obj || typeof original !== 'function') {
      this.missing.push(label)
      return
    }
    const timer = this
    obj[name] = function (this: unknown, ...args: unknown[]) {
      return timer.time(typeof part === 'function' ? part(this) : part, () => (original as (...a: unknown[]) => unknown).apply(this, args))
    }
    this.restores.push(() => {
      obj[name] = original
    })
  }

  reset(): void {
    for (const p of PARTS) this.totals[p] = 0
  }

  restore(): void {
    for (const r of this.restores.reverse()) r()
  }
}

async function breakdown(engine: SearchEngine, queries: BenchQuery[]) {
  // New match keys first, so that nothing from the measured passes is still in the engine's cache.
  for (let i = 0; i < 20; i++) await engine.search({ q: `tổng kết ${1990 + i}`, filters: {}, page: 1, limit: LIMIT })
  const timer = new SelfTimer()
  for (const m of ['get', 'all', 'run']) timer.wrap(StatementSync.prototype, m, (self) => sqlPart((self as StatementSync).sourceSQL), `StatementSync.${m}`)
  timer.wrap(DatabaseSync.prototype, 'exec', 'otherSql', 'DatabaseSync.exec')
  // Steps of the engine by name, on the engine or on one of its parts (search/engines/sqlite/:
  // memory, match set, ranking tiers); an older engine (an A/B baseline) lacks some: listed as not
  // split. (Query planning runs inside match, in the same part.)
  const parts = engine as unknown as { memory?: { columns: object | null }; matcher?: object; ranker?: object; cache?: object | null }
  const holders = [engine, parts.memory, parts.matcher, parts.ranker]
    .filter((o) => o !== undefined)
    .map((o) => Object.getPrototypeOf(o) as Record<string, unknown>)
  const holderOf = (name: string) => holders.find((proto) => typeof proto[name] === 'function')
  const steps: Array<[string, Part]> = [
    ['answer', 'rest'],
    ['refresh', 'rest'],
    ['patchPostings', 'rest'],
    ['match', 'jsMatch'],
    ['numberRids', 'jsMatch'],
    ['postingSet', 'jsPostings'],
    ['exprBits', 'jsPostings'],
    ['prefixSet', 'jsPostings'],
    ['ftsIds', 'jsPostings'],
    ['rankPage', 'jsRank'],
    ['phraseTier', 'jsRank'],
    ['loadHeadlines', 'jsRank'],
    ['phraseByFts', 'jsRank'],
    ['headIds', 'jsRank'],
    ['hits', 'jsHits'],
  ]
  for (const [name, part] of steps) timer.wrap(holderOf(name), name, part, `engine.${name}`)
  // The item columns (ItemColumns; an older engine: FacetCache, at engine.cache).
  const columnsProto = Object.getPrototypeOf(parts.memory?.columns ?? parts.cache ?? {}) as object
  const columnSteps: Array<[string, Part]> = [
    ['evaluate', 'jsFacets'],
    ['evaluateBits', 'jsFacets'],
    ['facets', 'jsFacets'],
    ['rankOrder', 'jsRank'],
    ['browseOrder', 'jsRank'],
  ]
  for (const [name, part] of columnSteps) timer.wrap(columnsProto, name, part, `ItemColumns.${name}`)

  const byClass: Record<string, Record<Part, number> & { n: number }> = {}
  try {
    for (const { query, measured } of runOrder(queries, 1, seed + 1)) {
      timer.reset()
      const t = performance.now()
      await engine.search({ q: query.q, filters: query.filters, page: query.page, limit: LIMIT })
      const total = performance.now() - t
      if (!measured) continue
      const c = (byClass[(query as BenchQuery).cls] ??= { n: 0, ...(Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>) })
      c.n++
      const inside = PARTS.reduce((sum, p) => sum + timer.totals[p], 0)
      for (const p of PARTS) c[p] += timer.totals[p]
      c.rest += total - inside // outside every wrapped function: search() itself, the event loop
    }
  } finally {
    timer.restore()
  }
  // Mean milliseconds per query of the class, two decimals.
  const classes = Object.fromEntries(
    Object.entries(byClass).map(([cls, c]) => [
      cls,
      Object.fromEntries(Object.entries(c).map(([k, v]) => [k, k === 'n' ? v : Math.round((v / c.n) * 100) / 100])),
    ]),
  )
  return { classes, notSplit: timer.missing }
}

async function queryPhase() {
  const queries = JSON.parse(fs.readFileSync(arg('queries'), 'utf8')) as BenchQuery[]
  const passes = Math.max(1, Number(arg('passes', '3')))
  const t0 = performance.now()
  const engine = await open()
  const openMs = performance.now() - t0
  const t1 = performance.now()
  const cold = await engine.search({ ...COLD_QUERY, limit: LIMIT })
  const coldFirstMs = performance.now() - t1
  // The embedded engine warms up in the background after its first search (posting sets of the
  // frequent words, headlines: see search/engines/sqlite.ts), as a server does between requests.
  // Measured: how long that takes; the latency figures are then for a warm engine, like a server
  // that has been up for a few seconds. With --no-settle they are for a cold one instead: these
  // back-to-back searches never yield to the event loop, so the warm-up never runs.
  const t2 = performance.now()
  const warming = (engine as { warming?: Promise<void> }).warming
  if (warming && !process.argv.includes('--no-settle')) {
    const keepAlive = setInterval(() => undefined, 1000)
    await warming
    clearInterval(keepAlive)
  }
  const warmupMs = warming && !process.argv.includes('--no-settle') ? Math.round(performance.now() - t2) : null
  const rssWarm = Math.round(process.memoryUsage().rss / 2 ** 20)

  for (const w of WARMUP_QUERIES) await engine.search({ ...w, limit: LIMIT })

  const samples: Sample[] = []
  const totals: Record<string, number> = {}
  const failures: Failure[] = []
  const checked = new Set<string>()
  for (const { query, measured } of runOrder(queries, passes, seed)) {
    const t = performance.now()
    const result = await engine.search({ q: query.q, filters: query.filters, page: query.page, limit: LIMIT })
    const ms = performance.now() - t
    if (!measured) continue
    const q = query as BenchQuery
    samples.push({ id: q.id, cls: q.cls, ms })
    if (!checked.has(q.id)) {
      checked.add(q.id)
      totals[q.id] = result.total
      if (!check(q, result))
        failures.push({
          id: q.id,
          q: q.q,
          filters: q.filters,
          page: q.page,
          expect: q.expect,
          total: result.total,
          numbers: result.hits.slice(0, 5).map((h) => h.number),
        })
    }
  }
  const parts = engineName === 'sqlite' && !process.argv.includes('--no-breakdown') ? await breakdown(engine, queries) : null
  await engine.close()
  return {
    phase: 'query',
    engine: engineName,
    size,
    queries: queries.length,
    passes,
    openMs: Math.round(openMs * 10) / 10,
    coldFirstMs: Math.round(coldFirstMs * 10) / 10,
    coldTotal: cold.total,
    warmupMs,
    rssAfterWarmupMB: rssWarm,
    ...summarizeSamples(samples),
    totals,
    failures,
    breakdown: parts,
    peakRssMB: peakRssMB(),
  }
}

/** Waits for the embedded engine's background warm-up, if it has one (see queryPhase). */
async function settle(engine: SearchEngine): Promise<number | null> {
  const warming = (engine as { warming?: Promise<void> }).warming
  if (!warming) return null
  const t = performance.now()
  const keepAlive = setInterval(() => undefined, 1000)
  await warming
  clearInterval(keepAlive)
  return Math.round(performance.now() - t)
}

async function membersPhase() {
  const queries = JSON.parse(fs.readFileSync(arg('queries'), 'utf8')) as BenchQuery[]
  const passes = Math.max(1, Number(arg('passes', '3')))
  // Which scope each hit had, to check that no member hit lies outside the member's scopes.
  const scopeOfHit = new Map<string, string>()
  for await (const batch of readBatches(arg('items'), 5000)) for (const item of batch) scopeOfHit.set(`${item.kind}:${item.slug}`, benchScopeOf(item.id))
  const scopes = BENCH_MEMBER_SCOPES
  const visible = new Set<string>(scopes)

  const engines = { public: await open('public'), members: await open('members') }
  const ask = (w: SearchIndex, q: Pick<SearchQuery, 'q' | 'filters' | 'page'>) =>
    engines[w].search({ q: q.q, filters: q.filters, page: q.page, limit: LIMIT, ...(w === 'members' ? { scopes } : {}) })
  for (const w of ['public', 'members'] as const) await ask(w, COLD_QUERY)
  const warmupMs = { public: await settle(engines.public), members: await settle(engines.members) }
  for (const w of WARMUP_QUERIES) for (const x of ['public', 'members'] as const) await ask(x, w)
  const membersTotal = (await engines.members.search({ q: '', filters: {}, page: 1, limit: 1 })).total
  const visibleTotal = (await ask('members', { q: '', filters: {}, page: 1 })).total

  const samples: Record<SearchIndex, Sample[]> = { public: [], members: [] }
  const totals: Record<SearchIndex, Record<string, number>> = { public: {}, members: {} }
  const leaks: Array<{ id: string; q: string; slug: string; scope: string | undefined }> = []
  let turn = 0
  for (const { query, measured } of runOrder(queries, passes, seed)) {
    const order = turn++ % 2 === 0 ? (['public', 'members'] as const) : (['members', 'public'] as const)
    for (const w of order) {
      const t = performance.now()
      const result = await ask(w, query)
      const ms = performance.now() - t
      if (!measured) continue
      const q = query as BenchQuery
      samples[w].push({ id: q.id, cls: q.cls, ms })
      if (totals[w][q.id] !== undefined) continue
      totals[w][q.id] = result.total
      if (w === 'members') {
        for (const hit of result.hits) {
          const scope = scopeOfHit.get(`${hit.kind}:${hit.slug}`)
          if (!scope || !visible.has(scope)) leaks.push({ id: q.id, q: q.q, slug: hit.slug, scope })
        }
      }
    }
  }
  await engines.public.close()
  await engines.members.close()
  const pub = summarizeSamples(samples.public)
  const mem = summarizeSamples(samples.members)
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100
  return {
    phase: 'members',
    engine: engineName,
    size,
    queries: queries.length,
    passes,
    scopes,
    membersTotal,
    visibleTotal,
    warmupMs,
    public: pub,
    members: mem,
    ratio: { p50: ratio(mem.all.p50, pub.all.p50), p95: ratio(mem.all.p95, pub.all.p95), p95OfMedians: ratio(mem.medians.all.p95, pub.medians.all.p95) },
    leaks,
    peakRssMB: peakRssMB(),
  }
}

const result = phase === 'index' ? await indexPhase() : phase === 'query' ? await queryPhase() : phase === 'members' ? await membersPhase() : null
if (!result) {
  console.error('usage: measure.ts index|query|members --engine sqlite|meilisearch --size N --dir DIR (--items FILE | --queries FILE) [--index members]')
  process.exit(2)
}
console.log(JSON.stringify(result))
