/**
 * `npm run eval:search [-- --verbose]`: the judged query set (search/eval/queries.json) over the
 * shared corpus, against each engine — the embedded one always, Meilisearch when MEILI_URL is set.
 * Reports MRR, nDCG@10, success@1 (what matters for numbers), recall@10 and leaks (members-only
 * records listed for a leak probe: must be 0) per category and engine.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { SearchEngine } from '../search/contract'
import { createSqliteEngine } from '../search/engines/sqlite'
import { corpusSearchItems } from '../search/eval/corpus'
import { score, type JudgedQuery, type QueryOutcome } from '../search/eval/metrics'

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } })
const queries = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'search', 'eval', 'queries.json'), 'utf8')) as { queries: JudgedQuery[] })
  .queries
const items = corpusSearchItems()

async function* once<T>(value: T) {
  yield value
}

async function evaluate(engine: SearchEngine): Promise<QueryOutcome[]> {
  await engine.replaceAll(once(items))
  const outcomes: QueryOutcome[] = []
  for (const query of queries) {
    const result = await engine.search({ q: query.q, filters: {}, page: 1, limit: 10 })
    outcomes.push({ query, ranked: result.hits.map((h) => h.slug), tookMs: result.tookMs })
  }
  return outcomes
}

const engines: Array<{ name: string; open: () => Promise<SearchEngine> }> = [
  {
    name: 'embedded (SQLite FTS5)',
    open: async () => createSqliteEngine({ path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-eval-')), 'eval.sqlite') }),
  },
]
if (process.env.MEILI_URL) {
  engines.push({
    name: 'Meilisearch',
    open: async () =>
      (await import('../search/engines/meilisearch')).createMeilisearchEngine({
        url: process.env.MEILI_URL!,
        apiKey: process.env.MEILI_MASTER_KEY ?? '',
        index: 'so-tay-eval',
      }),
  })
} else {
  console.log('SKIPPED: Meilisearch evaluation (set MEILI_URL to include it)')
}

const pct = (x: number) => x.toFixed(2)
for (const { name, open } of engines) {
  const engine = await open()
  try {
    const outcomes = await evaluate(engine)
    console.log(`\n## ${name} — ${queries.length} queries, ${items.length} items\n`)
    console.log('| category | queries | MRR | nDCG@10 | success@1 | recall@10 | zero results | leaks |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const s of score(outcomes))
      console.log(
        `| ${s.category} | ${s.queries} | ${pct(s.mrr)} | ${pct(s.ndcgAt10)} | ${pct(s.successAt1)} | ${pct(s.recallAt10)} | ${s.zeroResults} | ${s.leaks} |`,
      )
    const misses = outcomes.filter((o) => !o.query.relevant.includes(o.ranked[0] ?? ''))
    if (values.verbose || misses.length) {
      console.log(`\nNot first (${misses.length}):`)
      for (const o of misses)
        console.log(`  [${o.query.category}] "${o.query.q}" → ${o.ranked.slice(0, 3).join(', ') || '(nothing)'}; expected ${o.query.relevant[0]}`)
    }
  } finally {
    await engine.close()
  }
}
