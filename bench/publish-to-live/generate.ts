/**
 * Writes the publish-to-live benchmark corpus (corpus.ts) into a fresh CMS database.
 *
 *   tsx bench/publish-to-live/generate.ts --items 20000 --dir bench/out/publish-to-live/corpus-20000 [--seed 20261122]
 *
 * The directory becomes a DATA_DIR: `so-tay.db` (SQLite with the committed migrations) plus the
 * empty upload folders, and `corpus.json` describing what is inside (run.ts reuses a directory whose
 * corpus.json matches the size, seed and CORPUS_VERSION).
 *
 * How records are written, and why: every item goes through the Local API (`payload.create`), so
 * validation, number normalization (numberKey/numberShortKey), the duplicate check, the day-only
 * dates, versions, the audit log and the search-sync job are exactly what the CMS stores for an
 * import. Measured on the 2-core bench machine, one create per transaction costs 17–20 ms per
 * document and grows with the table (the slug field looks for free slugs with a `like` scan: news
 * went from 9 to 17 ms per item between 300 and 3 000 items), i.e. 10+ minutes for 20k items. Three
 * things bring it to ~9 ms, flat with size, without changing what is stored:
 *   - items are written in batches of BATCH creates sharing one transaction (one commit per batch
 *     instead of one per item; SQLite has a single writer anyway);
 *   - the slug is passed in, computed by the same rule as the slug field (documentSlug / title cut
 *     at 80 characters, slugify, then -2, -3… on collision), which is what `npm run import` does
 *     too; the field hook then only re-slugifies it instead of scanning for a free one;
 *   - `depth: 0`, so the created record is not re-read with its relations populated.
 * `payload.db.create` would be faster still but would skip hooks (keys, versions, audit, jobs), so
 * the database would no longer be one the CMS could have produced.
 */
import fs from 'node:fs'
import path from 'node:path'
import { buildCorpus, CORPUS_VERSION, DEFAULT_SEED, ORGANIZATIONS, SUBJECTS, type ItemSpec } from './corpus'

const BATCH = 250
const mb = (bytes: number) => Math.round(bytes / 1024 ** 2)
const BENCH_SECRET = 'site-build-bench-secret-0123456789abcdef'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const dirArg = arg('dir')
if (!dirArg) {
  console.error('usage: generate.ts --items <n> --dir <dir> [--seed <n>]')
  process.exit(2)
}
const dir = path.resolve(dirArg)
const seed = Number(arg('seed') ?? DEFAULT_SEED)
const items = Number(arg('items') ?? 0)
if (!(items > 0)) {
  console.error('--items must be a positive number')
  process.exit(2)
}

fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(path.join(dir, 'files'), { recursive: true })
fs.mkdirSync(path.join(dir, 'media'), { recursive: true })

// The CMS configuration reads the environment once, when it is first imported.
process.env.DATA_DIR = dir
process.env.DATABASE_URL = `file:${path.join(dir, 'so-tay.db')}`
process.env.PAYLOAD_SECRET = BENCH_SECRET
process.env.JOBS_IN_PROCESS = 'false'

const { getPayload, createLocalReq, initTransaction, commitTransaction, killTransaction } = await import('payload')
const { default: config } = await import('../../cms/payload.config')
const { applyMigrations } = await import('../../cms/lib/migrate')
const { plainTextToLexical } = await import('../../cms/richtext/plainText')
const payload = await getPayload({ config })
type Req = Awaited<ReturnType<typeof createLocalReq>>

/** Runs `work` in one transaction per call, committed at the end (rolled back on error). */
async function inTransaction<T>(work: (req: Req) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/** Leaves a single .db file (no -wal to forget when the directory is copied). */
async function checkpoint() {
  const client = (payload.db as unknown as { client?: { execute: (sql: string) => Promise<unknown> } }).client
  await client?.execute('PRAGMA wal_checkpoint(TRUNCATE)')
}

const started = performance.now()
await generate()
await checkpoint()
console.log(`› done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
process.exit(0)

async function generate() {
  await applyMigrations(payload)
  const corpus = buildCorpus(items, seed)

  const orgIds = new Map<string, string>()
  for (const o of ORGANIZATIONS) {
    const created = await payload.create({
      collection: 'organizations',
      depth: 0,
      data: { name: o.name, code: o.code, kind: o.kind, parent: o.parent ? orgIds.get(o.parent) : undefined },
    })
    orgIds.set(o.key, String(created.id))
  }
  const subjectIds = new Map<string, string>()
  for (const name of SUBJECTS) subjectIds.set(name, String((await payload.create({ collection: 'subjects', depth: 0, data: { name } })).id))

  const itemIds: string[] = []
  const idsOf = (indexes: number[]) => indexes.map((i) => itemIds[i]!)
  const dataFor = (item: ItemSpec): { collection: 'documents' | 'news'; data: Record<string, unknown> } =>
    item.kind === 'document'
      ? {
          collection: 'documents',
          data: {
            slug: item.slug,
            type: item.type,
            number: item.number,
            title: item.title,
            issuer: orgIds.get(item.issuer),
            level: item.level,
            issuedAt: item.issuedAt,
            term: item.term || undefined,
            signer: item.signer,
            summary: plainTextToLexical(item.summary),
            subjects: item.subjects.map((s) => subjectIds.get(s)),
            status: item.status,
            replaces: idsOf(item.replaces),
            guides: idsOf(item.guides),
            implements: idsOf(item.implements),
            amends: idsOf(item.amends),
            audience: 'public',
            secrecy: 'none',
            _status: 'published',
          },
        }
      : {
          collection: 'news',
          data: {
            slug: item.slug,
            title: item.title,
            category: item.category,
            lead: item.lead,
            body: plainTextToLexical(item.body),
            publishedAt: item.publishedAt,
            source: item.source,
            organization: item.organization ? orgIds.get(item.organization) : undefined,
            relatedDocuments: idsOf(item.related),
            audience: 'public',
            _status: 'published',
          },
        }

  for (let start = 0; start < corpus.items.length; start += BATCH) {
    await inTransaction(async (req) => {
      for (const item of corpus.items.slice(start, start + BATCH)) {
        const { collection, data } = dataFor(item)
        const created = await payload.create({ collection, data: data as never, depth: 0, req })
        itemIds[item.index] = String(created.id)
      }
    })
    const done = Math.min(start + BATCH, corpus.items.length)
    if (done % 2000 < BATCH || done === corpus.items.length)
      console.log(
        `  ${done}/${corpus.items.length} items (${((performance.now() - started) / 1000).toFixed(0)} s, heap ${mb(process.memoryUsage().heapUsed)} MB, external ${mb(process.memoryUsage().external)} MB, rss ${mb(process.memoryUsage.rss())} MB)`,
      )
  }

  await inTransaction(async (req) => {
    for (const t of corpus.topics) {
      await payload.create({
        collection: 'topics',
        depth: 0,
        req,
        data: {
          month: t.month,
          title: t.title,
          theme: t.theme,
          body: plainTextToLexical(t.body),
          relatedDocuments: idsOf(t.related),
          questions: t.questions.map((q) => ({
            question: q.question,
            choices: q.choices.map((text) => ({ text })),
            answer: q.answer,
            explanation: q.explanation,
          })),
          audience: 'public',
          _status: 'published',
        } as never,
      })
    }
  })

  const documents = corpus.items.filter((i) => i.kind === 'document')
  const count = <K extends string>(values: K[]) => values.reduce((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {} as Record<string, number>)
  const meta = {
    corpusVersion: CORPUS_VERSION,
    seed,
    items,
    documents: documents.length,
    news: corpus.items.length - documents.length,
    topics: corpus.topics.length,
    organizations: ORGANIZATIONS.length,
    subjects: SUBJECTS.length,
    status: count(documents.map((d) => d.status)),
    types: count(documents.map((d) => d.type)),
    generatedAt: new Date().toISOString(),
    generationSeconds: Math.round((performance.now() - started) / 100) / 10,
  }
  fs.writeFileSync(path.join(dir, 'corpus.json'), `${JSON.stringify(meta, null, 2)}\n`)
  console.log(`› ${meta.documents} documents, ${meta.news} news, ${meta.topics} topics in ${dir}`)
}
