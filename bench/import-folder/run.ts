/**
 * Folder-import benchmark (docs/benchmarks.md, "Folder import").
 *
 *   npm run bench:import-folder                         # 5 000 text PDFs, then OCR of scanned pages
 *   npm run bench:import-folder -- --files 500 --ocr-pages 4
 *
 * 1. Text PDFs: the corpus (corpus.ts; cached in bench/out/import-folder/corpus-<N>/) is imported by
 *    `importFolder` — the code behind `npm run import -- --from-folder` — into a fresh SQLite database
 *    with the committed migrations and the organizations the corpus names. Reported: files/s over the
 *    whole run, where the time went (hash lookup, waiting for the PDF reader, duplicate checks, writing),
 *    outcomes, peak RSS.
 * 2. OCR: scanned pages (scan.ts: pages of the corpus printed, rasterised at 200 dpi, noise,
 *    skew, JPEG) read by `readInThread` (text and header), one single-page scan after another as the import does, and one
 *    multi-page scan (its pages OCR'd in parallel). Reported: pages/minute.
 * The machine (CPUs, load average before and after) is printed with the figures: the host is shared.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildCorpus, ISSUERS, writeCorpus } from './corpus'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1]! : fallback
}
const FILES = Number(arg('files', '5000'))
const OCR_PAGES = Number(arg('ocr-pages', '6'))
const OUT = path.resolve(import.meta.dirname, '../out/import-folder')

const machine = () => ({
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  memoryGb: Math.round(os.totalmem() / 1024 ** 3),
  load: os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
  node: process.version,
})
const before = machine()
console.log(`› ${new Date().toISOString()} — ${before.cpus}, ${before.memoryGb} GB, Node ${before.node}, load ${before.load}`)

// ── Corpus
const corpusDir = path.join(OUT, `corpus-${FILES}`)
const generated = await writeCorpus(corpusDir, FILES)
console.log(
  generated.cached
    ? `› corpus of ${FILES} PDFs: cached`
    : `› corpus of ${FILES} PDFs written in ${(generated.ms / 1000).toFixed(0)} s (${(generated.bytes / 1024 ** 2).toFixed(0)} MB)`,
)

// ── Fresh CMS (the configuration reads the environment once, on first import)
const dataDir = path.join(OUT, `data-${Date.now()}`)
fs.mkdirSync(dataDir, { recursive: true })
process.env.DATA_DIR = dataDir
process.env.DATABASE_URL = `file:${path.join(dataDir, 'bench.db')}`
process.env.PAYLOAD_SECRET = 'folder-import-bench-secret-0123456789abcdef'
process.env.JOBS_IN_PROCESS = 'false'
// As deployed (the Docker image, npm start): in development every Payload start also spawns a
// background `payload generate:types`, which would compete with the import for the CPU.
;(process.env as Record<string, string>).NODE_ENV = 'production'
// As the command runs (scripts/import.ts): prepared statements reused.
const { cacheSqliteStatements } = await import('../../scripts/lib/sqliteStatements')
cacheSqliteStatements()
const { getPayload } = await import('payload')
const { default: config } = await import('../../cms/payload.config')
const { applyMigrations } = await import('../../cms/lib/migrate')
const { importFolder } = await import('../../scripts/import/folder/folder')
const { readInThread } = await import('../../cms/originals/read')
const { fold } = await import('../../core/vietnamese')
const { ocrStatus } = await import('../../cms/originals/ocr')
const payload = await getPayload({ config })
await applyMigrations(payload)
for (const i of ISSUERS) await payload.create({ collection: 'organizations', data: { ...i.org } })

let peakRss = 0
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200)
let lastDecile = -1
// CPU time, unlike wall time, hardly depends on what else the shared host runs: it says what a file
// costs the writing thread (which bounds files/s) and the whole process (both threads).
const cpuStart = process.cpuUsage()
const threadStart = process.threadCpuUsage()
const started = performance.now()
const report = await importFolder(payload, path.join(corpusDir, 'pdfs'), {
  journal: path.join(dataDir, 'journal.jsonl'),
  onProgress: (done, total) => {
    const decile = Math.floor((done / total) * 10)
    if (decile > lastDecile) {
      lastDecile = decile
      const s = (performance.now() - started) / 1000
      console.log(`  ${done}/${total} files, ${s.toFixed(0)} s, ${(done / s).toFixed(1)} files/s, load ${os.loadavg()[0].toFixed(2)}`)
    }
  },
})
clearInterval(sampler)
const cpu = process.cpuUsage(cpuStart)
const thread = process.threadCpuUsage(threadStart)
const seconds = report.ms / 1000
const outcomes = Object.fromEntries(['created', 'needs-review', 'duplicate', 'failed'].map((o) => [o, report.results.filter((r) => r.outcome === o).length]))
const expectedIssuers = new Map(buildCorpus(FILES).map((d) => [d.file, d.issuer]))
const unmatched = report.results.filter((r) => r.missing.includes('issuer')).length
const t = report.timings
const perFile = (ms: number) => `${(ms / FILES).toFixed(2)} ms`
const text = {
  files: FILES,
  seconds: Number(seconds.toFixed(1)),
  filesPerSecond: Number((FILES / seconds).toFixed(1)),
  outcomes,
  unmatchedIssuers: unmatched,
  corpusIssuers: expectedIssuers.size,
  readInWorker: report.readInWorker,
  perFile: { hash: perFile(t.hash), read: perFile(t.read), duplicates: perFile(t.duplicates), write: perFile(t.write) },
  peakRssMb: Math.round(peakRss / 1024 ** 2),
  cpuPerFile: {
    writingThreadMs: Number(((thread.user + thread.system) / 1000 / FILES).toFixed(1)),
    processMs: Number(((cpu.user + cpu.system) / 1000 / FILES).toFixed(1)),
  },
}
console.log(`› text PDFs: ${FILES} files in ${seconds.toFixed(1)} s = ${text.filesPerSecond} files/s`)
console.log(
  `  outcomes ${JSON.stringify(outcomes)}; wall per file: ${JSON.stringify(text.perFile)}; CPU per file: ${JSON.stringify(text.cpuPerFile)}; reader in worker: ${report.readInWorker}; peak RSS ${text.peakRssMb} MB`,
)

// ── OCR
let ocr: Record<string, unknown> = { available: false }
const status = await ocrStatus()
if (!status.available) {
  console.log(`SKIPPED: OCR benchmark (${status.reason})`)
} else if (OCR_PAGES > 0) {
  const { imagePdf, scanImage } = await import('./scan')
  // One-page documents of the corpus (those with at most four paragraphs) under numbers of their own
  // (the text run imported the originals), printed and scanned.
  const onePage = buildCorpus(Math.max(FILES, 200))
    .filter((d) => d.spec.paragraphs.length <= 4)
    .slice(0, OCR_PAGES)
    .map((d, i) => ({ ...d.spec, number: d.spec.number!.replace(/^\d+/, String(90_001 + i)) }))
  const images: Buffer[] = []
  for (const spec of onePage) images.push(await scanImage(spec))
  const scanDir = path.join(dataDir, 'scans')
  fs.mkdirSync(scanDir)
  for (const [i, image] of images.entries()) fs.writeFileSync(path.join(scanDir, `scan-${String(i + 1).padStart(3, '0')}.pdf`), await imagePdf([image]))

  // 1. A folder of single-page scans, imported as the command does (scans read ahead in the worker,
  //    their pages sharing one Tesseract per core).
  const folderStart = performance.now()
  const scanned = await importFolder(payload, scanDir, { journal: path.join(dataDir, 'scans.jsonl') })
  const folderMin = (performance.now() - folderStart) / 60_000
  // What OCR is for: the header read back from the page, compared with what was printed.
  let titlesRead = 0
  let numbersRead = 0
  let confidence = 0
  let confident = 0
  for (const [i, r] of scanned.results.entries()) {
    if (!r.documentId) continue
    const doc = await payload.findByID({ collection: 'documents', id: r.documentId, draft: true, depth: 1 })
    const spec = onePage[i]!
    if (doc.title && fold(doc.title) === fold(spec.title)) titlesRead++
    if (doc.number === spec.number) numbersRead++
    // The draft's note carries Tesseract's mean confidence for the file.
    const noted = doc.fromFile?.notes?.match(/độ tin cậy trung bình (\d+)%/)
    if (noted) {
      confidence += Number(noted[1])
      confident++
    }
  }
  const ocrPages = scanned.results.reduce((a, r) => a + (r.ocrPages ?? 0), 0)

  // 2. One PDF of all those pages: its pages are OCR'd in parallel.
  const merged = await imagePdf(images)
  const multiStart = performance.now()
  const multi = (await readInThread('scan.pdf', merged)).original
  const multiMin = (performance.now() - multiStart) / 60_000
  ocr = {
    available: true,
    engine: status.version,
    parallelPages: Math.max(1, Math.min(os.availableParallelism(), 4)),
    folderOfScans: {
      files: OCR_PAGES,
      pagesRead: ocrPages,
      outcomes: Object.fromEntries(['created', 'needs-review', 'duplicate', 'failed'].map((o) => [o, scanned.results.filter((r) => r.outcome === o).length])),
      pagesPerMinute: Number((ocrPages / folderMin).toFixed(1)),
      meanConfidence: Math.round(confidence / Math.max(1, confident)),
      titlesRead,
      numbersRead,
    },
    multiPageScan: { pages: multi.ocr?.pages, pagesPerMinute: Number(((multi.ocr?.pages ?? 0) / multiMin).toFixed(1)) },
  }
  console.log(`› OCR: ${JSON.stringify(ocr)}`)
}

const after = machine()
console.log(`› load average after: ${after.load}`)
const result = { date: new Date().toISOString(), machine: before, loadAfter: after.load, text, ocr }
fs.writeFileSync(path.join(OUT, `result-${FILES}.json`), JSON.stringify(result, null, 2))
console.log(`› ${path.join(OUT, `result-${FILES}.json`)}`)
await payload.destroy()
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
