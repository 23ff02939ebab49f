import mammoth from 'mammoth'
import { extractText as extractPdfText, getDocumentProxy, getResolvedPDFJS } from 'unpdf'

export const PDF_MIME_TYPE = 'application/pdf'
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export const EXTRACTABLE_MIME_TYPES = [PDF_MIME_TYPE, DOCX_MIME_TYPE] as const
export type ExtractableMimeType = (typeof EXTRACTABLE_MIME_TYPES)[number]

/**
 * Upper bound on stored text. 2 M characters is roughly a 1 000-page resolution collection, far beyond
 * any single party document, yet small enough (≤ 8 MB as UTF-8) to sit in one database row and one
 * search-index document without hitting payload limits.
 */
export const MAX_EXTRACTED_TEXT_LENGTH = 2_000_000

/** `encrypted`: the file needs a password; `damaged`: the bytes are not a readable document. */
export type ExtractionFailureReason = 'encrypted' | 'damaged'

/**
 * Raised when an uploaded file of a supported type cannot be read. The message is Vietnamese because
 * the upload hook may show it to the editor as-is; `reason` is for code that wants to branch.
 */
export class ExtractionError extends Error {
  readonly reason: ExtractionFailureReason
  readonly mimeType: ExtractableMimeType

  constructor(message: string, options: { reason: ExtractionFailureReason; mimeType: ExtractableMimeType; cause?: unknown }) {
    super(message, { cause: options.cause })
    this.name = 'ExtractionError'
    this.reason = options.reason
    this.mimeType = options.mimeType
  }
}

const MESSAGES = {
  [PDF_MIME_TYPE]: {
    encrypted: 'Không đọc được nội dung tệp PDF vì tệp được bảo vệ bằng mật khẩu. Hãy tải lên bản không đặt mật khẩu.',
    damaged: 'Không đọc được nội dung tệp PDF: tệp bị hỏng hoặc không phải là tệp PDF hợp lệ.',
  },
  [DOCX_MIME_TYPE]: {
    encrypted:
      'Không đọc được nội dung tệp Word: tệp được bảo vệ bằng mật khẩu hoặc là định dạng .doc cũ. Hãy lưu lại thành tệp .docx không đặt mật khẩu rồi tải lên.',
    damaged: 'Không đọc được nội dung tệp Word (.docx): tệp bị hỏng hoặc không phải là tệp .docx hợp lệ.',
  },
} satisfies Record<ExtractableMimeType, Record<ExtractionFailureReason, string>>

/**
 * Extracts plain text for search from an uploaded attachment.
 *
 * Returns '' for types we do not read. Throws `ExtractionError` when a PDF/DOCX cannot be read, so the
 * caller can decide between rejecting the upload and storing it without text.
 */
export async function extractText(data: Buffer | Uint8Array, mimeType: string): Promise<string> {
  // Browsers and proxies send things like "application/pdf; charset=binary" or upper-case variants.
  const type = mimeType.split(';')[0].trim().toLowerCase()
  if (type === PDF_MIME_TYPE) return normalizeExtractedText(await readPdf(data))
  if (type === DOCX_MIME_TYPE) return normalizeExtractedText(await readDocx(data))
  return ''
}

async function readPdf(data: Buffer | Uint8Array): Promise<string> {
  // Loaded outside the try below: if the bundled pdf.js itself fails to load, that is a deployment
  // bug and must surface as such, not be reported to the editor as a broken file.
  await getResolvedPDFJS()

  // Always copy: pdf.js rejects Node Buffers outright, and for a plain Uint8Array it transfers (detaches)
  // the underlying ArrayBuffer, which would leave the caller's upload buffer empty for the storage step.
  const bytes = new Uint8Array(data)

  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined
  try {
    // Malformed-but-readable PDFs make pdf.js warn on every glyph; keep server logs to real errors.
    pdf = await getDocumentProxy(bytes, { verbosity: 0 })
    const { text } = await extractPdfText(pdf, { mergePages: true })
    return text
  } catch (error) {
    // pdf.js errors cross its (inlined) worker boundary by name, so `instanceof` is unreliable here.
    const reason: ExtractionFailureReason = error instanceof Error && error.name === 'PasswordException' ? 'encrypted' : 'damaged'
    throw new ExtractionError(MESSAGES[PDF_MIME_TYPE][reason], { reason, mimeType: PDF_MIME_TYPE, cause: error })
  } finally {
    await pdf?.loadingTask.destroy()
  }
}

// Password-protected .docx files are not zip packages at all: Office wraps them in an OLE compound
// file, the same container as legacy .doc. Spotting the signature lets us tell the editor what to do.
const OLE_COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

async function readDocx(data: Buffer | Uint8Array): Promise<string> {
  if (OLE_COMPOUND_FILE_SIGNATURE.every((byte, i) => data[i] === byte)) {
    throw new ExtractionError(MESSAGES[DOCX_MIME_TYPE].encrypted, { reason: 'encrypted', mimeType: DOCX_MIME_TYPE })
  }
  // mammoth only accepts a Buffer in Node; wrapping shares memory instead of copying the upload.
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  try {
    const { value } = await mammoth.extractRawText({ buffer })
    return value
  } catch (error) {
    throw new ExtractionError(MESSAGES[DOCX_MIME_TYPE].damaged, {
      reason: 'damaged',
      mimeType: DOCX_MIME_TYPE,
      cause: error,
    })
  }
}

// NUL and other C0 controls show up in text from broken ToUnicode maps; PostgreSQL refuses NUL in text
// columns, so one stray byte would fail the whole upload.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f]/g
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/

/**
 * Normalises extracted text for storage and search: NFC, paragraphs separated by exactly one blank
 * line, every other whitespace run (including single line breaks) collapsed to one space, capped at
 * MAX_EXTRACTED_TEXT_LENGTH.
 *
 * Single line breaks are dropped because in a PDF they are where the layout wrapped the line, not part
 * of the text: keeping them would split phrases such as "chi bộ" across lines and defeat substring and
 * phrase search. Blank lines (mammoth emits one after each Word paragraph) are real structure and stay.
 */
export function normalizeExtractedText(raw: string): string {
  const text = raw
    // Vietnamese typed in "Unicode tổ hợp" (decomposed) mode must match queries typed precomposed.
    .normalize('NFC')
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
  return capLength(text)
}

function capLength(text: string): string {
  if (text.length <= MAX_EXTRACTED_TEXT_LENGTH) return text
  let capped = text.slice(0, MAX_EXTRACTED_TEXT_LENGTH)
  // A cut between the halves of a surrogate pair would leave an unpaired surrogate, which is not valid
  // UTF-16 and turns into U+FFFD (or an error) in drivers and the search engine.
  const last = capped.charCodeAt(capped.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) capped = capped.slice(0, -1)
  return capped.trimEnd()
}
