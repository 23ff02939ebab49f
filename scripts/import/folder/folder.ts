/**
 * `npm run import -- --from-folder <dir>`: every PDF and DOCX under a folder (subfolders included)
 * becomes a draft document (importOriginal.ts), with a per-file report and a journal so an
 * interrupted run continues where it stopped (journal.ts). Format and rules: docs/import.md.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { commitTransaction, type Payload, type PayloadRequest } from 'payload'
import { sha256 } from '../../../cms/attachments/givenText'
import { type FileResult, OriginalImporter, type PendingWrite, type StoredWrite, type Timings } from '../../../cms/originals/importOriginal'
import { type OcrStatus, ocrStatus } from '../../../cms/originals/ocr'
import { type Reading, SUPPORTED_EXTENSIONS } from '../../../cms/originals/read'
import { env } from '../../../core/env/cms'
import { Journal } from './journal'
import { inThreadReader, workerReader, type Reader } from './reader'

export interface FolderResult extends FileResult {
  /** Handled by an earlier, interrupted run (from the journal). */
  resumed?: boolean
}

export interface FolderReport {
  folder: string
  /** PDF and DOCX files found. */
  originals: number
  results: FolderResult[]
  /** Other files in the folder, not imported. */
  ignored: { file: string; reason: string }[]
  /** The run was stopped before the end (Ctrl-C); running it again continues. */
  stopped: boolean
  ocr: OcrStatus
  journal: string
  ms: number
  /** Where the time went (files read this run only). */
  timings: Timings
  /** PDFs were read in a worker thread. */
  readInWorker: boolean
  /** Batches undone because one of their writes failed, then written again file by file. */
  redoneBatches: number
}

export interface FolderOptions {
  /** Default: DATA_DIR/import/originals-journal.jsonl. */
  journal?: string
  onProgress?: (done: number, total: number) => void | Promise<void>
  /** Checked between files: the file in hand is finished (or not started), never cut in half. */
  signal?: AbortSignal
  /** Read PDFs in a worker thread while writing (default); falls back to this thread where it cannot. */
  worker?: boolean
  /** Files per transaction (default BATCH). */
  batchSize?: number
}

/** How many files are read ahead of the ones being written. */
const READ_AHEAD = 24
/**
 * Files written per transaction. SQLite (synchronous=FULL) syncs the disk at each commit, which on a
 * busy host costs more than writing the file; batching pays it once per batch. A batch holds only
 * files already read, so the write lock is never held while a PDF is parsed or a scan OCR'd, and 16
 * files keep it well under a second (admin saves wait for it, up to the 5 s busy timeout).
 */
const BATCH = 16

/** The whole folder is refused (missing, not a folder, nothing importable): nothing was written. */
export class FolderError extends Error {}

export const defaultJournal = () => path.join(env().dataDir, 'import', 'originals-journal.jsonl')

async function walk(root: string): Promise<{ originals: string[]; ignored: { file: string; reason: string }[] }> {
  const originals: string[] = []
  const ignored: { file: string; reason: string }[] = []
  const visit = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true })
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
      const full = path.join(dir, entry.name)
      const rel = path.relative(root, full).split(path.sep).join('/')
      // Hidden files and Word's lock files (~$name.docx) are not documents.
      if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue
      if (entry.isDirectory()) await visit(full)
      else if (!entry.isFile()) ignored.push({ file: rel, reason: 'Không phải tệp thường (liên kết hoặc thiết bị).' })
      else if (SUPPORTED_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) originals.push(rel)
      else if (entry.name.toLowerCase().endsWith('.doc'))
        ignored.push({ file: rel, reason: 'Tệp Word .doc cũ: hãy mở trong Word, lưu thành .docx hoặc in ra PDF rồi nhập lại.' })
      else ignored.push({ file: rel, reason: 'Không phải tệp PDF hoặc Word (.docx) nên không nhập.' })
    }
  }
  await visit(root)
  return { originals, ignored }
}

export async function importFolder(payload: Payload, folder: string, options: FolderOptions = {}): Promise<FolderReport> {
  const started = performance.now()
  const root = path.resolve(folder)
  const stat = await fs.stat(root).catch(() => null)
  if (!stat) throw new FolderError(`Không tìm thấy thư mục «${folder}».`)
  if (!stat.isDirectory()) throw new FolderError(`«${folder}» không phải là thư mục; hãy chỉ đường dẫn tới thư mục chứa các tệp PDF/DOCX.`)
  const { originals, ignored } = await walk(root)
  if (!originals.length) throw new FolderError(`Thư mục «${folder}» không có tệp PDF hoặc Word (.docx) nào.`)

  const journal = new Journal(options.journal ?? defaultJournal())
  const importer = new OriginalImporter(payload)
  await importer.preload()
  const reader: Reader = (options.worker !== false && (await workerReader())) || inThreadReader()
  const report: FolderReport = {
    folder: root,
    originals: originals.length,
    results: [],
    ignored,
    stopped: false,
    ocr: await ocrStatus(),
    journal: journal.file,
    ms: 0,
    timings: importer.timings,
    readInWorker: reader.inWorker,
    redoneBatches: 0,
  }

  // Files are loaded, hashed, and read when they are new, ahead of the ones being written.
  interface Loaded {
    file: string
    bytes?: Buffer
    hash?: string
    error?: string
    reading?: Promise<Reading>
    readingDone?: boolean
  }
  interface Ahead {
    promise: Promise<Loaded>
    value?: Loaded
  }
  const load = async (file: string): Promise<Loaded> => {
    try {
      const bytes = await fs.readFile(path.join(root, file))
      const hash = sha256(bytes)
      const loaded: Loaded = { file, bytes, hash }
      const earlier = journal.done(hash)
      if (!(earlier && earlier.file === file) && !importer.mayBeStored(hash) && bytes.length > 0) {
        loaded.reading = reader.read(file, bytes)
        // Awaited (and reported) when the file's turn comes; `readingDone` lets a batch take it then.
        loaded.reading.then(
          () => (loaded.readingDone = true),
          () => (loaded.readingDone = true),
        )
      }
      return loaded
    } catch (error) {
      return { file, error: `Không đọc được tệp trên đĩa (${(error as NodeJS.ErrnoException).code ?? String(error)}).` }
    }
  }
  const ahead: Ahead[] = []
  let next = 0
  const fill = () => {
    while (ahead.length < READ_AHEAD && next < originals.length) {
      const entry: Ahead = { promise: load(originals[next++]) }
      entry.promise.then((v) => (entry.value = v))
      ahead.push(entry)
    }
  }
  const ready = (e: Ahead | undefined) => Boolean(e?.value && (!e.value.reading || e.value.readingDone))

  try {
    let done = 0
    while (done < originals.length) {
      if (options.signal?.aborted) {
        report.stopped = true
        break
      }
      fill()
      // The first file of a batch is waited for outside any transaction; the others join only if
      // they are already read.
      const first = await ahead.shift()!.promise
      await first.reading?.catch(() => {})
      const batch: Loaded[] = [first]
      fill()
      while (batch.length < (options.batchSize ?? BATCH) && ready(ahead[0])) {
        batch.push(ahead.shift()!.value!)
        fill()
      }
      for (const result of await writeBatch(batch)) {
        if (!result.resumed || !journal.done(result.hash!)) journal.record(result)
        report.results.push(result)
        done++
        await options.onProgress?.(done, originals.length)
      }
    }
  } finally {
    await Promise.allSettled(ahead.map((e) => e.promise))
    await reader.close()
  }
  report.ms = performance.now() - started
  return report

  /** One batch in one transaction; if any write fails, the batch is undone and redone file by file. */
  async function writeBatch(batch: Loaded[]): Promise<FolderResult[]> {
    const results: (FolderResult | undefined)[] = []
    const written: { index: number; pending: PendingWrite; stored?: StoredWrite }[] = []
    let req: PayloadRequest | undefined
    let failed = false
    for (const [index, item] of batch.entries()) {
      if (!item.bytes) {
        results[index] = { file: item.file, outcome: 'failed', missing: [], notes: [], reason: item.error }
        continue
      }
      // Only the same file (same path, same bytes) resumes from the journal; the same bytes under
      // another name are a duplicate, which prepare() reports with the document they belong to.
      const earlier = journal.done(item.hash!)
      if (earlier && earlier.file === item.file && (await stillThere(payload, earlier.documentId ?? earlier.existing?.id))) {
        results[index] = { ...earlier, file: item.file, resumed: true }
        continue
      }
      const prepared = await importer.prepare(item.file, item.bytes, { hash: item.hash, reading: item.reading })
      if ('result' in prepared) {
        results[index] = committedEarlier(prepared.result) ?? prepared.result
        continue
      }
      req ??= await importer.transaction()
      const entry: (typeof written)[number] = { index, pending: prepared.pending }
      written.push(entry)
      try {
        entry.stored = await importer.writePending(prepared.pending, req)
      } catch {
        failed = true
        break
      }
    }
    if (req && !failed) {
      try {
        await commitTransaction(req)
      } catch {
        failed = true
      }
    }
    if (!failed) {
      for (const w of written) results[w.index] = importer.accepted(w.pending, w.stored!.id)
      return results as FolderResult[]
    }
    // Payload rolled the transaction back. Results decided against files of this batch (a copy
    // reported as their duplicate) may point at undone drafts, so the whole batch is redone, each
    // file in its own transaction: the file at fault fails alone, with its reason.
    await importer.rollback(
      req!,
      written.flatMap((w) => (w.stored ? [w.stored] : [])),
      written.map((w) => w.pending),
    )
    report.redoneBatches++
    const redone: FolderResult[] = []
    for (const [index, item] of batch.entries()) {
      const kept = results[index]
      if (kept && (kept.resumed || !item.bytes)) redone.push(kept)
      else redone.push(await importer.importOne(item.file, item.bytes!, { hash: item.hash, reading: item.reading }))
    }
    return redone
  }
}

/**
 * The same bytes, at the same path, already made into a draft by an import of this folder: a run
 * killed after a batch committed and before its journal lines were written (the journal is written
 * after the commit, so it never lists a file that is not stored). That file is resumed, not
 * reported as a duplicate of itself.
 */
function committedEarlier(r: FileResult): FolderResult | undefined {
  const earlier = r.existing?.fromFile
  if (r.outcome !== 'duplicate' || r.sameAs !== 'bytes' || !earlier?.source || earlier.source !== r.file) return undefined
  const missing = (earlier.missing ?? []).filter((f) => f !== 'summary')
  const textFrom = earlier.textFrom ?? undefined
  return {
    file: r.file,
    hash: r.hash,
    outcome: missing.length === 0 && textFrom !== 'none' ? 'created' : 'needs-review',
    documentId: r.existing!.id,
    missing,
    textFrom,
    notes: earlier.notes ? earlier.notes.split('\n') : [],
    resumed: true,
  }
}

/** The document a journal entry points at still exists (an editor may have deleted the draft since). */
async function stillThere(payload: Payload, id: string | undefined): Promise<boolean> {
  if (!id) return false
  const { totalDocs } = await payload.count({ collection: 'documents', where: { id: { equals: id } }, overrideAccess: true })
  return totalDocs > 0
}
