/**
 * Reads the metadata a party document prints in its standard layout (Hướng dẫn 36-HD/VPTW):
 *
 *   BAN CHẤP HÀNH TRUNG ƯƠNG              ĐẢNG CỘNG SẢN VIỆT NAM
 *               *                        ─────────────
 *        Số 21-NQ/TW            Hà Nội, ngày 16 tháng 6 năm 2022
 *          MẬT
 *                         NGHỊ QUYẾT
 *        về tăng cường củng cố, xây dựng tổ chức cơ sở đảng …
 *                            ─────
 *   (body)
 *   Nơi nhận:                               T/M BAN CHẤP HÀNH TRUNG ƯƠNG
 *   - …                                           TỔNG BÍ THƯ
 *                                                 Nguyễn Phú Trọng
 *
 * Each field is read only from the place the layout gives it; a field not found there stays empty
 * and a note in Vietnamese says what was looked for. Nothing is inferred from the body text.
 * Works on segments (layout.ts) from a PDF text layer, OCR or DOCX paragraphs alike.
 */
import { parseDocumentNumber, tidyDocumentNumber, typeMismatchMessage, validateDocumentNumber } from '../../core/documentNumbers'
import { fold } from '../../core/vietnamese'
import { type DocumentTypeSlug, documentTypeLabel, type Level, type Secrecy } from '../../core/vocabulary'
import type { Segment } from './layout'
import { levelOfIssuerCode, partyTypesOfCode, SECRECY_BY_MARKING, SECRECY_RANK, typeOfHeading } from './vocabulary'

export interface HeaderReading {
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" was found on the first page. */
  partyHeading: boolean
  /** As printed, tidied ("21-NQ/TW"). */
  number?: string
  type?: DocumentTypeSlug
  /** Where the type came from: the heading ("NGHỊ QUYẾT") or the number's code when it names one type. */
  typeFrom?: 'heading' | 'number'
  /** The issuing body's lines as printed above the number ("ĐẢNG BỘ TỈNH YÊN BÁI", "TỈNH ỦY"). */
  issuerLines: string[]
  /** The collective body the signer acts for ("T/M BỘ CHÍNH TRỊ", "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ"). */
  onBehalf?: string
  /** Printed names to look the issuer up by, most specific first. */
  issuerCandidates: string[]
  level?: Level
  place?: string
  /** YYYY-MM-DD. */
  issuedAt?: string
  /** Trích yếu, first letter capitalised as the library shows it. */
  title?: string
  signer?: string
  /** Present when the header region could be read: "none" when it carries no marking. */
  secrecy?: Secrecy
  /** "LƯU HÀNH NỘI BỘ" printed in the header. */
  internal: boolean
  /** Vietnamese, one sentence each: what was not found, or found but unreadable. */
  notes: string[]
}

const HEADER_SEGMENTS = 40
const letters = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase()
const isRule = (s: string) => /^[\s\-–—_*.·•=~]+$/.test(s)
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1)
const overlapping = (a: Segment, b: Segment) => !a.box || !b.box || Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0) > 0

const PARTY_HEADING = 'dang cong san viet nam'
const NUMBER_LINE = /^s[ốoô6]\s*[:.]?\s*(?=\d)/iu
// "Hà Nội, ngày 16 tháng 6 năm 2022". Vowels are loose because OCR drops or swaps tone marks.
const DATE = /(?:^|[\s,.;])ng\p{L}y\s*(\d{1,2})\s*th\p{L}ng\s*(\d{1,2})\s*n\p{L}m\s*(\d{4})/iu
// Marks of the signature block: on behalf of (T/M), signing for (K/T), by order (T/L), authorised (T/U).
const SIGNING_FOR = /^(?:T\/M|K\/T|T\/L|T\/U|TM\.|KT\.|TL\.|TUQ\.)\s*/u
const POSITION = /(?:^|\s)(?:bi thu|chu nhiem|chanh van phong|truong ban|uy vien|thuong truc|chu tich|giam doc)$/
const SIGNED = /^\(?\s*(?:đã ký|ký tên|ký, ghi rõ|chữ ký|đóng dấu)/iu
const PERSON = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u
const BODY_START = /^(?:[-–•+]|\d+[.)]|[IVX]+[.)]|căn cứ|thực hiện|phần|chương|điều \d)/iu

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return date.toISOString().slice(0, 10)
}

function markingOf(text: string): Secrecy | undefined {
  return SECRECY_BY_MARKING.get(letters(text))
}

export function readHeader(segments: readonly Segment[]): HeaderReading {
  const notes: string[] = []
  const reading: HeaderReading = { partyHeading: false, issuerLines: [], issuerCandidates: [], internal: false, notes }
  if (segments.length === 0) {
    notes.push('Không đọc được chữ nào trong tệp.')
    return reading
  }
  const firstPage = segments[0].page
  const head = segments.filter((s) => s.page === firstPage).slice(0, HEADER_SEGMENTS)

  // ── "ĐẢNG CỘNG SẢN VIỆT NAM"
  const headingAt = head.findIndex((s) => letters(s.text).includes(PARTY_HEADING))
  reading.partyHeading = headingAt >= 0
  if (!reading.partyHeading) {
    notes.push(
      'Không thấy dòng «ĐẢNG CỘNG SẢN VIỆT NAM» ở đầu văn bản: tệp có thể không trình bày theo thể thức văn bản của Đảng, các trường đọc được cần kiểm tra kỹ.',
    )
  }

  // ── Số, ký hiệu
  const numberAt = head.findIndex((s) => NUMBER_LINE.test(s.text))
  let parsedNumber: ReturnType<typeof parseDocumentNumber> = null
  if (numberAt < 0) {
    notes.push('Không tìm thấy dòng «Số …» (số, ký hiệu) ở phần đầu văn bản.')
  } else {
    const rest = head[numberAt].text.replace(NUMBER_LINE, '').replace(/\s*([-/–—])\s*/g, '$1')
    const token = rest.split(/\s+/)[0].replace(/[.,;:]+$/, '')
    const tidy = tidyDocumentNumber(token)
    if (tidy) {
      reading.number = tidy
      parsedNumber = parseDocumentNumber(tidy)
    } else {
      const why = validateDocumentNumber(token)
      notes.push(`Dòng «${head[numberAt].text}» không đọc được thành số, ký hiệu: ${why === true ? 'không đúng dạng' : why}`)
    }
  }

  // ── Secrecy and circulation markings: lines of their own in the header, above the type heading.
  const typeAt = head.findIndex((s) => isUpper(s.text) && typeOfHeading(s.text) !== undefined)
  const markingZone = head.slice(0, typeAt >= 0 ? typeAt : undefined)
  let secrecy: Secrecy = 'none'
  for (const s of markingZone) {
    // A marking merged into the number line by OCR ("Số 21-NQ/TW MẬT") still counts.
    const trailing = s.text.match(/\s((?:TUYỆT|TỐI)\s?MẬT|MẬT)$/u)?.[1]
    for (const found of [markingOf(s.text), trailing && markingOf(trailing)]) {
      if (found && SECRECY_RANK[found] > SECRECY_RANK[secrecy]) secrecy = found
    }
    if (letters(s.text).includes('luu hanh noi bo')) reading.internal = true
  }
  // "No marking" is a reading only when the header itself was read; otherwise it stays unknown.
  if (reading.partyHeading || reading.number) reading.secrecy = secrecy

  // ── Place and date
  const dateAt = head.findIndex((s) => DATE.test(s.text))
  if (dateAt < 0) {
    notes.push('Không tìm thấy dòng địa danh, ngày tháng năm ban hành (ví dụ «Hà Nội, ngày 16 tháng 6 năm 2022»).')
  } else {
    const text = head[dateAt].text
    const m = text.match(DATE)!
    const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]))
    const year = Number(m[3])
    if (!iso || year < 1930 || year > new Date().getUTCFullYear() + 1) {
      notes.push(`Ngày ghi trên văn bản «${text}» không phải là ngày có thật hoặc nằm ngoài khoảng 1930 đến nay.`)
    } else {
      reading.issuedAt = iso
    }
    const place = text
      .slice(0, m.index)
      .replace(/^s[ốo]\s*[:.]?\s*\S+\s*/iu, '')
      .replace(/[\s,.;]+$/, '')
      .trim()
    if (place && /\p{L}/u.test(place)) reading.place = place
  }

  // ── Issuing body: the lines above the number, in its column.
  const stop = numberAt >= 0 ? numberAt : typeAt >= 0 ? typeAt : Math.min(head.length, 6)
  const anchor = numberAt >= 0 ? head[numberAt] : undefined
  for (const s of head.slice(0, stop)) {
    const t = letters(s.text)
    if (!t || isRule(s.text) || t.includes(PARTY_HEADING) || DATE.test(s.text) || markingOf(s.text) || t.includes('luu hanh noi bo')) continue
    if (/^(?:khan|thuong khan|hoa toc|hoa toc hen gio)$/.test(t)) continue // urgency markings
    if (anchor && !overlapping(s, anchor)) continue
    if (!anchor && s.box && reading.partyHeading && overlapping(s, head[headingAt])) continue
    if (!isUpper(s.text)) continue
    reading.issuerLines.push(s.text)
  }
  if (!reading.issuerLines.length) notes.push('Không đọc được tên cơ quan ban hành ở góc trái phần đầu văn bản.')

  // ── Type and trích yếu
  let titleFrom = -1
  if (typeAt >= 0) {
    reading.type = typeOfHeading(head[typeAt].text)
    reading.typeFrom = 'heading'
    titleFrom = typeAt + 1
    // Upper-case lines under the heading name the body or meeting ("CỦA BỘ CHÍNH TRỊ", "HỘI NGHỊ LẦN
    // THỨ NĂM BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII"); the trích yếu is the first line in normal case.
    while (titleFrom < head.length && isUpper(head[titleFrom].text)) {
      const of = head[titleFrom].text.match(/^CỦA\s+(.+)$/u)?.[1]
      if (of) reading.onBehalf = of
      titleFrom++
    }
  } else {
    const vv = head.findIndex((s) => /^V\/v\b/iu.test(s.text))
    if (vv >= 0) titleFrom = vv
  }
  if (titleFrom >= 0 && titleFrom < head.length) {
    const first = head[titleFrom]
    const lines = [first]
    if (first.box) {
      for (let i = titleFrom + 1; i < head.length && lines.length < 6; i++) {
        const s = head[i]
        if (s.startsBlock || isRule(s.text) || s.page !== first.page || !overlapping(s, first)) break
        lines.push(s)
      }
    }
    const title = lines
      .map((s) => s.text)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
    if (!isRule(title) && !BODY_START.test(title) && /\p{L}/u.test(title)) reading.title = upperFirst(title)
  }
  if (!reading.title) notes.push('Không đọc được trích yếu (dòng nội dung tóm tắt dưới tên loại văn bản).')

  if (!reading.type && parsedNumber) {
    const types = partyTypesOfCode(parsedNumber.code)
    if (types.length === 1) {
      reading.type = types[0]
      reading.typeFrom = 'number'
      notes.push(`Không thấy tên loại văn bản; loại «${documentTypeLabel(types[0])}» lấy theo ký hiệu trong số ${reading.number}.`)
    } else if (types.length > 1) {
      notes.push(
        `Không thấy tên loại văn bản, và ký hiệu trong số ${reading.number} dùng chung cho ${types.map((t) => documentTypeLabel(t).toLowerCase()).join(' và ')}: hãy chọn loại văn bản.`,
      )
    }
  } else if (!reading.type) {
    notes.push('Không thấy tên loại văn bản (ví dụ NGHỊ QUYẾT, CHỈ THỊ) dưới phần đầu văn bản.')
  }
  if (reading.type && parsedNumber) {
    const mismatch = typeMismatchMessage(parsedNumber, reading.type)
    if (mismatch) notes.push(mismatch)
  }

  // ── Signature block: the last position line, then the name under it in the same column.
  let positionAt = -1
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]
    if (isUpper(s.text) && (SIGNING_FOR.test(s.text) || POSITION.test(letters(s.text)))) {
      positionAt = i
      // Walk up to the top of the block ("T/M BAN THƯỜNG VỤ" / "K/T BÍ THƯ" / "PHÓ BÍ THƯ"), past the
      // "Nơi nhận" lines that share its rows in the other column.
      for (let j = i - 1; j >= 0 && !segments[positionAt].startsBlock; j--) {
        if (!overlapping(segments[j], s)) continue
        if (!isUpper(segments[j].text)) break
        positionAt = j
      }
      break
    }
  }
  if (positionAt >= 0) {
    const block = segments[positionAt]
    const onBehalf: string[] = []
    let inOnBehalf = false
    for (let i = positionAt; i < segments.length; i++) {
      const s = segments[i]
      if (!overlapping(s, block)) continue
      if (isUpper(s.text)) {
        if (/^(?:T\/M|TM\.)/u.test(s.text)) {
          onBehalf.push(s.text.replace(SIGNING_FOR, ''))
          inOnBehalf = true
        } else if (inOnBehalf && !SIGNING_FOR.test(s.text) && !POSITION.test(letters(s.text))) {
          onBehalf.push(s.text) // a wrapped body name: "T/M BAN CHẤP HÀNH TRUNG" / "ƯƠNG"
        } else {
          inOnBehalf = false
        }
        continue
      }
      if (SIGNED.test(s.text)) continue
      if (PERSON.test(s.text)) {
        reading.signer = s.text
        break
      }
    }
    if (onBehalf.length) reading.onBehalf = onBehalf.join(' ')
  }
  if (!reading.signer) notes.push('Không tìm thấy họ tên người ký ở cuối văn bản.')

  reading.issuerCandidates = issuerCandidates(reading.issuerLines, reading.onBehalf)
  reading.level = levelOfIssuerCode(parsedNumber?.issuer)
  return reading
}

/**
 * Printed names the issuer may be filed under, most specific first. The collective body that signs
 * (T/M BAN THƯỜNG VỤ) is the issuer, named together with the committee in the header (TỈNH ỦY YÊN
 * BÁI → BAN THƯỜNG VỤ TỈNH ỦY YÊN BÁI); a header of two lines names the parent body first and the
 * issuing one second (ĐẢNG BỘ XÃ HÒA PHONG / CHI BỘ THÔN ĐÔNG HÒA, or TỈNH ỦY YÊN BÁI / BAN TUYÊN GIÁO).
 */
export function issuerCandidates(lines: string[], onBehalf?: string): string[] {
  const out: string[] = []
  const add = (s: string | undefined) => {
    const v = s?.replace(/\s+/g, ' ').trim()
    if (v && !out.some((o) => fold(o) === fold(v))) out.push(v)
  }
  const whole = lines.join(' ')
  const last = lines[lines.length - 1]
  const lastFirst = lines.length >= 2 ? `${last} ${lines[lines.length - 2]}` : undefined
  if (onBehalf) {
    const b = fold(onBehalf)
    if (whole && fold(whole).startsWith(b)) add(whole)
    else if (last && fold(last).startsWith(b)) add(last)
    else {
      if (whole) add(`${onBehalf} ${whole}`)
      if (last && lines.length > 1) add(`${onBehalf} ${last}`)
      add(onBehalf)
    }
  }
  add(whole)
  if (lines.length > 1) {
    add(last)
    add(lastFirst)
  }
  return out
}
