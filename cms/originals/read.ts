/**
 * Reading an original (PDF or DOCX) once: the text stored for search (the same text the files
 * collection would extract on upload, so it is handed over instead of extracted twice), and the
 * layout segments the header reader works on. A PDF without a text layer is a scan: its text comes
 * from OCR when the machine has it, and otherwise it has none and the result says why.
 */
import mammoth from 'mammoth'
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf'
import { DOCX_MIME_TYPE, normalizeExtractedText, PDF_MIME_TYPE } from '../attachments/extract-text'
import { readHeader, type HeaderReading } from './header'
import { segmentsFromParagraphs, segmentsFromWords, type Segment, type Word } from './layout'
import { ocrPdf, ocrStatus, OcrError } from './ocr'

export type TextSource = 'text-layer' | 'ocr' | 'none'

export interface OriginalText {
  mimeType: typeof PDF_MIME_TYPE | typeof DOCX_MIME_TYPE
  pages: number
  /** Normalised as files.extractedText stores it. */
  text: string
  segments: Segment[]
  textFrom: TextSource
  /** Vietnamese: why there is no text, or a caution about OCR text. */
  note?: string
  /** Pages read by OCR, and the engine's mean confidence. */
  ocr?: { pages: number; confidence: number; ms: number }
}

/** A file that cannot become a document at all (damaged, password-protected, not what its name says). */
export class UnreadableOriginal extends Error {}

export const SUPPORTED_EXTENSIONS = ['.pdf', '.docx'] as const

// Fewer letters than this per page means no usable text layer: a scan, maybe with a stray page number.
const SCAN_LETTERS_PER_PAGE = 25

const PDF_SIGNATURE = '%PDF-'
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b)

export function mimeTypeOf(name: string, bytes: Uint8Array): OriginalText['mimeType'] {
  const lower = name.toLowerCase()
  // Some producers put a few bytes before the header; pdf.js accepts the header within the first KB.
  const isPdf = Buffer.from(bytes.subarray(0, 1024)).includes(PDF_SIGNATURE)
  if (lower.endsWith('.pdf')) {
    if (isPdf) return PDF_MIME_TYPE
    throw new UnreadableOriginal('Tệp có đuôi .pdf nhưng nội dung không phải PDF (có thể tệp bị hỏng hoặc bị đổi tên).')
  }
  if (lower.endsWith('.docx')) {
    if (startsWith(bytes, OLE_SIGNATURE)) {
      throw new UnreadableOriginal(
        'Tệp Word được đặt mật khẩu hoặc là định dạng .doc cũ: hãy mở trong Word, lưu lại thành .docx không mật khẩu hoặc in ra PDF, rồi nhập lại.',
      )
    }
    if (startsWith(bytes, ZIP_SIGNATURE)) return DOCX_MIME_TYPE
    throw new UnreadableOriginal('Tệp có đuôi .docx nhưng nội dung không phải tệp Word .docx (có thể tệp bị hỏng hoặc bị đổi tên).')
  }
  throw new UnreadableOriginal('Chỉ nhập được tệp PDF (.pdf) và Word (.docx).')
}

export async function readOriginal(name: string, bytes: Uint8Array): Promise<OriginalText> {
  const mimeType = mimeTypeOf(name, bytes)
  return mimeType === PDF_MIME_TYPE ? readPdf(bytes) : readDocx(bytes)
}

/** An original's text and its header, read in the calling thread (reader.ts reads in a worker). */
export interface Reading {
  original: OriginalText
  header: HeaderReading
}

export async function readInThread(name: string, bytes: Buffer): Promise<Reading> {
  const original = await readOriginal(name, bytes)
  return { original, header: readHeader(original.segments) }
}

async function readDocx(bytes: Uint8Array): Promise<OriginalText> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let raw: string
  try {
    raw = (await mammoth.extractRawText({ buffer })).value
  } catch {
    throw new UnreadableOriginal('Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không phải tệp .docx hợp lệ.')
  }
  const text = normalizeExtractedText(raw)
  return {
    mimeType: DOCX_MIME_TYPE,
    pages: 1,
    text,
    segments: segmentsFromParagraphs(raw),
    textFrom: text ? 'text-layer' : 'none',
    note: text ? undefined : 'Tệp Word không có chữ.',
  }
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

/**
 * The header reader looks at the first page and at the signature block, which ends the text but
 * may sit on the page before a last page of appendices or recipients: the middle of a long
 * document is never laid out.
 */
function headerPages(words: Word[], pages: number): Word[] {
  return pages <= 3 ? words : words.filter((w) => w.page === 1 || w.page >= pages - 1)
}

async function readPdf(bytes: Uint8Array): Promise<OriginalText> {
  // A failure to load pdf.js itself is a deployment bug, not a broken file: outside the try.
  const pdfjs = await getResolvedPDFJS()
  let pdf: PdfDocument | undefined
  const pageTexts: string[] = []
  const words: Word[] = []
  let pages: number
  try {
    // pdf.js detaches the buffer it is given; the caller still needs the bytes for the upload.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
    pages = pdf.numPages
    for (let p = 1; p <= pages; p++) {
      const page = await pdf.getPage(p)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      let pageText = ''
      for (const item of content.items) {
        if (!('str' in item)) continue
        // The same join as unpdf's extractText, so the stored text equals an upload's in the admin.
        pageText += item.str + (item.hasEOL ? '\n' : '')
        if (!item.str.trim()) continue
        const [, , c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform) as number[]
        const size = Math.hypot(c, d) || item.height || 1
        words.push({ text: item.str, page: p, x0: e, x1: e + item.width * viewport.scale, top: f - size, bottom: f })
      }
      pageTexts.push(pageText)
      page.cleanup()
    }
  } catch (error) {
    const encrypted = error instanceof Error && error.name === 'PasswordException'
    throw new UnreadableOriginal(
      encrypted
        ? 'Tệp PDF được đặt mật khẩu nên không đọc được: hãy lưu lại bản không mật khẩu rồi nhập lại.'
        : 'Không đọc được tệp PDF: tệp bị hỏng hoặc không phải là tệp PDF hợp lệ.',
    )
  } finally {
    await pdf?.loadingTask.destroy()
  }

  const merged = pageTexts
    .join('\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
  const letters = merged.match(/\p{L}/gu)?.length ?? 0
  if (letters >= SCAN_LETTERS_PER_PAGE * pages) {
    return {
      mimeType: PDF_MIME_TYPE,
      pages,
      text: normalizeExtractedText(merged),
      segments: segmentsFromWords(headerPages(words, pages)),
      textFrom: 'text-layer',
    }
  }

  // A scan.
  const ocr = await ocrStatus()
  if (!ocr.available) {
    return { mimeType: PDF_MIME_TYPE, pages, text: '', segments: [], textFrom: 'none', note: `Tệp là bản quét (không có lớp chữ). ${ocr.reason}` }
  }
  const started = performance.now()
  try {
    const result = await ocrPdf(bytes, { pages })
    const text = normalizeExtractedText(result.text)
    const ms = Math.round(performance.now() - started)
    return {
      mimeType: PDF_MIME_TYPE,
      pages,
      text,
      segments: segmentsFromWords(headerPages(result.words, result.pages)),
      textFrom: text ? 'ocr' : 'none',
      note: text
        ? `Nội dung chữ do nhận dạng chữ (OCR) từ bản quét, độ tin cậy trung bình ${Math.round(result.confidence)}%; có thể sai chính tả, cần đối chiếu với bản gốc.`
        : 'Tệp là bản quét và nhận dạng chữ (OCR) không tìm thấy chữ nào.',
      ocr: { pages: result.pages, confidence: result.confidence, ms },
    }
  } catch (error) {
    const why = error instanceof OcrError ? error.message : String(error)
    return { mimeType: PDF_MIME_TYPE, pages, text: '', segments: [], textFrom: 'none', note: `Tệp là bản quét; nhận dạng chữ (OCR) không thành công: ${why}` }
  }
}
