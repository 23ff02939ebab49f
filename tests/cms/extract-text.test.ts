import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'

import {
  DOCX_MIME_TYPE,
  EXTRACTABLE_MIME_TYPES,
  ExtractionError,
  MAX_EXTRACTED_TEXT_LENGTH,
  PDF_MIME_TYPE,
  extractText,
  normalizeExtractedText,
} from '../../cms/attachments/extract-text'

// Regenerate with: bash tests/fixtures/attachments/make-fixtures.sh
const fixture = (name: string) => readFile(fileURLToPath(new URL(`../fixtures/attachments/${name}`, import.meta.url)))

const HEADING = 'ĐẢNG CỘNG SẢN VIỆT NAM'
const NUMBER = 'Số 99-NQ/TU'
const PHRASE_DIGITAL = 'chuyển đổi số trong công tác đảng'
const PHRASE_MINORITIES = 'đồng bào dân tộc thiểu số'

// Every Vietnamese letter has a precomposed code point, so NFC Vietnamese contains no combining marks.
const COMBINING_MARK = /\p{M}/u

describe('test literals', () => {
  // Guards the guards: an editor that saves this file decomposed would make every toContain vacuous.
  it('are themselves NFC', () => {
    for (const literal of [HEADING, NUMBER, PHRASE_DIGITAL, PHRASE_MINORITIES]) {
      expect(literal).toBe(literal.normalize('NFC'))
      expect(literal).not.toMatch(COMBINING_MARK)
    }
  })
})

describe('extractText — PDF', () => {
  it('returns the Vietnamese text with diacritics intact, in NFC', async () => {
    const text = await extractText(await fixture('nghi-quyet-mau.pdf'), PDF_MIME_TYPE)

    expect(text.startsWith(HEADING)).toBe(true)
    expect(text).toContain(NUMBER)
    expect(text).toContain('99-NQ/TU')
    expect(text).toContain(PHRASE_DIGITAL)
    expect(text).toContain(PHRASE_MINORITIES)
    expect(text).toContain('Nhà nước.')
    expect(text).not.toMatch(COMBINING_MARK)
    expect(text).not.toContain('\uFFFD')
  })

  it('joins lines the page layout wrapped, so phrases survive a line break', async () => {
    const text = await extractText(await fixture('nghi-quyet-mau.pdf'), PDF_MIME_TYPE)

    // In the fixture these phrases straddle a line end ("…sinh hoạt chi" / "bộ; …").
    expect(text).toContain('tài liệu sinh hoạt chi bộ; bảo đảm an toàn')
    expect(text).toContain('quy định của Đảng và pháp luật')
    expect(text).toContain('phát huy vai trò của cấp ủy cơ sở')
    expect(text).not.toMatch(/[^\S\n]{2,}|\n{3,}| \n|\n /)
    expect(text.replaceAll('\n\n', '')).not.toContain('\n')
  })

  it('leaves the caller’s buffer usable (pdf.js would otherwise detach it)', async () => {
    const bytes = new Uint8Array(await fixture('nghi-quyet-mau.pdf'))
    const before = bytes.byteLength

    await extractText(bytes, PDF_MIME_TYPE)

    expect(bytes.byteLength).toBe(before)
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
  })

  it('accepts MIME types with parameters and in upper case', async () => {
    const data = await fixture('nghi-quyet-mau.pdf')
    await expect(extractText(data, 'Application/PDF; charset=binary')).resolves.toContain(PHRASE_DIGITAL)
  })

  it('throws ExtractionError with a Vietnamese message for a damaged PDF', async () => {
    const error = await extractText(await fixture('broken.pdf'), PDF_MIME_TYPE).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ExtractionError)
    const extractionError = error as ExtractionError
    expect(extractionError.name).toBe('ExtractionError')
    expect(extractionError.reason).toBe('damaged')
    expect(extractionError.mimeType).toBe(PDF_MIME_TYPE)
    expect(extractionError.message).toBe('Không đọc được nội dung tệp PDF: tệp bị hỏng hoặc không phải là tệp PDF hợp lệ.')
    expect(extractionError.message).toBe(extractionError.message.normalize('NFC'))
    // The underlying pdf.js error is kept for logs.
    expect((extractionError.cause as Error).name).toBe('InvalidPDFException')
  })

  it('throws ExtractionError for an empty file', async () => {
    await expect(extractText(new Uint8Array(0), PDF_MIME_TYPE)).rejects.toBeInstanceOf(ExtractionError)
  })
})

describe('extractText — DOCX', () => {
  it('returns one paragraph per Word paragraph, NFC, separated by a blank line', async () => {
    const text = await extractText(await fixture('nghi-quyet-mau.docx'), DOCX_MIME_TYPE)

    expect(text.split('\n\n')).toEqual([
      HEADING,
      'TỈNH ỦY MẪU',
      NUMBER,
      'NGHỊ QUYẾT',
      'về đẩy mạnh chuyển đổi số trong công tác đảng giai đoạn 2025 – 2030',
      'Tỉnh ủy quyết nghị đẩy mạnh chuyển đổi số trong công tác đảng, từng bước số hóa hồ sơ đảng viên, ' +
        'văn kiện và tài liệu sinh hoạt chi bộ; bảo đảm an toàn, bảo mật thông tin theo đúng quy định ' +
        'của Đảng và pháp luật của Nhà nước.',
      'Quan tâm đào tạo, bồi dưỡng kỹ năng số cho cán bộ, đảng viên ở vùng sâu, vùng xa, vùng đồng bào ' +
        'dân tộc thiểu số; phát huy vai trò của cấp ủy cơ sở trong tuyên truyền, phổ biến và tổ chức ' +
        'thực hiện nghị quyết.',
    ])
    expect(text).toContain('99-NQ/TU')
    expect(text).toContain(PHRASE_DIGITAL)
    expect(text).toContain(PHRASE_MINORITIES)
    expect(text).not.toMatch(COMBINING_MARK)
  })

  it('recomposes text stored decomposed ("Unicode tổ hợp")', async () => {
    const data = await fixture('nghi-quyet-mau.docx')
    // Proves the fixture really exercises normalisation: mammoth alone returns the decomposed form.
    const { value: raw } = await mammoth.extractRawText({ buffer: data })
    expect(raw).toContain(PHRASE_MINORITIES.normalize('NFD'))
    expect(raw).not.toContain(PHRASE_MINORITIES)

    const text = await extractText(data, DOCX_MIME_TYPE)
    expect(text).toContain(PHRASE_MINORITIES)
    expect(text).not.toContain(PHRASE_MINORITIES.normalize('NFD'))
  })

  it('accepts a plain Uint8Array as well as a Buffer', async () => {
    const bytes = new Uint8Array(await fixture('nghi-quyet-mau.docx'))
    await expect(extractText(bytes, DOCX_MIME_TYPE)).resolves.toContain(PHRASE_DIGITAL)
  })

  it('throws ExtractionError for bytes that are not a DOCX package', async () => {
    for (const data of [await fixture('broken.pdf'), await fixture('nghi-quyet-mau.pdf'), new Uint8Array(0)]) {
      const error = await extractText(data, DOCX_MIME_TYPE).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ExtractionError)
      expect((error as ExtractionError).reason).toBe('damaged')
      expect((error as ExtractionError).message).toMatch(/^Không đọc được nội dung tệp Word \(\.docx\): tệp bị hỏng/)
    }
  })

  it('reports an OLE container (encrypted .docx or legacy .doc) as encrypted', async () => {
    const ole = new Uint8Array(512)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

    const error = await extractText(ole, DOCX_MIME_TYPE).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ExtractionError)
    expect((error as ExtractionError).reason).toBe('encrypted')
    expect((error as ExtractionError).message).toContain('được bảo vệ bằng mật khẩu')
  })
})

describe('extractText — other types', () => {
  it('lists exactly the two supported types', () => {
    expect([...EXTRACTABLE_MIME_TYPES].sort()).toEqual([PDF_MIME_TYPE, DOCX_MIME_TYPE].sort())
  })

  it('returns an empty string for unsupported types without parsing the bytes', async () => {
    const pdf = await fixture('nghi-quyet-mau.pdf')
    await expect(extractText(pdf, 'image/png')).resolves.toBe('')
    await expect(extractText(pdf, 'text/plain')).resolves.toBe('')
    // No sniffing: a PDF sent as octet-stream is not read.
    await expect(extractText(pdf, 'application/octet-stream')).resolves.toBe('')
    await expect(extractText(await fixture('broken.pdf'), 'application/msword')).resolves.toBe('')
  })
})

describe('normalizeExtractedText', () => {
  it('collapses whitespace, keeps paragraph breaks and drops control characters', () => {
    expect(normalizeExtractedText('  Điều\t 1.\r\nNội\u0000dung  \n \n\n\nĐiều 2.\n\n')).toBe('Điều 1. Nội dung\n\nĐiều 2.')
  })

  it(`caps the text at ${MAX_EXTRACTED_TEXT_LENGTH} characters without splitting a surrogate pair`, () => {
    const filler = 'a'.repeat(MAX_EXTRACTED_TEXT_LENGTH - 1)
    const capped = normalizeExtractedText(`${filler}🇻🇳 và nhiều nội dung nữa`)

    expect(capped.length).toBeLessThanOrEqual(MAX_EXTRACTED_TEXT_LENGTH)
    expect(capped).toBe(filler)
    expect(normalizeExtractedText('x'.repeat(MAX_EXTRACTED_TEXT_LENGTH + 10))).toHaveLength(MAX_EXTRACTED_TEXT_LENGTH)
  })
})
