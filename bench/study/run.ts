/**
 * `npm run bench:study` — study statistics for committees (issue 16) at a province's scale.
 *
 *   STUDY_BENCH_MEMBERS=500000 STUDY_BENCH_EVENTS=20000000 npm run bench:study      (the defaults)
 *   STUDY_BENCH_MEMBERS=5000 STUDY_BENCH_EVENTS=200000 STUDY_BENCH_ROLLUP_EVENTS=2000 npm run bench:study   (smoke, seconds)
 *
 * Other knobs: STUDY_BENCH_RUNS (statistics calls per organization, 30), STUDY_BENCH_SEED,
 * STUDY_BENCH_ROLLUP_SECONDS (stop the rollup measurement after this long, 180),
 * STUDY_BENCH_KEEP=1 (keep the database in bench/out/study/).
 *
 * 1. Payload starts on a fresh SQLite file in bench/out/study/run-<stamp>/ with the committed
 *    migrations. The organization tree (corpus.ts), 100 published documents (the most read items get
 *    real titles), the campaigns and an admin account are written through the Local API.
 * 2. Members and the folded `study_stats` rows are written with raw SQL on a second connection to
 *    the same file (libsql, the SQLite library under Payload's adapter), prepared statements, one
 *    transaction per month; the two tables' secondary indexes are dropped first and re-created
 *    afterwards with their exact migration SQL (timed). The year of events is generated as a stream
 *    and folded with the real `foldEvents`/`chainLookup` (cms/study/rollup.ts), 100 000 events per
 *    chunk, one month's deltas at a time (campaign rows across months); folding speed is reported.
 * 3. Measured: `countMembers` (the daily job, first run creating the "now" rows, second updating
 *    them); `statisticsFor` (what the admin view and /api/study-stats/overview answer) for the tỉnh
 *    ủy, a đảng bộ trực thuộc, a đảng bộ cơ sở and a chi bộ, each call with a fresh request as an
 *    HTTP request would have (p50/p95/max, plus the first, cold call), with the SQL each one ran,
 *    its time and EXPLAIN QUERY PLAN; `rollupBatch` (the job) over ~20 000 real `study_events` rows
 *    of the last month. Markdown on stdout; JSON in bench/out/study/results-latest.json.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { prng } from '../publish-to-live/corpus'
import { StudyCorpus, type StudyEvent } from './corpus'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = path.join(ROOT, 'bench/out/study')
const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a number`)
  return v
}
const MEMBERS = envNumber('STUDY_BENCH_MEMBERS', 500_000)
const EVENTS = envNumber('STUDY_BENCH_EVENTS', 20_000_000)
const RUNS = envNumber('STUDY_BENCH_RUNS', 30)
const ROLLUP_EVENTS = envNumber('STUDY_BENCH_ROLLUP_EVENTS', 20_000)
const ROLLUP_SECONDS = envNumber('STUDY_BENCH_ROLLUP_SECONDS', 180)
const SEED = process.env.STUDY_BENCH_SEED ? envNumber('STUDY_BENCH_SEED', 0) : undefined
const KEEP = process.env.STUDY_BENCH_KEEP === '1'
const REAL_DOCUMENTS = 100
const FOLD_CHUNK = 100_000

const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19)
const dir = path.join(OUT, `run-${stamp}`)
fs.mkdirSync(path.join(dir, 'files'), { recursive: true })
fs.mkdirSync(path.join(dir, 'media'), { recursive: true })
const dbFile = path.join(dir, 'so-tay.db')

// The CMS configuration reads the environment once, when it is first imported.
Object.assign(process.env, {
  DATA_DIR: dir,
  DATABASE_URL: `file:${dbFile}`,
  PAYLOAD_SECRET: 'study-bench-secret-0123456789abcdef0123',
  JOBS_IN_PROCESS: 'false',
  MEILI_URL: '',
  SMTP_URL: '',
  NODE_ENV: 'production',
})

// libsql's Database, as Payload's adapter (@payloadcms/db-sqlite → @libsql/client) loads it: the
// bulk writer opens it directly, and the statement tracer below wraps its prepare.
interface RawStatement {
  run(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
  get(...params: unknown[]): unknown
}
interface RawDatabase {
  prepare(sql: string): RawStatement
  exec(sql: string): void
  close(): void
}
const fromAdapter = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-sqlite'))
const Database = createRequire(fromAdapter.resolve('@libsql/client'))('libsql') as {
  new (file: string): RawDatabase
  prototype: RawDatabase
}

/** While `trace` is set, every statement Payload runs is recorded with its time. */
let trace: Map<string, { calls: number; ms: number }> | null = null
let tracing = false
{
  const prepare = Database.prototype.prepare
  Database.prototype.prepare = function (this: RawDatabase, sql: string) {
    const statement = prepare.call(this, sql)
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = (statement as unknown as Record<string, unknown>)[method]
      if (typeof original !== 'function') continue
      ;(statement as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
        // libsql's all() runs through iterate(): count the outer call only.
        if (!trace || tracing) return original.apply(this, args)
        const t = performance.now()
        tracing = true
        try {
          return original.apply(this, args)
        } finally {
          tracing = false
          const entry = trace.get(sql) ?? { calls: 0, ms: 0 }
          entry.calls++
          entry.ms += performance.now() - t
          trace.set(sql, entry)
        }
      }
    }
    return statement
  }
}

const { getPayload, createLocalReq, initTransaction, commitTransaction, killTransaction } = await import('payload')
const { default: config } = await import('../../cms/payload.config')
const { applyMigrations } = await import('../../cms/lib/migrate')
const { plainTextToLexical } = await import('../../cms/richtext/plainText')
const { foldEvents, chainLookup, rollupBatch, countMembers } = await import('../../cms/study/rollup')
const { statisticsFor } = await import('../../cms/study/statistics')
const { eventKey, itemKey } = await import('../../cms/study/events')
type Deltas = ReturnType<typeof foldEvents>
type FoldableEvent = Parameters<typeof foldEvents>[0] extends Iterable<infer E> ? E : never

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`)
const seconds = (since: number) => round((performance.now() - since) / 1000, 1)

const machine = {
  date: new Date().toISOString(),
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
  node: process.version,
  loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
}

log(`corpus: ${MEMBERS} members, ${EVENTS} events`)
let t = performance.now()
const corpus = new StudyCorpus({ members: MEMBERS, events: EVENTS, seed: SEED })
log(
  `corpus described in ${seconds(t)} s: ${corpus.organizations.length} organizations (${corpus.chiBo.length} chi bộ), ${corpus.items.length} items, ${corpus.campaigns.length} campaigns`,
)

const payload = await getPayload({ config })
await applyMigrations(payload)

type Req = Awaited<ReturnType<typeof createLocalReq>>
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

// --- Organizations, documents, campaigns: through the Local API -------------------------------
t = performance.now()
const orgIds: string[] = []
for (let i = 0; i < corpus.organizations.length; i += 250) {
  await inTransaction(async (req) => {
    for (const o of corpus.organizations.slice(i, i + 250)) {
      const doc = await payload.create({
        collection: 'organizations',
        data: { name: o.name, code: o.code, kind: o.kind, parent: o.parent >= 0 ? orgIds[o.parent] : undefined },
        depth: 0,
        req,
      })
      orgIds[o.index] = String(doc.id)
    }
  })
}
const organizationsSeconds = seconds(t)
log(`${orgIds.length} organizations created through Payload in ${organizationsSeconds} s`)

// The most read documents are real (their titles show in "most read"); the others are ids only.
const idRng = prng(corpus.seed + 7)
const fakeId = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(idRng.next() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
const itemKeys: string[] = corpus.items.map((it) => itemKey(it.collection, fakeId()))
const popularDocuments = corpus.items
  .filter((it) => it.collection === 'documents')
  .sort((a, b) => a.rank - b.rank)
  .slice(0, REAL_DOCUMENTS)
t = performance.now()
const documentIds: string[] = []
await inTransaction(async (req) => {
  for (const [n, it] of popularDocuments.entries()) {
    const doc = await payload.create({
      collection: 'documents',
      data: {
        _status: 'published',
        type: 'nghi-quyet',
        number: `${n + 1}-NQ/TU`,
        title: `Nghị quyết số ${n + 1} của Tỉnh ủy về nhiệm vụ trọng tâm năm ${corpus.months[0]!.slice(0, 4)}`,
        issuer: orgIds[0],
        level: 'tinh',
        issuedAt: `${corpus.months[0]}-05`,
        summary: plainTextToLexical('Văn bản thử nghiệm cho phép đo thống kê học tập.'),
      } as never,
      depth: 0,
      req,
    })
    itemKeys[it.index] = itemKey('documents', String(doc.id))
    documentIds.push(String(doc.id))
  }
})
log(`${documentIds.length} documents created in ${seconds(t)} s`)

const campaignIds: string[] = []
await inTransaction(async (req) => {
  for (const c of corpus.campaigns) {
    const doc = await payload.create({
      collection: 'study-campaigns',
      data: {
        title: c.title,
        organization: orgIds[c.organization],
        items: documentIds.slice(c.index * 3, c.index * 3 + 3).map((value) => ({ relationTo: 'documents', value })),
        deadline: c.deadline,
        active: true,
      } as never,
      depth: 0,
      req,
    })
    campaignIds[c.index] = String(doc.id)
  }
})

// --- Raw SQL: members and study_stats ----------------------------------------------------------
const raw = new Database(dbFile)
raw.exec('PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -1000000; PRAGMA temp_store = MEMORY;')
const indexes = raw
  .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('members', 'study_stats') AND sql IS NOT NULL`)
  .all() as { name: string; sql: string }[]
for (const ix of indexes) raw.exec(`DROP INDEX "${ix.name}"`)

const today = `${corpus.months[11]}-${new Date(Date.UTC(Number(corpus.months[11]!.slice(0, 4)), Number(corpus.months[11]!.slice(5, 7)), 0)).getUTCDate()}`
const dayMs = 86_400_000
const dayBefore = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * dayMs).toISOString().slice(0, 10)

t = performance.now()
const memberIds: string[] = new Array(MEMBERS)
const insertMember = raw.prepare(
  'INSERT INTO members (id, name, organization_id, phone, status, username, study_points, last_study_day, hide_from_ranking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
)
const memberRng = prng(corpus.seed + 3)
let recentMembers = 0
let activeMembers = 0
for (let i = 0; i < MEMBERS; i += 50_000) {
  raw.exec('BEGIN')
  for (let m = i; m < Math.min(MEMBERS, i + 50_000); m++) {
    const id = crypto.randomUUID()
    memberIds[m] = id
    const status = memberRng.chance(0.96) ? 'active' : 'pending'
    const x = memberRng.next()
    // ~60 % studied in the last 30 days, ~30 % earlier in the year, ~10 % never.
    const last = status !== 'active' ? null : x < 0.6 ? dayBefore(memberRng.int(0, 29)) : x < 0.9 ? dayBefore(memberRng.int(30, 364)) : null
    if (status === 'active') activeMembers++
    if (last && last >= dayBefore(29)) recentMembers++
    insertMember.run(
      id,
      corpus.memberName(m),
      orgIds[corpus.memberOrg[m]!],
      `09${String(m).padStart(8, '0')}`,
      status,
      `dv${String(m).padStart(7, '0')}`,
      last ? memberRng.int(0, 400) : 0,
      last,
      memberRng.chance(0.05) ? 1 : 0,
    )
  }
  raw.exec('COMMIT')
}
const membersSeconds = seconds(t)
log(`${MEMBERS} members inserted in ${membersSeconds} s`)

// The fold: the real foldEvents over the organization tree as organizationTree() reads it.
const tree = new Map(corpus.organizations.map((o) => [orgIds[o.index]!, { id: orgIds[o.index]!, parentId: o.parent >= 0 ? orgIds[o.parent]! : null }]))
const chainOf = chainLookup(tree)
const itemOf = (e: StudyEvent) => (e.kind === 'active' ? e.day.slice(0, 7) : e.kind === 'complete' ? `campaign:${campaignIds[e.item]}` : itemKeys[e.item]!)
const toFoldable = (e: StudyEvent): FoldableEvent => ({ kind: e.kind, organization: orgIds[e.organization]!, item: itemOf(e), day: e.day, value: e.value })

// Multi-row INSERTs (STAT_ROWS rows per statement): one call into SQLite per STAT_ROWS rows.
const STAT_ROWS = 200
const statInsert = (n: number) =>
  raw.prepare(
    `INSERT INTO study_stats (id, key, organization_id, period, item, members, active, readers, reads, quizzes, score_sum, completions) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?)').join(', ')}`,
  )
const insertStats = statInsert(STAT_ROWS)
const insertStat = statInsert(1)
let statRows = 0
let writeMs = 0
const writeRows = (rows: Iterable<[string, Deltas extends Map<string, infer V> ? V : never]>) => {
  const w = performance.now()
  raw.exec('BEGIN')
  let params: unknown[] = []
  for (const [key, d] of rows) {
    params.push(
      crypto.randomUUID(),
      key,
      d.organization,
      d.period,
      d.item ?? null,
      d.readers ?? 0,
      d.reads ?? 0,
      d.quizzes ?? 0,
      d.scoreSum ?? 0,
      d.completions ?? 0,
    )
    statRows++
    if (params.length === STAT_ROWS * 10) {
      insertStats.run(...params)
      params = []
    }
  }
  for (let i = 0; i < params.length; i += 10) insertStat.run(...params.slice(i, i + 10))
  raw.exec('COMMIT')
  writeMs += performance.now() - w
}

const campaignDeltas: Deltas = new Map()
let deltas: Deltas = new Map()
const flushMonth = () => {
  const monthly: [string, Deltas extends Map<string, infer V> ? V : never][] = []
  for (const entry of deltas) {
    if (entry[1].period.startsWith('campaign:')) {
      const kept = campaignDeltas.get(entry[0])
      if (kept) kept.completions = (kept.completions ?? 0) + (entry[1].completions ?? 0)
      else campaignDeltas.set(entry[0], entry[1])
    } else monthly.push(entry)
  }
  writeRows(monthly)
  deltas = new Map()
}

t = performance.now()
let foldMs = 0
let folded = 0
const kinds: Record<string, number> = {}
let chunk: FoldableEvent[] = []
let month = ''
const fold = () => {
  const f = performance.now()
  foldEvents(chunk, chainOf, deltas)
  foldMs += performance.now() - f
  folded += chunk.length
  chunk = []
}
for (const e of corpus.events()) {
  const m = e.day.slice(0, 7)
  if (m !== month) {
    if (chunk.length > 0) fold()
    if (month) {
      flushMonth()
      log(`${month}: ${folded} events folded, ${statRows} study_stats rows written`)
    }
    month = m
  }
  kinds[e.kind] = (kinds[e.kind] ?? 0) + 1
  chunk.push(toFoldable(e))
  if (chunk.length >= FOLD_CHUNK) fold()
}
if (chunk.length > 0) fold()
flushMonth()
writeRows(campaignDeltas)
const loadSeconds = seconds(t)
log(
  `${folded} events folded in ${round(foldMs / 1000, 1)} s of foldEvents (${Math.round(folded / (foldMs / 1000))} events/s); ${statRows} rows written in ${round(writeMs / 1000, 1)} s; whole stream ${loadSeconds} s`,
)

t = performance.now()
for (const ix of indexes) raw.exec(ix.sql)
const indexSeconds = seconds(t)
raw.exec('PRAGMA wal_checkpoint(TRUNCATE)')
log(`${indexes.length} indexes re-created in ${indexSeconds} s`)

// --- countMembers: the daily job --------------------------------------------------------------
t = performance.now()
await countMembers(payload, today)
const countFirstSeconds = seconds(t)
t = performance.now()
await countMembers(payload, today)
const countSecondSeconds = seconds(t)
log(`countMembers: ${countFirstSeconds} s (creates the "now" rows), ${countSecondSeconds} s (updates them)`)

// --- statisticsFor -------------------------------------------------------------------------------
const adminUser = { id: crypto.randomUUID(), email: 'bench-admin@so-tay.test', name: 'Bench admin', role: 'admin', collection: 'users' } as never
const pickLargest = (kind: string) => {
  const sizes = new Map<number, number>()
  for (let m = 0; m < MEMBERS; m++) {
    let o = corpus.memberOrg[m]!
    while (o >= 0) {
      if (corpus.organizations[o]!.kind === kind) sizes.set(o, (sizes.get(o) ?? 0) + 1)
      o = corpus.organizations[o]!.parent
    }
  }
  return [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0]
}
const targets = [
  { label: 'tỉnh ủy (root)', org: 0 },
  { label: 'đảng bộ trực thuộc (largest)', org: pickLargest('dang-bo-truc-thuoc') },
  { label: 'đảng bộ cơ sở (largest)', org: pickLargest('dang-bo-co-so') },
  { label: 'chi bộ (largest)', org: pickLargest('chi-bo') },
]
const lastMonth = corpus.months[11]!
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!
const statistics: Record<string, unknown>[] = []
const plans: { label: string; sql: string; calls: number; ms: number; plan: string[] }[] = []
for (const target of targets) {
  const orgId = orgIds[target.org]!
  const once = async () => {
    const req = await createLocalReq({ user: adminUser }, payload)
    const s = performance.now()
    const result = await statisticsFor(payload, req, lastMonth, orgId)
    return { ms: performance.now() - s, result }
  }
  const first = await once()
  trace = new Map()
  const traced = await once()
  const traceOfOne = trace
  trace = null
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms)
  times.sort((a, b) => a - b)
  const r = first.result
  statistics.push({
    organization: target.label,
    name: corpus.organizations[target.org]!.name,
    members: r.organization.members,
    active: r.organization.active,
    children: r.children.length,
    campaigns: r.campaigns.length,
    readersThisMonth: r.organization.month.readers,
    readsThisMonth: r.organization.month.reads,
    firstMs: round(first.ms, 1),
    p50Ms: round(quantile(times, 0.5), 1),
    p95Ms: round(quantile(times, 0.95), 1),
    maxMs: round(times.at(-1)!, 1),
    statements: [...traceOfOne.values()].reduce((n, e) => n + e.calls, 0),
    sqlMs: round(
      [...traceOfOne.values()].reduce((n, e) => n + e.ms, 0),
      1,
    ),
    tracedMs: round(traced.ms, 1),
  })
  for (const [sql, e] of [...traceOfOne.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 4)) {
    let plan: string[] = []
    try {
      const params = new Array((sql.match(/\?/g) ?? []).length).fill(null)
      plan = (raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail)
    } catch (error) {
      plan = [`(no plan: ${(error as Error).message})`]
    }
    plans.push({ label: target.label, sql, calls: e.calls, ms: round(e.ms, 1), plan })
  }
  log(`statisticsFor ${target.label}: p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`)
}

// --- rollupBatch: the job over real study_events rows --------------------------------------------
const insertEvent = raw.prepare(
  'INSERT OR IGNORE INTO study_events (id, key, kind, member_id, organization_id, item, day, value, answers, counted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0)',
)
raw.exec('BEGIN')
let queued = 0
for (const e of corpus.moreEvents(ROLLUP_EVENTS)) {
  const member = memberIds[e.member]!
  const item = itemOf(e)
  const key =
    e.kind === 'active'
      ? eventKey.active(member, item)
      : e.kind === 'quiz'
        ? eventKey.quiz(member, item.slice('topics:'.length))
        : e.kind === 'complete'
          ? eventKey.complete(member, campaignIds[e.item]!)
          : eventKey.read(member, item, e.day)
  queued += Number((insertEvent.run(crypto.randomUUID(), key, e.kind, member, orgIds[e.organization], item, e.day, e.value) as { changes: number }).changes)
}
raw.exec('COMMIT')
t = performance.now()
let counted = 0
let batches = 0
for (;;) {
  const result = await rollupBatch(payload)
  counted += result.counted
  batches++
  if (!result.more || result.counted === 0) break
  // The job's pace is what is measured: stop after ROLLUP_SECONDS rather than wait for all of them.
  if ((performance.now() - t) / 1000 > ROLLUP_SECONDS) break
}
const rollupSeconds = (performance.now() - t) / 1000
log(`rollupBatch: ${counted} events in ${batches} batches, ${round(rollupSeconds, 1)} s`)

// --- Sizes ---------------------------------------------------------------------------------------
const count = (table: string) => Number((raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n)
const rows = {
  organizations: count('organizations'),
  members: count('members'),
  study_stats: count('study_stats'),
  study_stats_items: Number((raw.prepare('SELECT count(*) AS n FROM study_stats WHERE item IS NOT NULL').get() as { n: number }).n),
  study_events: count('study_events'),
}
await payload.destroy()
raw.close()
const dbBytes = fs.statSync(dbFile).size + (fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0)

const results = {
  machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)) },
  scale: { members: MEMBERS, events: EVENTS, kinds, organizations: corpus.organizations.length, chiBo: corpus.chiBo.length, items: corpus.items.length },
  load: {
    organizationsSeconds,
    membersSeconds,
    activeMembers,
    recentMembers,
    foldSeconds: round(foldMs / 1000, 1),
    foldEventsPerSecond: Math.round(folded / (foldMs / 1000)),
    statRowsWriteSeconds: round(writeMs / 1000, 1),
    streamSeconds: loadSeconds,
    indexSeconds,
  },
  countMembers: { firstSeconds: countFirstSeconds, secondSeconds: countSecondSeconds },
  statistics,
  plans,
  rollup: { queued, counted, batches, remaining: queued - counted, seconds: round(rollupSeconds, 1), eventsPerSecond: Math.round(counted / rollupSeconds) },
  rows,
  databaseMiB: round(dbBytes / 1024 ** 2),
}
fs.writeFileSync(path.join(OUT, `results-${stamp}.json`), JSON.stringify(results, null, 2))
fs.writeFileSync(path.join(OUT, 'results-latest.json'), JSON.stringify(results, null, 2))
if (!KEEP) fs.rmSync(dir, { recursive: true, force: true })

console.log(
  `\nStudy statistics — ${MEMBERS} members, ${EVENTS} events; ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date}`,
)
console.log(`load average at start ${machine.loadAverageAtStart.join(' / ')}, at end ${results.machine.loadAverageAtEnd.join(' / ')}\n`)
console.log('| statisticsFor | members | sub-orgs | first (ms) | p50 (ms) | p95 (ms) | max (ms) | SQL statements | SQL time of one call (ms) |')
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const s of statistics) {
  console.log(`| ${s.organization} | ${s.members} | ${s.children} | ${s.firstMs} | ${s.p50Ms} | ${s.p95Ms} | ${s.maxMs} | ${s.statements} | ${s.sqlMs} |`)
}
console.log('\n| other | figure |')
console.log('|---|---|')
console.log(`| foldEvents (${folded} events, ${FOLD_CHUNK} per chunk) | ${results.load.foldSeconds} s, ${results.load.foldEventsPerSecond} events/s |`)
console.log(
  `| study_stats rows written (raw SQL, indexes off) | ${statRows} rows in ${results.load.statRowsWriteSeconds} s; indexes re-created in ${indexSeconds} s |`,
)
console.log(`| members inserted (raw SQL) | ${MEMBERS} in ${membersSeconds} s |`)
console.log(`| organizations created (Local API) | ${rows.organizations} in ${organizationsSeconds} s |`)
console.log(`| countMembers (daily job) | first ${countFirstSeconds} s, second ${countSecondSeconds} s |`)
console.log(
  `| rollupBatch (job, ${batches} batches of up to 1000) | ${counted} of ${queued} queued events in ${results.rollup.seconds} s, ${results.rollup.eventsPerSecond} events/s |`,
)
console.log(
  `| rows | ${Object.entries(rows)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} |`,
)
console.log(`| database | ${results.databaseMiB} MiB |`)
console.log(
  `| events by kind | ${Object.entries(kinds)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} |`,
)
console.log('\nSlowest statements of one call (EXPLAIN QUERY PLAN):')
for (const p of plans) console.log(`- ${p.label}: ${p.ms} ms × ${p.calls}: ${p.sql.slice(0, 300)}\n    ${p.plan.join('\n    ')}`)
