/**
 * OCR of scanned PDFs with Debian's Tesseract and its Vietnamese data (tesseract-ocr, tesseract-ocr-vie),
 * pages turned into images by poppler's pdftoppm (tesseract reads images, not PDFs). Both are
 * programs, not npm packages: tesseract.js downloads its language data at run time, which fails on
 * machines without internet. scripts/ensure-ocr.sh installs them where it can; without them a scan
 * is still imported, as a draft without text, and the report says why (ocrStatus().reason).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Word } from './layout'

const run = promisify(execFile)

/** 300 dpi is what Tesseract is tuned for; lower loses Vietnamese tone marks, higher only costs time. */
export const OCR_DPI = 300
const LANGUAGE = 'vie'
const PAGE_TIMEOUT_MS = 180_000

export interface OcrStatus {
  available: boolean
  /** Vietnamese: why scans cannot be read here and how to fix it. */
  reason?: string
  version?: string
}

const INSTALL_HINT =
  'Cài đặt bằng lệnh «sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils» (hoặc chạy «bash scripts/ensure-ocr.sh» với quyền root), rồi nhập lại thư mục.'

let status: Promise<OcrStatus> | undefined

/** Whether OCR can run on this machine; checked once per process. */
export function ocrStatus(): Promise<OcrStatus> {
  // Read on every call, so an operator (or a test) can turn OCR off for one run.
  if (process.env.SO_TAY_OCR === 'off') {
    return Promise.resolve({ available: false, reason: 'Nhận dạng chữ (OCR) đang tắt theo cấu hình (SO_TAY_OCR=off) nên chữ của bản quét không được đọc.' })
  }
  status ??= (async (): Promise<OcrStatus> => {
    let version: string
    try {
      const { stdout, stderr } = await run('tesseract', ['--version'], { timeout: 20_000 })
      version = `${stdout}${stderr}`.split('\n')[0].trim()
    } catch {
      return { available: false, reason: `Máy này chưa có chương trình nhận dạng chữ Tesseract nên không đọc được chữ của bản quét. ${INSTALL_HINT}` }
    }
    try {
      const { stdout } = await run('tesseract', ['--list-langs'], { timeout: 20_000 })
      if (!stdout.split(/\r?\n/).includes(LANGUAGE)) throw new Error('no vie')
    } catch {
      return {
        available: false,
        reason: `Tesseract trên máy này chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie) nên không đọc được bản quét. ${INSTALL_HINT}`,
      }
    }
    try {
      await run('pdftoppm', ['-v'], { timeout: 20_000 })
    } catch {
      return {
        available: false,
        reason: `Máy này chưa có chương trình pdftoppm (gói poppler-utils) để chuyển trang PDF thành ảnh cho nhận dạng chữ. ${INSTALL_HINT}`,
      }
    }
    return { available: true, version }
  })()
  return status
}

export interface OcrResult {
  words: Word[]
  /** Lines joined by "\n", paragraphs by a blank line, as Tesseract found them. */
  text: string
  pages: number
  /** Mean word confidence, 0–100. */
  confidence: number
}

export class OcrError extends Error {}

/**
 * Pages being OCR'd at once in this process, whatever file they belong to: one single-threaded
 * Tesseract per core (on a small machine that beats Tesseract's own threading, which mostly waits),
 * and no more, so a folder of scans read ahead never starts dozens of Tesseracts (~150 MB each).
 */
const SLOTS = Math.max(1, Math.min(os.availableParallelism(), 4))
let busy = 0
const waiting: (() => void)[] = []
async function inSlot<T>(task: () => Promise<T>): Promise<T> {
  if (busy >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve))
  else busy++
  try {
    return await task()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else busy--
  }
}

/**
 * OCR of the pages of a PDF (`pages` as pdf.js counted them). Each page is rendered on its own —
 * uncompressed greyscale PGM, which Tesseract reads: pdftoppm's PNG encoding of a 300 dpi page took
 * ~10 s, fifty times the rendering and five times the OCR — read, and its image deleted, so a long
 * scan never fills the temporary folder. Pages of one file and of several files share the slots above.
 */
export async function ocrPdf(bytes: Uint8Array, options: { pages: number; maxPages?: number }): Promise<OcrResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'so-tay-ocr-'))
  try {
    const input = path.join(dir, 'original.pdf')
    await fs.writeFile(input, bytes)
    const count = Math.min(options.pages, options.maxPages ?? Number.POSITIVE_INFINITY)
    if (count < 1) throw new OcrError('Tệp PDF không có trang nào để nhận dạng chữ.')
    // Settled, not raced: no page is still being written when the folder is removed below.
    const settled = await Promise.allSettled(
      Array.from({ length: count }, (_, i) =>
        inSlot(async () => {
          const page = i + 1
          const image = path.join(dir, `page-${page}`)
          try {
            await run('pdftoppm', ['-r', String(OCR_DPI), '-gray', '-f', String(page), '-l', String(page), '-singlefile', input, image], {
              timeout: PAGE_TIMEOUT_MS,
            })
          } catch (error) {
            throw new OcrError(`Không chuyển được trang ${page} của tệp PDF thành ảnh để nhận dạng chữ (${String((error as Error).message).split('\n')[0]}).`)
          }
          try {
            const { stdout } = await run('tesseract', [`${image}.pgm`, 'stdout', '-l', LANGUAGE, '--psm', '3', 'tsv'], {
              timeout: PAGE_TIMEOUT_MS,
              maxBuffer: 64 * 1024 * 1024,
              env: { ...process.env, OMP_THREAD_LIMIT: '1' },
            })
            return parseTsv(stdout, page)
          } catch (error) {
            throw new OcrError(`Tesseract không đọc được trang ${page} (${String((error as Error).message).split('\n')[0]}).`)
          } finally {
            await fs.rm(`${image}.pgm`, { force: true })
          }
        }),
      ),
    )
    const failed = settled.find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
    const pages = settled.map((r) => (r as PromiseFulfilledResult<ReturnType<typeof parseTsv>>).value)
    const words = pages.flatMap((p) => p.words)
    const confident = words.filter((w) => w.confidence >= 0)
    return {
      words,
      text: pages
        .map((p) => p.text)
        .filter(Boolean)
        .join('\n\n'),
      pages: count,
      confidence: confident.length ? confident.reduce((a, w) => a + w.confidence, 0) / confident.length : 0,
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** Tesseract's TSV: one row per word (level 5) with its page position, block, paragraph and line. */
export function parseTsv(tsv: string, page: number): { words: (Word & { confidence: number })[]; text: string } {
  const words: (Word & { confidence: number })[] = []
  const paragraphs = new Map<string, Map<string, string[]>>()
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t')
    if (cols.length < 12 || cols[0] !== '5') continue
    const text = cols.slice(11).join('\t').trim()
    if (!text) continue
    const [, , block, par, line, , left, top, width, height, conf] = cols.map(Number)
    const paragraph = `${block}.${par}`
    const lineKey = `${paragraph}.${line}`
    words.push({ text, page, x0: left, x1: left + width, top, bottom: top + height, line: lineKey, confidence: conf })
    const lines = paragraphs.get(paragraph) ?? new Map<string, string[]>()
    lines.set(lineKey, [...(lines.get(lineKey) ?? []), text])
    paragraphs.set(paragraph, lines)
  }
  const text = [...paragraphs.values()].map((lines) => [...lines.values()].map((w) => w.join(' ')).join('\n')).join('\n\n')
  return { words, text }
}
