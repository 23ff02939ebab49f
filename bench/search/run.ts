/**
 * `npm run bench:search [-- --sizes 10000,100000] [--passes 3] [--http-passes 2] [--seed N]
 *   [--no-http] [--no-rebuild] [--reuse-index] [--site-dist DIR] [--wait-idle SECONDS]
 *   [--engine-module FILE] [--settle SECONDS] [--no-settle] [--no-members]`
 *
 * The search benchmark. For each size:
 *   1. items and queries: generated once (generate.ts, queries.ts) and cached in bench/out/search/;
 *   2. indexing: a fresh embedded index (DATA_DIR=bench/out/search/data-<size>, so the file is
 *      data-<size>/search/so-tay.sqlite, where the site server looks for it) built with replaceAll
 *      in batches of 500; items/s, disk, peak RSS (measure.ts index, its own process); then (unless
 *      --no-rebuild) a second replaceAll over it, as a production reindex runs: its time and the
 *      disk it leaves (SQLite keeps the old generation's pages as free pages);
 *   3. in-process latency: cold open + first query, then the query set (≈250 queries, 16 classes)
 *      `passes` times, warm, one query at a time; p50/p95/p99 overall and per class, and where the
 *      time goes per class (measure.ts query, its own process);
 *   4. HTTP: the built site server (`node <dist>/server/serve.mjs`, HOST=127.0.0.1, a free PORT,
 *      DATA_DIR as above) answering GET /api/search for the same queries, `--http-passes` times,
 *      sequentially over one keep-alive connection (Node's fetch); every answer must be 200, carry
 *      the same total as in-process and meet the query's expectation;
 *   5. member search (unless --no-members): the members' index built from the same items with a
 *      scope mix (scopes.ts: ~80 % public, ~10 % members, ~10 % over 50 organizations in three
 *      levels), then the public and the members' index in one process, each query asked of both
 *      back to back, the members' one with a member's five scope keys; p50/p95 of both, their
 *      ratio, and a check that no member hit lies outside the member's scopes (measure.ts members).
 * Meilisearch runs the same steps (index bench-search-<size>) when MEILI_URL is set.
 *
 * The site: --site-dist DIR, else bench/out/search/site when it is newer than the search code,
 * else a snapshot of ./dist when that is (copied, so that a rebuild of ./dist during the run
 * changes nothing), else `scripts/build-site.ts` with SITE_OUT_DIR=bench/out/search/site (reads
 * the CMS database of the default DATA_DIR, e.g. the one `npm start` or `npm run seed` made).
 *
 * Output: markdown on stdout, JSON in bench/out/search/results-<date>.json and results-latest.json,
 * server logs in bench/out/search/http-<engine>-<size>.log.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { freePort } from '../../scripts/lib/net'
import { DEFAULT_SEED, OUT, ROOT } from './generate'
import { COLD_QUERY, hasNumber, QUERY_CLASSES, runOrder, WARMUP_QUERIES, type BenchQuery } from './queries'
import { summarizeSamples, type Sample, type Summary } from './stats'

const LIMIT = 10
const here = path.join(ROOT, 'bench/search')

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}
const sizes = arg('sizes', '10000,100000')
  .split(',')
  .map((s) => Number(s.trim().replace(/k$/i, '000')))
  .filter((n) => Number.isInteger(n) && n >= 100)
const seed = Number(arg('seed', String(DEFAULT_SEED)))
const passes = Math.max(1, Number(arg('passes', '3')))
const httpPasses = Math.max(1, Number(arg('http-passes', '2')))
const noHttp = process.argv.includes('--no-http')
const reuseIndex = process.argv.includes('--reuse-index')
const rebuild = !process.argv.includes('--no-rebuild')
const withMembers = !process.argv.includes('--no-members')
const waitIdleSeconds = Number(arg('wait-idle', '0'))
/** A/B runs: another copy of the embedded engine for the in-process step (see measure.ts). */
const engineModule = arg('engine-module', '')
/**
 * Seconds the HTTP step waits after the server's first (cold) request, in which the embedded
 * engine warms up in the background; the in-process step waits for the warm-up itself. With
 * --no-settle neither waits: figures for an engine that has just started.
 */
const noSettle = process.argv.includes('--no-settle')
const settleSeconds = noSettle ? 0 : Number(arg('settle', '10'))
if (sizes.length === 0) {
  console.error('--sizes must list item counts ≥ 100, e.g. --sizes 10000,100000')
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const log = (message: string) => console.error(`› ${message}`)

function machine() {
  const db = new DatabaseSync(':memory:')
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  db.close()
  const cpuModel = (() => {
    try {
      return /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? '?'
    } catch {
      return os.cpus()[0]?.model ?? '?'
    }
  })()
  return {
    cpuModel,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
  }
}

/** Waits (up to `seconds`) for the 1-minute load average to drop below 0.8: others' work skews figures. */
async function waitIdle(seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000
  while (os.loadavg()[0]! >= 0.8 && Date.now() < until) await new Promise((r) => setTimeout(r, 5000))
  return Math.round(os.loadavg()[0]! * 100) / 100
}

/** Runs a bench script in its own process; its last stdout line is JSON. */
function child<T>(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, script), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (exit ${r.status})`)
  const last = r.stdout.trim().split('\n').at(-1)!
  return JSON.parse(last) as T
}

function newestMtime(paths: string[]): number {
  let newest = 0
  const visit = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false })
    if (!st) return
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e))
    else newest = Math.max(newest, st.mtimeMs)
  }
  paths.forEach((p) => visit(path.join(ROOT, p)))
  return newest
}

/** The site server entry to benchmark over HTTP, and how it was obtained. */
function ensureSite(): { entry: string; how: string } {
  const given = arg('site-dist', '')
  if (given) return { entry: path.resolve(given, 'server/serve.mjs'), how: `given (${given})` }
  const sources = newestMtime(['search', 'site/lib/search.ts', 'site/pages/api/search.ts', 'cms/env.ts', 'astro.config.mjs'])
  const mine = path.join(OUT, 'site')
  const mineEntry = path.join(mine, 'server/serve.mjs')
  const fresh = (entry: string) => (fs.statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? 0) > sources
  if (fresh(mineEntry)) return { entry: mineEntry, how: 'bench/out/search/site (newer than the search code)' }
  const dist = path.join(ROOT, 'dist')
  if (fresh(path.join(dist, 'server/serve.mjs'))) {
    fs.rmSync(mine, { recursive: true, force: true })
    fs.cpSync(dist, mine, { recursive: true })
    return { entry: mineEntry, how: 'snapshot of ./dist (newer than the search code)' }
  }
  log(`building the site into ${path.relative(ROOT, mine)} (./dist is missing or older than the search code)…`)
  const started = Date.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/build-site.ts')], {
    cwd: ROOT,
    env: { ...process.env, SITE_OUT_DIR: mine, SITE_CACHE_DIR: path.join(OUT, 'site-cache') },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (r.status !== 0 || !fs.existsSync(mineEntry)) throw new Error('the site build failed; pass --site-dist DIR or --no-http')
  return { entry: mineEntry, how: `built with scripts/build-site.ts in ${Math.round((Date.now() - started) / 1000)} s` }
}

const searchUrl = (base: string, q: Pick<BenchQuery, 'q' | 'filters' | 'page'>) => {
  const params = new URLSearchParams({ q: q.q, ...q.filters, page: String(q.page), limit: String(LIMIT) })
  return `${base}/api/search?${params}`
}

function procStatus(pid: number): { peakRssMB: number; rssMB: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    return { peakRssMB: Math.round(kb('VmHWM') / 1024), rssMB: Math.round(kb('VmRSS') / 1024) }
  } catch {
    return { peakRssMB: 0, rssMB: 0 }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------

interface HttpResult {
  engine: string
  size: number
  coldFirstMs: number
  all: Summary
  byClass: Record<string, Summary>
  medians: { all: Summary; byClass: Record<string, Summary> }
  slowest: Array<{ id: string; cls: string; medianMs: number }>
  requests: number
  connectionHeader: string | null
  failures: Array<{ id: string; q: string; status: number; total: number | null; expectedTotal: number | undefined; problem: string }>
  server: { peakRssMB: number; rssMB: number }
  loadBefore: number
}

async function httpBench(
  engine: string,
  size: number,
  dataDir: string,
  entry: string,
  queries: BenchQuery[],
  totals: Record<string, number>,
): Promise<HttpResult> {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production' }
  if (engine === 'sqlite') delete env.MEILI_URL
  else env.SEARCH_INDEX = `bench-search-${size}`
  const logFile = path.join(OUT, `http-${engine}-${size}.log`)
  const out = fs.openSync(logFile, 'w')
  const server = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', out, out] })
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  try {
    // Ready when the port accepts connections (no request yet: the first one is the cold one).
    const deadline = Date.now() + 60_000
    for (;;) {
      const ok = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          s.end()
          resolve(true)
        })
        s.on('error', () => resolve(false))
      })
      if (ok) break
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the site server did not start; see ${logFile}`)
      await new Promise((r) => setTimeout(r, 200))
    }
    const loadBefore = Math.round(os.loadavg()[0]! * 100) / 100
    const t0 = performance.now()
    const first = await fetch(searchUrl(base, COLD_QUERY))
    await first.text()
    const coldFirstMs = performance.now() - t0
    if (first.status !== 200) throw new Error(`GET /api/search answered ${first.status}; see ${logFile}`)
    if (settleSeconds > 0) await new Promise((r) => setTimeout(r, settleSeconds * 1000))
    for (const w of WARMUP_QUERIES) await (await fetch(searchUrl(base, w))).text()

    const samples: Sample[] = []
    const failures: HttpResult['failures'] = []
    const checked = new Set<string>()
    let connectionHeader: string | null = null
    let requests = 0
    for (const { query, measured } of runOrder(queries, httpPasses, seed)) {
      const t = performance.now()
      const res = await fetch(searchUrl(base, query))
      const body = await res.text()
      const ms = performance.now() - t
      requests++
      if (!measured) continue
      const q = query as BenchQuery
      samples.push({ id: q.id, cls: q.cls, ms })
      connectionHeader ??= res.headers.get('connection')
      if (checked.has(q.id)) continue
      checked.add(q.id)
      let total: number | null = null
      let problem = ''
      if (res.status !== 200) problem = `status ${res.status}`
      else {
        const json = JSON.parse(body) as { total: number; hits: Array<{ number: string | null }> }
        total = json.total
        if (totals[q.id] !== undefined && total !== totals[q.id]) problem = 'total differs from in-process'
        else if (q.expect === 'hits' && json.hits.length === 0) problem = 'no hits'
        else if (typeof q.expect === 'object' && !hasNumber(json.hits, q.expect)) problem = 'number not on page 1'
      }
      if (problem) failures.push({ id: q.id, q: q.q, status: res.status, total, expectedTotal: totals[q.id], problem })
    }
    const summary = summarizeSamples(samples)
    return {
      engine,
      size,
      coldFirstMs: Math.round(coldFirstMs * 10) / 10,
      ...summary,
      requests,
      connectionHeader,
      failures,
      server: procStatus(server.pid!),
      loadBefore,
    }
  } finally {
    server.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    if (server.exitCode === null) server.kill('SIGKILL')
    fs.closeSync(out)
  }
}

// ---------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------

interface IndexResult {
  count: number
  wallMs: number
  readMs: number
  itemsPerSecond: number
  itemsPerSecondEngineOnly: number
  cpuMs: number
  diskOpen: Record<string, number>
  diskClosed: Record<string, number>
  peakRssMB: number
  loadBefore?: number
}
interface QueryResult {
  openMs: number
  coldFirstMs: number
  warmupMs: number | null
  rssAfterWarmupMB: number
  all: Summary
  byClass: Record<string, Summary>
  medians: { all: Summary; byClass: Record<string, Summary> }
  slowest: Array<{ id: string; cls: string; medianMs: number }>
  totals: Record<string, number>
  failures: Array<Record<string, unknown>>
  breakdown: { classes: Record<string, Record<string, number>>; notSplit: string[] } | null
  peakRssMB: number
  loadBefore?: number
}
type Summaries = Pick<QueryResult, 'all' | 'byClass' | 'medians'>
interface MembersResult {
  scopes: string[]
  membersTotal: number
  visibleTotal: number
  warmupMs: { public: number | null; members: number | null }
  public: Summaries
  members: Summaries
  ratio: { p50: number; p95: number; p95OfMedians: number }
  leaks: Array<{ id: string; q: string; slug: string; scope: string | undefined }>
  peakRssMB: number
  index: IndexResult | null
  loadBefore?: number
}
interface SizeResult {
  size: number
  corpus: { file: string; bytes: number; generatedMs: number | null; queries: number }
  engines: Array<{
    engine: string
    index: IndexResult | null
    rebuild: IndexResult | null
    query: QueryResult
    http: HttpResult | null
    members: MembersResult | null
  }>
}

const started = Date.now()
const info = machine()
log(
  `${info.cpuModel}, ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}, SQLite ${info.sqlite}; load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
)
const engines = ['sqlite', ...(process.env.MEILI_URL ? ['meilisearch'] : [])]
if (!process.env.MEILI_URL) console.log('SKIPPED: Meilisearch (set MEILI_URL)')
const site = noHttp ? null : ensureSite()
if (site) log(`site server: ${path.relative(ROOT, site.entry)} (${site.how})`)

const results: SizeResult[] = []
for (const size of sizes) {
  log(`${size} items: corpus`)
  const gen = child<{ file: string; queries: string; generatedMs: number | null; bytes: number }>('generate.ts', [
    '--size',
    String(size),
    '--seed',
    String(seed),
  ])
  const queries = JSON.parse(fs.readFileSync(gen.queries, 'utf8')) as BenchQuery[]
  const dataDir = path.join(OUT, `data-${size}`)
  fs.mkdirSync(path.join(dataDir, 'search'), { recursive: true })
  const sizeResult: SizeResult = {
    size,
    corpus: { file: path.relative(ROOT, gen.file), bytes: gen.bytes, generatedMs: gen.generatedMs, queries: queries.length },
    engines: [],
  }
  for (const engine of engines) {
    const common = [
      '--engine',
      engine,
      '--size',
      String(size),
      '--dir',
      dataDir,
      '--seed',
      String(seed),
      ...(engineModule && engine === 'sqlite' ? ['--engine-module', engineModule] : []),
    ]
    let index: IndexResult | null = null
    const indexFile = path.join(dataDir, 'search', 'so-tay.sqlite')
    if (!(reuseIndex && engine === 'sqlite' && fs.existsSync(indexFile))) {
      const loadBefore = await waitIdle(waitIdleSeconds)
      log(`${size} items, ${engine}: indexing`)
      index = { ...child<IndexResult>('measure.ts', ['index', ...common, '--items', gen.file]), loadBefore }
      log(`  ${index.count} items in ${(index.wallMs / 1000).toFixed(1)} s (${index.itemsPerSecond}/s), peak RSS ${index.peakRssMB} MB`)
    }
    let again: IndexResult | null = null
    if (index && rebuild && engine === 'sqlite') {
      const loadBefore = await waitIdle(waitIdleSeconds)
      log(`${size} items, ${engine}: rebuild over the live index`)
      again = { ...child<IndexResult>('measure.ts', ['index', ...common, '--items', gen.file, '--again']), loadBefore }
      log(`  ${(again.wallMs / 1000).toFixed(1)} s (${again.itemsPerSecond}/s), file ${Math.round(again.diskClosed.sqlite! / 1e6)} MB after`)
    }
    const loadBefore = await waitIdle(waitIdleSeconds)
    log(`${size} items, ${engine}: ${queries.length} queries × ${passes} in-process`)
    const query = {
      ...child<QueryResult>('measure.ts', ['query', ...common, '--queries', gen.queries, '--passes', String(passes), ...(noSettle ? ['--no-settle'] : [])]),
      loadBefore,
    }
    log(
      `  p50 ${query.all.p50} ms, p95 ${query.all.p95} ms, p99 ${query.all.p99} ms; ${query.failures.length} unexpected answers${query.warmupMs !== null ? `; background warm-up ${query.warmupMs} ms` : ''}`,
    )
    let http: HttpResult | null = null
    if (site) {
      await waitIdle(waitIdleSeconds)
      log(`${size} items, ${engine}: ${queries.length} queries × ${httpPasses} over HTTP`)
      http = await httpBench(engine, size, dataDir, site.entry, queries, query.totals)
      log(`  p50 ${http.all.p50} ms, p95 ${http.all.p95} ms, p99 ${http.all.p99} ms; ${http.failures.length} failed checks`)
    }
    let members: MembersResult | null = null
    if (withMembers) {
      let membersIndex: IndexResult | null = null
      const membersFile = path.join(dataDir, 'search', 'so-tay-members.sqlite')
      if (!(reuseIndex && engine === 'sqlite' && fs.existsSync(membersFile))) {
        const loadBefore = await waitIdle(waitIdleSeconds)
        log(`${size} items, ${engine}: indexing the members' index`)
        membersIndex = { ...child<IndexResult>('measure.ts', ['index', ...common, '--items', gen.file, '--index', 'members']), loadBefore }
        log(`  ${membersIndex.count} items in ${(membersIndex.wallMs / 1000).toFixed(1)} s`)
      }
      const loadBefore = await waitIdle(waitIdleSeconds)
      log(`${size} items, ${engine}: ${queries.length} queries × ${passes}, public and member search in turn`)
      const m = child<Omit<MembersResult, 'index' | 'loadBefore'>>('measure.ts', [
        'members',
        ...common,
        '--queries',
        gen.queries,
        '--items',
        gen.file,
        '--passes',
        String(passes),
      ])
      members = { ...m, index: membersIndex, loadBefore }
      log(
        `  public p50 ${m.public.all.p50} / p95 ${m.public.all.p95} ms, member p50 ${m.members.all.p50} / p95 ${m.members.all.p95} ms (p95 ×${m.ratio.p95}); ${m.leaks.length} hits outside the member's scopes`,
      )
    }
    sizeResult.engines.push({ engine, index, rebuild: again, query, http, members })
  }
  results.push(sizeResult)
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const MB = (bytes: number) => `${Math.round(bytes / 1e6)} MB`
const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? x.toFixed(1) : String(Math.round(x)))
const lines: string[] = []
const date = new Date().toISOString().slice(0, 10)
lines.push(`### Search benchmark (${date})`, '')
lines.push(`${info.cpuModel}, ${info.cores} cores, ${info.memoryGiB} GiB RAM, ${info.os}, Node ${info.node}, SQLite ${info.sqlite}.`)
lines.push(
  `Seed ${seed}; ${passes} in-process passes and ${httpPasses} HTTP passes over the query set; limit ${LIMIT}; ${noSettle ? 'no settling: figures for an engine that has just started' : `after the engine's background warm-up (in-process: waited for; HTTP: ${settleSeconds} s after the first request)`}.`,
  '',
)
lines.push(
  '| items | engine | index time | items/s | index on disk (while open: file + WAL) | rebuild over it: time, file after | peak RSS index / query | cold open + 1st query | background warm-up | in-process p50 / p95 / p99 (p95 of per-query medians) | HTTP p50 / p95 / p99 (p95 of medians) | HTTP cold 1st | server peak RSS | checks |',
)
lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const s of results) {
  for (const e of s.engines) {
    const i = e.index
    const disk = i
      ? e.engine === 'sqlite'
        ? `${MB(i.diskOpen.sqlite!)} + ${MB(i.diskOpen['sqlite-wal']!)} WAL`
        : `${MB(i.diskOpen.indexSize ?? 0)} (index stats)`
      : 'reused'
    const r = e.rebuild
    const again = r ? `${(r.wallMs / 1000).toFixed(1)} s, ${MB(r.diskOpen.sqlite!)} + ${MB(r.diskOpen['sqlite-wal']!)} WAL` : '–'
    const h = e.http
    const failures = e.query.failures.length + (h?.failures.length ?? 0)
    lines.push(
      `| ${s.size.toLocaleString('en')} | ${e.engine} | ${i ? `${(i.wallMs / 1000).toFixed(1)} s` : '–'} | ${i ? i.itemsPerSecond : '–'} | ${disk} | ${again} | ${i ? i.peakRssMB : '–'} / ${e.query.peakRssMB} MB | ${ms(e.query.openMs)} + ${ms(e.query.coldFirstMs)} ms | ${e.query.warmupMs !== null && e.query.warmupMs !== undefined ? `${(e.query.warmupMs / 1000).toFixed(1)} s` : '–'} | ${ms(e.query.all.p50)} / ${ms(e.query.all.p95)} / ${ms(e.query.all.p99)} ms (${ms(e.query.medians.all.p95)}) | ${h ? `${ms(h.all.p50)} / ${ms(h.all.p95)} / ${ms(h.all.p99)} ms (${ms(h.medians.all.p95)})` : '–'} | ${h ? `${ms(h.coldFirstMs)} ms` : '–'} | ${h ? `${h.server.peakRssMB} MB` : '–'} | ${failures === 0 ? 'all passed' : `${failures} failed`} |`,
    )
  }
}
for (const s of results) {
  for (const e of s.engines) {
    lines.push('', `Per query class, ${s.size.toLocaleString('en')} items, ${e.engine} (p50 / p95 ms; where the time goes: mean ms per query)`, '')
    lines.push(
      '| class | queries | in-process p50 / p95 (of medians) | HTTP p50 / p95 (of medians) | FTS5 full table | FTS5 head table | other SQL | JS planning | JS posting sets | JS filters + facets | JS ranking | JS hits + snippets | rest | mean |',
    )
    lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
    for (const cls of QUERY_CLASSES) {
      const a = e.query.byClass[cls]
      if (!a) continue
      const h = e.http?.byClass[cls]
      const b = e.query.breakdown?.classes[cls]
      const partNames = ['ftsMatch', 'ftsTiers', 'otherSql', 'jsMatch', 'jsPostings', 'jsFacets', 'jsRank', 'jsHits', 'rest']
      const parts = b ? partNames.map((p) => ms(b[p])) : Array(partNames.length).fill('–')
      const mean = b ? ms(partNames.reduce((sum, p) => sum + (b[p] ?? 0), 0)) : '–'
      const am = e.query.medians.byClass[cls]
      const hm = e.http?.medians.byClass[cls]
      lines.push(
        `| ${cls} | ${a.n / passes} | ${ms(a.p50)} / ${ms(a.p95)} (${ms(am?.p95)}) | ${h ? `${ms(h.p50)} / ${ms(h.p95)} (${ms(hm?.p95)})` : '–'} | ${parts.join(' | ')} | ${mean} |`,
      )
    }
    if (e.query.breakdown?.notSplit.length) lines.push('', `Not split out (not found in the engine): ${e.query.breakdown.notSplit.join(', ')}`)
  }
}
const withMemberRuns = results.flatMap((s) => s.engines.filter((e) => e.members).map((e) => ({ size: s.size, e, m: e.members! })))
if (withMemberRuns.length) {
  lines.push(
    '',
    `Member search: the members' index holds the same items with a scope mix (bench/search/scopes.ts: ~80 % public, ~10 % members, ~10 % over 50 organizations in three levels) and is searched with a member's ${withMemberRuns[0]!.m.scopes.length} scope keys (${withMemberRuns[0]!.m.scopes.join(', ')}); the public index without scopes. Both open in one process, each query asked of both back to back (the first of the two alternating), in-process, ms. Goal: member p95 ≤ 1.5 × public p95.`,
    '',
  )
  lines.push(
    "| items | engine | members' index: build time | visible to the member | public p50 / p95 / p99 (p95 of medians) | member p50 / p95 / p99 (p95 of medians) | member ÷ public: p50, p95 (p95 of medians) | goal | member hits outside the member's scopes |",
  )
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const { size, e, m } of withMemberRuns) {
    const sum = (x: Summaries) => `${ms(x.all.p50)} / ${ms(x.all.p95)} / ${ms(x.all.p99)} (${ms(x.medians.all.p95)})`
    lines.push(
      `| ${size.toLocaleString('en')} | ${e.engine} | ${m.index ? `${(m.index.wallMs / 1000).toFixed(1)} s` : 'reused'} | ${m.visibleTotal.toLocaleString('en')} of ${m.membersTotal.toLocaleString('en')} (${((m.visibleTotal / m.membersTotal) * 100).toFixed(1)} %) | ${sum(m.public)} | ${sum(m.members)} | ×${m.ratio.p50}, ×${m.ratio.p95} (×${m.ratio.p95OfMedians}) | ${m.ratio.p95 <= 1.5 ? 'met' : 'NOT met'} | ${m.leaks.length} |`,
    )
  }
  for (const { size, e, m } of withMemberRuns) {
    lines.push('', `Member search per query class, ${size.toLocaleString('en')} items, ${e.engine} (p50 / p95 ms, p95 of per-query medians in brackets)`, '')
    lines.push('| class | public | member |', '| --- | --- | --- |')
    for (const cls of QUERY_CLASSES) {
      const a = m.public.byClass[cls]
      const b = m.members.byClass[cls]
      if (!a || !b) continue
      lines.push(
        `| ${cls} | ${ms(a.p50)} / ${ms(a.p95)} (${ms(m.public.medians.byClass[cls]?.p95)}) | ${ms(b.p50)} / ${ms(b.p95)} (${ms(m.members.medians.byClass[cls]?.p95)}) |`,
      )
    }
  }
}
const problems = results.flatMap((s) =>
  s.engines.flatMap((e) => [
    ...e.query.failures.map((f) => ({ size: s.size, engine: e.engine, where: 'in-process', ...f })),
    ...(e.http?.failures ?? []).map((f) => ({ size: s.size, engine: e.engine, where: 'http', ...f })),
    ...(e.members?.leaks ?? []).map((f) => ({ size: s.size, engine: e.engine, where: 'member search: hit outside the scopes', ...f })),
  ]),
)
if (problems.length) {
  lines.push('', 'Unexpected answers:', '')
  for (const p of problems) lines.push(`- ${JSON.stringify(p)}`)
}
console.log(lines.join('\n'))

const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-')
const json = JSON.stringify(
  {
    date: new Date().toISOString(),
    machine: info,
    seed,
    passes,
    httpPasses,
    settleSeconds,
    engineModule: engineModule || null,
    site: site?.how ?? null,
    wallSeconds: Math.round((Date.now() - started) / 1000),
    results,
  },
  null,
  1,
)
fs.writeFileSync(path.join(OUT, `results-${stamp}.json`), json)
fs.writeFileSync(path.join(OUT, 'results-latest.json'), json)
log(`done in ${Math.round((Date.now() - started) / 1000)} s; JSON in ${path.relative(ROOT, path.join(OUT, 'results-latest.json'))}`)
