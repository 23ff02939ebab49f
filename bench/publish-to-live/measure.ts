/**
 * One size of the publish-to-live benchmark (run by run.ts in its own process, because the CMS
 * configuration reads the environment once): `tsx bench/publish-to-live/measure.ts --dir <copy of a
 * corpus> --dist <built site> --publishes 20`.
 *
 * This process plays the CMS server: Payload on the corpus database with the in-process job runner
 * (woken by the publish hooks, as in `npm start`). The site server is the real one, a child process.
 * For each publish it measures, from the moment `payload.create` returns (the editor's "Xuất bản"
 * answered), until the document page answers 200 with the new title, and until /api/search finds it
 * first for its number. Prints one JSON line.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { dir: { type: 'string' }, dist: { type: 'string' }, publishes: { type: 'string', default: '20' } } })
if (!values.dir || !values.dist) throw new Error('usage: measure.ts --dir <data dir> --dist <site dist> [--publishes 20]')
const dir = path.resolve(values.dir)
const dist = path.resolve(values.dist)
const publishes = Number(values.publishes)

const env = {
  DATA_DIR: dir,
  DATABASE_URL: `file:${path.join(dir, 'so-tay.db')}`,
  PAYLOAD_SECRET: 'site-build-bench-secret-0123456789abcdef',
  JOBS_IN_PROCESS: 'false',
  MEILI_URL: '',
  SMTP_URL: '',
  NODE_ENV: 'production',
} as const
Object.assign(process.env, env)

const { getPayload } = await import('payload')
const { default: config } = await import('../../cms/payload.config')
const { startJobRunner } = await import('../../cms/jobs/runner')
const { syncAll } = await import('../../cms/publish/site/sync')
const { storeFile } = await import('../../library/store')
const { searchEngine, closeSearchEngine } = await import('../../search/engine')
const { reindexAll } = await import('../../cms/publish/search/reindex')
const { plainTextToLexical } = await import('../../cms/richtext/plainText')

const { applyMigrations } = await import('../../cms/lib/migrate')

const payload = await getPayload({ config })
// A cached corpus may predate later migrations.
await applyMigrations(payload)
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// The generator queued a search job per item; the store and index are built in full below instead.
await payload.db.deleteMany({ collection: 'payload-jobs', where: {} })

let t = performance.now()
const stored = await syncAll(payload, dir)
const storeSyncSeconds = round((performance.now() - t) / 1000, 1)
t = performance.now()
const { count: indexed } = await reindexAll(payload, await searchEngine())
const reindexSeconds = round((performance.now() - t) / 1000, 1)

const port = await new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port
    s.close(() => resolve(p))
  })
})
const site = spawn(process.execPath, [path.join(dist, 'server/serve.mjs')], {
  env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) } as NodeJS.ProcessEnv,
  stdio: ['ignore', 'ignore', 'inherit'],
})
process.on('exit', () => site.kill('SIGKILL'))
const base = `http://127.0.0.1:${port}`
const get = async (p: string) => {
  const res = await fetch(base + p)
  return { status: res.status, text: await res.text() }
}
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/robots.txt`)).ok) break
  } catch {}
  if (i > 300) throw new Error('the site server did not start')
  await sleep(100)
}
t = performance.now()
await get('/van-ban/')
const firstListingMs = round(performance.now() - t)

const stopRunner = startJobRunner(payload)
const warm = ['/', '/van-ban/', '/van-ban/loai/quyet-dinh/', '/van-ban/nam/2026/', '/van-ban/rss.xml', '/sitemap-0.xml']
for (const p of warm) await get(p)

const issuer = (await payload.find({ collection: 'organizations', where: { code: { equals: 'TW' } }, limit: 1, depth: 0 })).docs[0]!
const subject = (await payload.find({ collection: 'subjects', limit: 1, depth: 0 })).docs[0]!

interface Sample {
  publishCallMs: number
  pageMs: number
  searchMs: number
  liveMs: number
  listedOnLibrary: boolean
}
const samples: Sample[] = []
for (let i = 0; i < publishes; i++) {
  const seq = 9001 + i
  const number = `${seq}-QĐ/TW`
  const title = `Quyết định thử nghiệm số ${seq} về đưa văn bản mới lên thư viện trong vài giây`
  const called = performance.now()
  const doc = await payload.create({
    collection: 'documents',
    depth: 0,
    data: {
      type: 'quyet-dinh',
      number,
      title,
      summary: plainTextToLexical(`Tóm tắt quyết định thử nghiệm số ${seq}.`),
      issuer: issuer.id,
      level: 'trung-uong',
      issuedAt: '2026-11-22',
      subjects: [subject.id],
      audience: 'public',
      secrecy: 'none',
      _status: 'published',
    } as never,
  })
  const returned = performance.now()
  let pageAt = 0
  let searchAt = 0
  while (!(pageAt && searchAt)) {
    if (performance.now() - returned > 30_000) throw new Error(`publish ${i + 1} not live after 30 s`)
    if (!pageAt) {
      const page = await get(`/van-ban/${doc.slug}/`)
      if (page.status === 200 && page.text.includes(title)) pageAt = performance.now()
    }
    if (!searchAt) {
      const res = await get(`/api/search?q=${encodeURIComponent(`${seq} qd tw`)}`)
      if (res.status === 200 && (JSON.parse(res.text) as { hits: Array<{ slug: string }> }).hits[0]?.slug === doc.slug) searchAt = performance.now()
    }
    if (!(pageAt && searchAt)) await sleep(20)
  }
  const listing = await get('/van-ban/')
  samples.push({
    publishCallMs: round(returned - called),
    pageMs: round(pageAt - returned),
    searchMs: round(searchAt - returned),
    liveMs: round(Math.max(pageAt, searchAt) - returned),
    listedOnLibrary: listing.text.includes(`/van-ban/${doc.slug}/`),
  })
  await sleep(300)
}

const rssMB = (() => {
  try {
    const status = fs.readFileSync(`/proc/${site.pid}/status`, 'utf8')
    return round(Number(status.match(/VmHWM:\s+(\d+)/)![1]) / 1024)
  } catch {
    return null
  }
})()
const storeMB = round(
  ['', '-wal'].reduce((sum, suffix) => sum + (fs.existsSync(storeFile(dir) + suffix) ? fs.statSync(storeFile(dir) + suffix).size : 0), 0) / 1024 ** 2,
  1,
)

stopRunner()
site.kill('SIGTERM')
await closeSearchEngine()
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
const summary = (key: keyof Sample) => {
  const xs = samples.map((s) => s[key] as number)
  return { p50: percentile(xs, 50), p95: percentile(xs, 95), max: Math.max(...xs) }
}
console.log(
  JSON.stringify({
    entries: stored.written,
    indexed,
    storeSyncSeconds,
    reindexSeconds,
    firstListingMs,
    siteServerPeakRssMB: rssMB,
    storeMB,
    publishes: samples.length,
    allListed: samples.every((s) => s.listedOnLibrary),
    live: summary('liveMs'),
    page: summary('pageMs'),
    search: summary('searchMs'),
    publishCall: summary('publishCallMs'),
    samples,
  }),
)
await payload.destroy()
process.exit(0)
