/**
 * `npm run bench:relevance [-- --verbose]`: the judged query set (search/eval/queries.json) over
 * the shared corpus, asked of the embedded engine and of three JavaScript search libraries on the
 * same items — MiniSearch, FlexSearch, Orama — each set up as a member of this project would set it
 * up: the same searchable text as the engines (number as printed and as keys, title, catalogue
 * line, summary, body and attachments), folded to accent-free ASCII on both sides (none of them
 * folds Vietnamese by itself), field boosts number ≫ title ≫ catalogue ≫ summary ≫ body, prefix
 * search and typo tolerance where the library offers them. MRR, nDCG@10 and success@1 per query
 * class and library, plus the median query time over the corpus (57 items: a relevance benchmark,
 * not a speed one; bench/search measures speed at 100 k items).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import FlexSearch from 'flexsearch'
import MiniSearch from 'minisearch'
import { foldWords } from '../../core/vietnamese'
import type { SearchItem } from '../../search/contract'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { corpusSearchItems } from '../../search/eval/corpus'
import { type JudgedQuery, ndcgAt, reciprocalRank, successAt1 } from '../../search/eval/metrics'
import { metaText, numberText } from '../../search/indexing'

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } })
const ROOT = path.resolve(import.meta.dirname, '../..')
const queries = (JSON.parse(fs.readFileSync(path.join(ROOT, 'search/eval/queries.json'), 'utf8')) as { queries: JudgedQuery[] }).queries
const items = corpusSearchItems()

/** The searchable fields of an item, folded (what the embedded engine indexes, search/indexing.ts). */
const FIELDS = ['number', 'title', 'meta', 'summary', 'body'] as const
type Field = (typeof FIELDS)[number]
const BOOST: Record<Field, number> = { number: 8, title: 4, meta: 2, summary: 1.5, body: 1 }
const folded = (text: string) => foldWords(text).join(' ')
function fieldsOf(item: SearchItem): Record<Field, string> {
  return {
    number: folded(numberText(item)),
    title: folded(item.title),
    meta: folded(metaText(item)),
    summary: folded(item.summary),
    body: folded(`${item.body}\n${item.attachmentText}`),
  }
}
const docs = items.map((item) => ({ id: item.slug, ...fieldsOf(item) }))

interface Library {
  name: string
  setup: string
  build: () => Promise<(q: string) => Promise<string[]>>
}

const libraries: Library[] = [
  {
    name: 'this project (embedded engine)',
    setup: 'as shipped',
    build: async () => {
      const engine = createSqliteEngine({ path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-peers-')), 'peers.sqlite') })
      async function* once() {
        yield items
      }
      await engine.replaceAll(once())
      return async (q) => (await engine.search({ q, filters: {}, page: 1, limit: 10 })).hits.map((h) => h.slug)
    },
  },
  {
    name: 'MiniSearch 7.2.0',
    setup: 'BM25, boosts, prefix, fuzzy 0.2, OR',
    build: async () => {
      const mini = new MiniSearch<(typeof docs)[number]>({
        fields: [...FIELDS],
        idField: 'id',
        tokenize: (text) => text.split(' ').filter(Boolean),
        searchOptions: { boost: BOOST, prefix: true, fuzzy: 0.2 },
      })
      mini.addAll(docs)
      return async (q) =>
        mini
          .search(folded(q))
          .slice(0, 10)
          .map((r) => String(r.id))
    },
  },
  {
    name: 'FlexSearch 0.8.212',
    setup: 'Document index, forward tokenizer, fields merged by boost order',
    build: async () => {
      const index = new FlexSearch.Document({ document: { id: 'id', index: [...FIELDS] }, tokenize: 'forward' })
      for (const d of docs) index.add(d)
      return async (q) => {
        // FlexSearch ranks within a field only: a field's results count more the higher its boost
        // and the earlier they come.
        const scores = new Map<string, number>()
        const results = index.search(folded(q), { limit: 50 }) as unknown as Array<{ field: Field; result: Array<string | number> }>
        for (const { field, result } of results) {
          result.forEach((id, i) => scores.set(String(id), (scores.get(String(id)) ?? 0) + BOOST[field] / (i + 1)))
        }
        return [...scores]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 10)
          .map(([id]) => id)
      }
    },
  },
  {
    name: 'Orama 3.1.18',
    setup: 'BM25, boosts, tolerance 1',
    build: async () => {
      const db = create({ schema: { slug: 'string', number: 'string', title: 'string', meta: 'string', summary: 'string', body: 'string' } as const })
      await insertMultiple(
        db,
        docs.map(({ id, ...rest }) => ({ slug: id, ...rest })),
      )
      return async (q) => {
        const r = await oramaSearch(db, { term: folded(q), properties: [...FIELDS], boost: BOOST, tolerance: 1, limit: 10 })
        return r.hits.map((h) => String((h.document as { slug: string }).slug))
      }
    },
  },
]

const CLASSES = [...new Set(queries.map((q) => q.category))]
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
const rows: string[] = []
const misses: string[] = []
for (const lib of libraries) {
  const ask = await lib.build()
  const per = new Map<string, { rr: number[]; ndcg: number[]; s1: number[] }>()
  await ask('khởi động') // the first query of a process pays for building in-memory state
  const times: number[] = []
  for (const query of queries) {
    const started = performance.now()
    const ranked = await ask(query.q)
    times.push(performance.now() - started)
    const m = per.get(query.category) ?? { rr: [], ndcg: [], s1: [] }
    m.rr.push(reciprocalRank(ranked, query.relevant))
    m.ndcg.push(ndcgAt(10, ranked, query.relevant))
    m.s1.push(successAt1(ranked, query.relevant))
    per.set(query.category, m)
    if (values.verbose && !query.relevant.includes(ranked[0] ?? ''))
      misses.push(`  ${lib.name} [${query.category}] "${query.q}" → ${ranked.slice(0, 3).join(', ')}`)
  }
  const cells = CLASSES.map((c) => {
    const m = per.get(c)!
    return `${mean(m.rr).toFixed(2)} / ${mean(m.ndcg).toFixed(2)}`
  })
  const all = [...per.values()]
  const allRr = mean(all.flatMap((m) => m.rr))
  const allNdcg = mean(all.flatMap((m) => m.ndcg))
  const firsts = all.flatMap((m) => m.s1).reduce((a, b) => a + b, 0)
  rows.push(
    `| ${lib.name} | ${lib.setup} | ${cells.join(' | ')} | ${allRr.toFixed(2)} / ${allNdcg.toFixed(2)} | ${firsts}/${queries.length} | ${times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(2)} |`,
  )
}
console.log(`### Relevance, ${queries.length} judged queries over ${items.length} items (${new Date().toISOString().slice(0, 10)})\n`)
console.log(`MRR / nDCG@10 per class; "first" is success@1 (a best-or-acceptable answer ranked first).\n`)
console.log(
  `| engine | setup | ${CLASSES.map((c) => `${c} (${queries.filter((q) => q.category === c).length})`).join(' | ')} | all | first | median ms/query |`,
)
console.log(`| --- | --- | ${CLASSES.map(() => '---').join(' | ')} | --- | ---: | ---: |`)
for (const row of rows) console.log(row)
if (misses.length) console.log(`\nNot first:\n${misses.join('\n')}`)
