/**
 * `tsx bench/search/compare.ts --size N --engine-module FILE [--random 2000] [--writes 300]`
 *
 * Checks that a change to the embedded engine changed nothing a member can see: the engine in
 * FILE (e.g. the previous version: `git show HEAD:search/engines/sqlite.ts` and its modules in
 * search/engines/sqlite/, imports pointed at this tree, as in bench/README.md) and the current
 * one answer the same queries over the same index (bench/out/search/data-N, built by run.ts),
 * and every answer must be identical: total, hits in order with their snippets, and every facet
 * count (tookMs aside).
 *
 * Queries: the benchmark's set, plus `--random` more made from the index's own vocabulary
 * (one to four words of every frequency, prefixes, typos, filters, pages 1–3), asked twice by
 * the current engine (the second time from its in-memory posting sets).
 *
 * With --writes K (default 300; 0 to skip), the index is copied to a scratch directory, both
 * engines open the copy, the current engine answers every query once (its caches warm), then
 * another connection upserts K changed items (titles and summaries rewritten with common words,
 * new items) and removes K/3; the queries are compared again: the warm reader must have patched
 * its posting sets from the other connection's commit. Then the reader writes itself and the
 * comparison runs a third time.
 *
 * Exit code 1 when any answer differs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { SearchEngine, SearchItem, SearchQuery, SearchResult } from '../../search/contract'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { OUT, itemsFile, queriesFile, readBatches } from './generate'
import { prng } from '../publish-to-live/corpus'
import type { BenchQuery } from './queries'

const arg = (name: string, fallback = '') => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}
const size = Number(arg('size', '10000'))
const module = arg('engine-module')
const randomCount = Number(arg('random', '2000'))
const writes = Number(arg('writes', '300'))
if (!module) {
  console.error('--engine-module FILE is required (the engine to compare with)')
  process.exit(2)
}
const { createSqliteEngine: createOther } = (await import(path.resolve(module))) as typeof import('../../search/engines/sqlite')
const indexFile = path.join(OUT, `data-${size}`, 'search', 'so-tay.sqlite')
if (!fs.existsSync(indexFile)) {
  console.error(`${indexFile} is missing: run \`npm run bench:search -- --sizes ${size} --no-http\` first`)
  process.exit(2)
}

type Q = Pick<SearchQuery, 'q' | 'filters' | 'page'>
const LIMIT = 10

/** Random queries from the index's vocabulary and facet values. */
function randomQueries(file: string, n: number): Q[] {
  const db = new DatabaseSync(file, { readOnly: true })
  const g = (db.prepare("SELECT value FROM search_meta WHERE key = 'generation'").get() as { value: string }).value
  const vocab = db.prepare(`SELECT term, docs FROM vocab_${g} ORDER BY docs DESC`).all() as Array<{ term: string; docs: number }>
  const values: Record<string, string[]> = {}
  for (const col of ['kind', 'type', 'issuer', 'level', 'year', 'status']) {
    values[col] = (db.prepare(`SELECT DISTINCT ${col} AS v FROM items_${g} WHERE ${col} IS NOT NULL`).all() as Array<{ v: string | number }>).map((r) =>
      String(r.v),
    )
  }
  values.field = [
    ...new Set((db.prepare(`SELECT fields FROM items_${g} LIMIT 5000`).all() as Array<{ fields: string }>).flatMap((r) => JSON.parse(r.fields) as string[])),
  ]
  const titles = (db.prepare(`SELECT title FROM items_${g} ORDER BY rid LIMIT 3000`).all() as Array<{ title: string }>).map((r) => r.title)
  db.close()
  const r = prng(20261123)
  const common = vocab.slice(0, 300).map((v) => v.term)
  const middle = vocab.slice(300, 3000).map((v) => v.term)
  const rare = vocab.slice(3000).map((v) => v.term)
  const word = () => {
    const x = r.next()
    return r.pick(x < 0.55 ? common : x < 0.85 ? middle : rare.length ? rare : middle)
  }
  const out: Q[] = []
  for (let i = 0; i < n; i++) {
    const kind = r.int(0, 9)
    let q: string
    if (kind <= 3) q = Array.from({ length: r.int(1, 4) }, word).join(' ')
    else if (kind === 4) {
      const w = word()
      q = `${Array.from({ length: r.int(0, 2) }, word).join(' ')} ${w.slice(0, r.int(1, Math.max(1, w.length)))}`.trim()
    } else if (kind === 5) {
      const w = word()
      const k = r.int(1, Math.max(1, w.length - 1))
      q = `${word()} ${w.slice(0, k)}${'aeiouhnt'[r.int(0, 7)]}${w.slice(k + 1)}`
    } else if (kind === 6) q = r.pick(titles).split(/\s+/).slice(0, r.int(2, 7)).join(' ')
    else if (kind === 7) q = r.pick(titles).split(/\s+/).slice(0, r.int(2, 5)).join(' ').slice(0, -r.int(1, 3))
    else if (kind === 8) q = `${word()} ${word()} ${r.int(2010, 2026)}`
    else q = ''
    const filters: Record<string, string> = {}
    if (kind === 9 || r.chance(0.25)) {
      for (const name of r.sample(Object.keys(values), r.int(1, 2))) if (values[name]!.length) filters[name] = r.pick(values[name]!)
    }
    out.push({ q, filters, page: r.chance(0.2) ? r.int(2, 3) : 1 })
  }
  return out
}

const strip = (res: SearchResult) => JSON.stringify({ ...res, tookMs: 0 })

async function compare(label: string, a: SearchEngine, b: SearchEngine, queries: Q[], twice: boolean): Promise<number> {
  let bad = 0
  const started = performance.now()
  for (const q of queries) {
    const query = { ...q, limit: LIMIT }
    const want = strip(await a.search(query))
    const got = strip(await b.search(query))
    const again = twice ? strip(await b.search(query)) : got
    if (want !== got || want !== again) {
      if (++bad <= 5) {
        console.error(`${label}: differs for ${JSON.stringify(q)}`)
        const w = JSON.parse(want) as SearchResult
        const g = JSON.parse(want !== got ? got : again) as SearchResult
        console.error(`  want total ${w.total} ${w.hits.map((h) => h.slug).join(' ')}`)
        console.error(`  got  total ${g.total} ${g.hits.map((h) => h.slug).join(' ')}`)
        if (w.total === g.total && JSON.stringify(w.hits) === JSON.stringify(g.hits)) console.error('  (facets differ)')
      }
    }
  }
  console.log(`${label}: ${queries.length} queries, ${bad} different (${Math.round(performance.now() - started)} ms)`)
  return bad
}

const bench = JSON.parse(fs.readFileSync(queriesFile(size), 'utf8')) as BenchQuery[]
const queries: Q[] = [...bench.map((q) => ({ q: q.q, filters: q.filters, page: q.page })), ...randomQueries(indexFile, randomCount)]
let failures = 0

{
  const a = createOther({ path: indexFile })
  const b = createSqliteEngine({ path: indexFile })
  failures += await compare('same index', a, b, queries, true)
  await a.close()
  await b.close()
}

if (writes > 0) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-compare-'))
  try {
    const copy = path.join(dir, 'so-tay.sqlite')
    const src = new DatabaseSync(indexFile, { readOnly: true })
    src.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`)
    src.close()
    const reader = createSqliteEngine({ path: copy })
    const writer = createSqliteEngine({ path: copy })
    const fresh = createOther({ path: copy })
    const sample = queries.filter((_, i) => i % 4 === 0)
    for (const q of sample) await reader.search({ ...q, limit: LIMIT })

    // Changed items: existing ones rewritten with words of other items, new ones, removals.
    const r = prng(77)
    const items: SearchItem[] = []
    for await (const batch of readBatches(itemsFile(size), 500)) {
      for (const item of batch) if (r.chance((writes * 3) / size)) items.push(item)
      if (items.length >= writes * 2) break
    }
    const changed = items.slice(0, writes).map((item, i) => {
      const other = items[items.length - 1 - i]!
      return i % 4 === 3
        ? { ...other, id: `${other.id}-copy`, slug: `${other.slug}-copy`, url: `${other.url}copy/` }
        : {
            ...item,
            title: `${other.title} ${item.title.split(' ').slice(0, 3).join(' ')}`,
            summary: other.summary,
            status: other.status,
            fields: other.fields,
            fieldNames: other.fieldNames,
          }
    })
    const removed = items.slice(writes, writes + Math.floor(writes / 3)).map((i) => i.id)
    // Rounds small enough to be patched into the reader's posting sets (not emptied).
    const rounds = Math.max(1, Math.ceil(writes / 40))
    for (let k = 0; k < rounds; k++) {
      const part = <T>(list: T[]) => list.slice(Math.floor((k * list.length) / rounds), Math.floor(((k + 1) * list.length) / rounds))
      await writer.upsert(part(changed))
      await writer.remove(part(removed))
      const some = sample.filter((_, i) => i % rounds === k)
      failures += await compare(`after another connection wrote (round ${k + 1}/${rounds})`, fresh, reader, some, false)
    }
    failures += await compare('after another connection wrote (all queries)', fresh, reader, sample, false)
    // The reader's own writes (PRAGMA data_version does not report them).
    await reader.upsert(changed.slice(0, 20).map((item) => ({ ...item, title: `${item.title} thực hiện nghị quyết`, summary: `${item.summary} cán bộ` })))
    await reader.remove(changed.slice(20, 30).map((i) => i.id))
    failures += await compare("after the reader's own writes", fresh, reader, sample, false)
    await Promise.all([reader.close(), writer.close(), fresh.close()])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (failures) {
  console.error(`${failures} answers differ`)
  process.exit(1)
}
console.log('all answers identical')
