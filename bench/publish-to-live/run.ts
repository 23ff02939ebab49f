/**
 * `npm run bench:publish [-- --sizes 1000,20000] [--publishes 20] [--seed N]`
 *
 * Publish-to-live: for each library size, a generated CMS database (cached under
 * bench/out/publish-to-live/corpus-<size>/, regenerated only when the corpus changes) is copied,
 * the site's library store and the search index are built from it, and measure.ts publishes
 * `--publishes` documents one after another, timing each from the publish call returning until the
 * document page shows it and search finds it. Output: a markdown table on stdout, JSON in
 * bench/out/publish-to-live/results-<date>.json (and results-latest.json).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_SEED } from './corpus'
import { corpusFor } from './corpusCache'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = path.join(ROOT, 'bench/out/publish-to-live')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,20000' },
    publishes: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
})
const sizes = values.sizes
  .split(',')
  .map((s) => Number(s.trim().replace(/k$/i, '000')))
  .filter((n) => Number.isInteger(n) && n > 0)
const seed = Number(values.seed)
if (sizes.length === 0) {
  console.error('--sizes must list item counts, e.g. --sizes 1000,20000')
  process.exit(2)
}

fs.mkdirSync(OUT, { recursive: true })
const dist = path.join(OUT, 'dist')
console.error('› building the site (code only)…')
const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-site.ts'], {
  cwd: ROOT,
  env: { ...process.env, SITE_OUT_DIR: dist },
  stdio: ['ignore', 'ignore', 'inherit'],
})
if (build.status !== 0) throw new Error('the site build failed')

const results: Array<Record<string, unknown>> = []
for (const items of sizes) {
  const corpus = corpusFor(items, seed)
  const work = path.join(OUT, `run-${items}`)
  fs.rmSync(work, { recursive: true, force: true })
  fs.cpSync(corpus, work, { recursive: true })
  console.error(`› ${items} items: building the store and index, then ${values.publishes} publishes…`)
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/publish-to-live/measure.ts', '--dir', work, '--dist', dist, '--publishes', values.publishes],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const line = run.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1)
  if (run.status !== 0 || !line) throw new Error(`measuring ${items} items failed (exit ${run.status})\n${run.stdout.slice(-3000)}`)
  results.push({ items, ...JSON.parse(line) })
  fs.rmSync(work, { recursive: true, force: true })
}

const machine = {
  date: new Date().toISOString(),
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
}
const stamp = machine.date.replace(/[:T]/g, '-').slice(0, 19)
fs.writeFileSync(path.join(OUT, `results-${stamp}.json`), JSON.stringify({ machine, results }, null, 2))
fs.writeFileSync(path.join(OUT, 'results-latest.json'), JSON.stringify({ machine, results }, null, 2))

type Stat = { p50: number; p95: number; max: number }
const ms = (s: unknown) => {
  const { p50, p95, max } = s as Stat
  return `${p50} / ${p95} / ${max}`
}
console.log(`\nPublish to live — ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.date}\n`)
console.log('| items | publishes | live p50 / p95 / max (ms) | page | search | publish call | store sync (s) | reindex (s) | site server peak RSS (MB) |')
console.log('|---:|---:|---|---|---|---|---:|---:|---:|')
for (const r of results) {
  console.log(
    `| ${r.items} | ${r.publishes} | ${ms(r.live)} | ${ms(r.page)} | ${ms(r.search)} | ${ms(r.publishCall)} | ${r.storeSyncSeconds} | ${r.reindexSeconds} | ${r.siteServerPeakRssMB} |`,
  )
}
