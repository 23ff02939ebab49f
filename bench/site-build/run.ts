/**
 * `npm run bench:site [-- --sizes 1000,10000,20000] [--repeat 1] [--change 0.01] [--seed N] [--keep] [--astro JSON]`
 *
 * The site-build benchmark. For each size: a generated CMS database (cached under
 * bench/out/site-build/corpus-<size>/, regenerated only when the corpus changes), copied to a
 * working directory, then three builds of `scripts/build-site.ts`, each a child process measured
 * with `/usr/bin/time -v` (wall time, CPU, peak RSS):
 *   cold     empty SITE_CACHE_DIR and output directory;
 *   warm     the same cache, nothing changed (the loaders fetch nothing);
 *   changed  ~1% of documents and news edited through the Local API first (generate.ts --change).
 * With --repeat n each scenario runs n times and the median is reported.
 *
 * Reported per build: pages (HTML files in the output) and pages/s over the whole build, the phases
 * from Astro's log (content sync, Vite bundling, prerendering, with the per-page render times summed
 * by page type), and for the cold build the page weight per page type (pages.ts).
 * --keep leaves the last output directory of each size in place; --astro '{"build":{"concurrency":4}}'
 * measures a what-if Astro configuration (build-with.ts, merged over astro.config.mjs) instead of
 * the project's own build.
 * Output: a markdown summary on stdout, JSON in bench/out/site-build/results-<date>.json (and
 * results-latest.json), build logs in bench/out/site-build/run-<size>/.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CORPUS_VERSION, DEFAULT_SEED } from './corpus'
import { directorySize, listPages, pageTypeOf, pageWeights, PAGE_TYPES, type PageType, type Weight } from './pages'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = path.join(ROOT, 'bench/out/site-build')
const BENCH_SECRET = 'site-build-bench-secret-0123456789abcdef'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}
const sizes = arg('sizes', '1000,10000,20000')
  .split(',')
  .map((s) => Number(s.trim().replace(/k$/i, '000')))
  .filter((n) => Number.isInteger(n) && n > 0)
const repeat = Math.max(1, Number(arg('repeat', '1')))
const changeFraction = Number(arg('change', '0.01'))
const seed = Number(arg('seed', String(DEFAULT_SEED)))
const keep = process.argv.includes('--keep')
const astroOverride = arg('astro', '')
if (astroOverride) JSON.parse(astroOverride) // fail early on bad JSON
const buildScript = astroOverride ? 'bench/site-build/build-with.ts' : 'scripts/build-site.ts'
if (sizes.length === 0) {
  console.error('--sizes must list item counts, e.g. --sizes 1000,10000,20000')
  process.exit(2)
}
if (!fs.existsSync('/usr/bin/time')) {
  console.error('/usr/bin/time is required (GNU time, package "time"): it measures wall time and peak memory.')
  process.exit(2)
}

type Scenario = 'cold' | 'warm' | 'changed'

interface Build {
  scenario: Scenario
  round: number
  exitCode: number
  wallSeconds: number
  userSeconds: number
  systemSeconds: number
  cpuPercent: number
  peakRssMB: number
  pages: number
  pagesPerSecond: number
  /** From Astro's log: seconds. */
  /**
   * Seconds: process start-up until Astro runs (tsx, imports), content sync (Payload start, loaders,
   * store written), preparation (output directory emptied: the gap before Vite, from the log's
   * 1-second timestamps), Vite bundling, prerendering, and the rest (assets, sitemap, exit).
   */
  phases: { startup: number; contentSync: number; prepare: number; vite: number; prerender: number; rest: number }
  prerenderPagesPerSecond: number
  /** Entries and fetched records per loader ("documents": [15000, 150]). */
  loaders: Record<string, [number, number]>
  /** Sum of Astro's per-page render times, by page type (seconds), and the slowest page. */
  renderByType: Partial<Record<PageType, { pages: number; seconds: number }>>
  slowestPage: { path: string; ms: number } | null
  outputMB: number
  /** 1-minute load average just before the build (includes the tail of the previous build). */
  loadBefore: number
  /**
   * CPU seconds the rest of the machine used while the build ran (all cores busy time from
   * /proc/stat minus the build's own user + system time), and time stolen by the hypervisor: the
   * build needs about one core, so on 2 cores anything above a few seconds slowed it down.
   */
  otherCpuSeconds: number | null
  stealSeconds: number | null
  log: string
}

interface SizeResult {
  items: number
  corpus: Record<string, unknown>
  generatedNow: boolean
  generationSeconds: number | null
  changeSeconds: number[]
  builds: Build[]
  median: Partial<Record<Scenario, Build>>
  /** Shortest wall time per scenario: on a shared machine, the closest to an uncontended run. */
  best: Partial<Record<Scenario, Build>>
  pageCounts: Record<PageType, number>
  weights: Partial<Record<PageType, Weight>>
}

const round1 = (n: number) => Math.round(n * 10) / 10
const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1)
const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '')

function machine() {
  const cpus = os.cpus()
  const version = (pkg: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version as string
  return {
    date: new Date().toISOString(),
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: round1(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    astro: version('astro'),
    payload: version('payload'),
  }
}

/** The cached corpus for a size, generated when missing or stale. */
function corpusFor(items: number): { dir: string; meta: Record<string, unknown>; generatedNow: boolean; seconds: number | null } {
  const dir = path.join(OUT, `corpus-${items}`)
  const metaFile = path.join(dir, 'corpus.json')
  const read = () => (fs.existsSync(metaFile) ? (JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Record<string, unknown>) : null)
  const cached = read()
  if (cached && cached.items === items && cached.seed === seed && cached.corpusVersion === CORPUS_VERSION) {
    return { dir, meta: cached, generatedNow: false, seconds: null }
  }
  console.error(`› generating ${items} items into ${path.relative(ROOT, dir)} (cached for the next runs)…`)
  const started = performance.now()
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/site-build/generate.ts', '--items', String(items), '--dir', dir, '--seed', String(seed)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) throw new Error(`generation of ${items} items failed (exit ${result.status})`)
  return { dir, meta: read()!, generatedNow: true, seconds: round1((performance.now() - started) / 1000) }
}

function parseTime(stderr: string) {
  const field = (label: string) => stderr.match(new RegExp(`^\\s*${label}: (.+)$`, 'm'))?.[1]?.trim() ?? ''
  const wall = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((acc, part) => acc * 60 + Number(part), 0)
  return {
    wallSeconds: round1(wall),
    userSeconds: round1(Number(field('User time \\(seconds\\)'))),
    systemSeconds: round1(Number(field('System time \\(seconds\\)'))),
    cpuPercent: Number(field('Percent of CPU this job got').replace('%', '')),
    peakRssMB: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024),
  }
}

function parseLog(log: string) {
  const text = stripAnsi(log)
  const find = (re: RegExp) => {
    const m = text.match(re)
    return m ? seconds(m[1]!, m[2]!) : 0
  }
  const loaders: Record<string, [number, number]> = {}
  for (const m of text.matchAll(/\[cms-([\w-]+)\] (\d+) entries, (\d+) fetched/g)) loaders[m[1]!] = [Number(m[2]), Number(m[3])]
  const vite = [...text.matchAll(/\[vite\] ✓ built in ([\d.]+)(ms|s)/g)].reduce((sum, m) => sum + seconds(m[1]!, m[2]!), 0)
  const afterPrerender = text.slice(Math.max(0, text.indexOf('prerendering static routes')))
  const prerenderMatch = afterPrerender.match(/✓ Completed in ([\d.]+)(ms|s)\./)
  // "12:01:02 [build] ✓ Completed in 16.54s." then "12:01:19 [build] Building server entrypoints...".
  const clock = (re: RegExp) => {
    const m = text.match(re)
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null
  }
  const infoDone = clock(/(\d\d):(\d\d):(\d\d) \[build\] ✓ Completed in [\d.]+m?s\./)
  const viteStart = clock(/(\d\d):(\d\d):(\d\d) \[build\] Building server entrypoints/)
  const prepare = infoDone !== null && viteStart !== null && viteStart >= infoDone ? viteStart - infoDone : 0
  const renderByType: Partial<Record<PageType, { pages: number; seconds: number }>> = {}
  let slowest: { path: string; ms: number } | null = null
  for (const m of text.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    const file = m[1]!
    const ms = Number(m[2])
    const urlPath = file.replace(/index\.html$/, '')
    const type = file.endsWith('.html') ? pageTypeOf(urlPath) : 'other'
    const entry = (renderByType[type] ??= { pages: 0, seconds: 0 })
    entry.pages++
    entry.seconds += ms / 1000
    if (!slowest || ms > slowest.ms) slowest = { path: file, ms }
  }
  for (const entry of Object.values(renderByType)) entry.seconds = round1(entry.seconds)
  return {
    contentSync: round1(find(/\[types\] Generated ([\d.]+)(ms|s)/)),
    vite: round1(vite),
    prerender: round1(prerenderMatch ? seconds(prerenderMatch[1]!, prerenderMatch[2]!) : 0),
    prepare,
    siteBuilt: find(/› Site built in ([\d.]+) (s)/),
    loaders,
    renderByType,
    slowest,
  }
}

/** Busy, steal and iowait CPU seconds of the whole machine so far (Linux /proc/stat), or null elsewhere. */
function machineCpu(): { busy: number; steal: number } | null {
  try {
    const [user, nice, system, , , irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const hz = 100 // USER_HZ: the unit of /proc/stat on every Linux architecture Node supports
    return { busy: (user! + nice! + system! + irq! + softirq!) / hz, steal: steal! / hz }
  } catch {
    return null
  }
}

function build(workDir: string, scenario: Scenario, roundNo: number): Build {
  const dataDir = path.join(workDir, 'data')
  const outDir = path.join(workDir, 'dist')
  const cacheDir = path.join(workDir, 'cache')
  if (scenario === 'cold') {
    fs.rmSync(outDir, { recursive: true, force: true })
    fs.rmSync(cacheDir, { recursive: true, force: true })
  }
  const logFile = path.join(workDir, `build-${scenario}-${roundNo}.log`)
  const errFile = path.join(workDir, `build-${scenario}-${roundNo}.err`)
  const out = fs.openSync(logFile, 'w')
  const err = fs.openSync(errFile, 'w')
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'so-tay.db')}`,
    PAYLOAD_SECRET: BENCH_SECRET,
    JOBS_IN_PROCESS: 'false',
    SITE_OUT_DIR: outDir,
    SITE_CACHE_DIR: cacheDir,
    FORCE_COLOR: '0',
    BENCH_ASTRO_CONFIG: astroOverride,
  }
  const loadBefore = round1(os.loadavg()[0]!)
  process.stderr.write(`  ${scenario}${repeat > 1 ? ` #${roundNo}` : ''} (load ${loadBefore})… `)
  const cpuBefore = machineCpu()
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', buildScript], { cwd: ROOT, env, stdio: ['ignore', out, err] })
  const cpuAfter = machineCpu()
  fs.closeSync(out)
  fs.closeSync(err)
  const stderr = fs.readFileSync(errFile, 'utf8')
  const log = fs.readFileSync(logFile, 'utf8')
  const time = parseTime(stderr)
  const exitCode = result.status ?? Number(stderr.match(/Exit status: (\d+)/)?.[1] ?? 1)
  if (exitCode !== 0) {
    console.error(`\nbuild failed (exit ${exitCode}); see ${path.relative(ROOT, logFile)} and ${path.relative(ROOT, errFile)}`)
    console.error(stripAnsi(log).split('\n').slice(-15).join('\n'), stderr.split('\n').slice(0, 20).join('\n'))
    process.exit(1)
  }
  const parsed = parseLog(log)
  const clientDir = path.join(outDir, 'client')
  const pages = listPages(clientDir).length
  const b: Build = {
    scenario,
    round: roundNo,
    exitCode,
    ...time,
    pages,
    pagesPerSecond: Math.round(pages / time.wallSeconds),
    phases: {
      startup: round1(Math.max(0, time.wallSeconds - parsed.siteBuilt)),
      contentSync: parsed.contentSync,
      prepare: parsed.prepare,
      vite: parsed.vite,
      prerender: parsed.prerender,
      rest: round1(Math.max(0, parsed.siteBuilt - parsed.contentSync - parsed.prepare - parsed.vite - parsed.prerender)),
    },
    prerenderPagesPerSecond: parsed.prerender ? Math.round(pages / parsed.prerender) : 0,
    loaders: parsed.loaders,
    renderByType: parsed.renderByType,
    slowestPage: parsed.slowest,
    outputMB: Math.round(directorySize(outDir) / 1024 ** 2),
    loadBefore,
    otherCpuSeconds: cpuBefore && cpuAfter ? round1(Math.max(0, cpuAfter.busy - cpuBefore.busy - time.userSeconds - time.systemSeconds)) : null,
    stealSeconds: cpuBefore && cpuAfter ? round1(cpuAfter.steal - cpuBefore.steal) : null,
    log: path.relative(ROOT, logFile),
  }
  process.stderr.write(`${b.wallSeconds} s, ${b.pages} pages, ${b.pagesPerSecond} pages/s, peak ${b.peakRssMB} MB, other processes ${b.otherCpuSeconds ?? '?'} CPU s\n`)
  return b
}

const best = (builds: Build[]): Build => [...builds].sort((a, b) => a.wallSeconds - b.wallSeconds)[0]!
const median = (builds: Build[]): Build => [...builds].sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor((builds.length - 1) / 2)]!

// ---------------------------------------------------------------------------------------------

fs.mkdirSync(OUT, { recursive: true })
const facts = machine()
console.error(`› site build benchmark: ${sizes.join(', ')} items, ${repeat} round(s), ${facts.cores} cores, ${facts.memoryGiB} GiB, Node ${facts.node}, Astro ${facts.astro}`)
const results: SizeResult[] = []

for (const items of sizes) {
  const corpus = corpusFor(items)
  const workDir = path.join(OUT, `run-${items}`)
  fs.rmSync(workDir, { recursive: true, force: true })
  fs.mkdirSync(workDir, { recursive: true })
  fs.cpSync(corpus.dir, path.join(workDir, 'data'), { recursive: true })
  console.error(`› ${items} items (${corpus.meta.documents} documents, ${corpus.meta.news} news), working copy ${path.relative(ROOT, workDir)}`)

  const builds: Build[] = []
  const changeSeconds: number[] = []
  let weights: SizeResult['weights'] = {}
  let pageCounts = {} as Record<PageType, number>
  for (let r = 1; r <= repeat; r++) {
    const cold = build(workDir, 'cold', r)
    builds.push(cold)
    if (r === 1) ({ counts: pageCounts, weights } = pageWeights(path.join(workDir, 'dist', 'client')))
    builds.push(build(workDir, 'warm', r))
    const started = performance.now()
    const changed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/site-build/generate.ts', '--change', String(changeFraction), '--dir', path.join(workDir, 'data'), '--seed', String(seed + r)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
    )
    if (changed.status !== 0) throw new Error('changing items failed')
    changeSeconds.push(round1((performance.now() - started) / 1000))
    builds.push(build(workDir, 'changed', r))
  }
  const byScenario = (s: Scenario) => builds.filter((b) => b.scenario === s)
  results.push({
    items,
    corpus: corpus.meta,
    generatedNow: corpus.generatedNow,
    generationSeconds: corpus.seconds,
    changeSeconds,
    builds,
    median: { cold: median(byScenario('cold')), warm: median(byScenario('warm')), changed: median(byScenario('changed')) },
    best: { cold: best(byScenario('cold')), warm: best(byScenario('warm')), changed: best(byScenario('changed')) },
    pageCounts,
    weights,
  })
  if (!keep) fs.rmSync(path.join(workDir, 'dist'), { recursive: true, force: true })
}

const report = { benchmark: 'site-build', build: buildScript, astroOverride: astroOverride || null, corpusVersion: CORPUS_VERSION, seed, repeat, changeFraction, machine: facts, results }
const stamp = facts.date.slice(0, 19).replace(/[:T]/g, '-')
fs.writeFileSync(path.join(OUT, `results-${stamp}.json`), `${JSON.stringify(report, null, 2)}\n`)
fs.writeFileSync(path.join(OUT, 'results-latest.json'), `${JSON.stringify(report, null, 2)}\n`)

// ---------------------------------------------------------------------------------------------
// Markdown summary

const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1024).toFixed(1))
const lines: string[] = []
lines.push(`Site build${astroOverride ? ` with Astro override ${astroOverride}` : ''}, ${facts.date.slice(0, 10)}: ${facts.cores} cores (${facts.cpu}), ${facts.memoryGiB} GiB, ${facts.os}, Node ${facts.node}, Astro ${facts.astro}, Payload ${facts.payload}; ${repeat > 1 ? `median of ${repeat} runs` : 'single runs'}.`)
lines.push('')
lines.push('| items | build | wall s | best wall s (pages/s) | HTML pages | pages/s | peak RSS MB | CPU % | CPU s used by others | start-up s | content sync s | clean s | Vite s | prerender s (pages/s) | rest s | records fetched |')
lines.push('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const r of results) {
  for (const s of ['cold', 'warm', 'changed'] as const) {
    const b = r.median[s]!
    const fetched = Object.values(b.loaders).reduce((sum, [, f]) => sum + f, 0)
    lines.push(
      `| ${r.items} | ${s} | ${b.wallSeconds} | ${r.best[s]!.wallSeconds} (${r.best[s]!.pagesPerSecond}) | ${b.pages} | ${b.pagesPerSecond} | ${b.peakRssMB} | ${b.cpuPercent} | ${b.otherCpuSeconds ?? '—'} | ${b.phases.startup} | ${b.phases.contentSync} | ${b.phases.prepare} | ${b.phases.vite} | ${b.phases.prerender} (${b.prerenderPagesPerSecond}) | ${b.phases.rest} | ${fetched} |`,
    )
  }
}
lines.push('')
lines.push('Prerender time by page type (cold build, sum of Astro per-page times, s / pages):')
lines.push('')
const renderTypes = PAGE_TYPES.filter((t) => results.some((r) => r.median.cold!.renderByType[t]))
lines.push(`| items | ${renderTypes.join(' | ')} |`)
lines.push(`| ---: | ${renderTypes.map(() => '---:').join(' | ')} |`)
for (const r of results) {
  const rt = r.median.cold!.renderByType
  lines.push(`| ${r.items} | ${renderTypes.map((t) => (rt[t] ? `${rt[t]!.seconds} / ${rt[t]!.pages}` : '—')).join(' | ')} |`)
}
lines.push('')
lines.push('Page weight, KB gzip (HTML + CSS/JS from /_astro/), median of the pages of each type:')
lines.push('')
const weightTypes: PageType[] = ['home', 'library', 'facet', 'document', 'news', 'topic-list']
lines.push(`| items | ${weightTypes.join(' | ')} |`)
lines.push(`| ---: | ${weightTypes.map(() => '---:').join(' | ')} |`)
for (const r of results) {
  lines.push(`| ${r.items} | ${weightTypes.map((t) => (r.weights[t] ? `${kb(r.weights[t]!.totalGzipMedian)} (${kb(r.weights[t]!.htmlGzipMedian)} + ${kb(r.weights[t]!.assetsGzipMedian)})` : '—')).join(' | ')} |`)
}
console.log(lines.join('\n'))
console.error(`› JSON: ${path.relative(ROOT, path.join(OUT, `results-${stamp}.json`))}`)
