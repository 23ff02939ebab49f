/**
 * Prints a party document as a PDF in the layout of Hướng dẫn 36-HD/VPTW: issuing body, "*" and
 * "Số …" in the left column, "ĐẢNG CỘNG SẢN VIỆT NAM" and "<place>, ngày … tháng … năm …" in the right
 * one, the type and trích yếu centred under them, a short rule, the body, then "Nơi nhận" on the left
 * and the signature block on the right. Used by the folder-import tests and the benchmark
 * (bench/import-folder/), so both read PDFs shaped like the ones a province office scans and prints.
 *
 * Text is set in DejaVu Serif (Debian's fonts-dejavu-core; installed by scripts/ensure-ocr.sh) because
 * the PDF base fonts have no Vietnamese glyphs; pdfkit embeds a subset with a ToUnicode map, as
 * Word's "Save as PDF" does, so the text layer reads back exactly.
 */
import fs from 'node:fs'
import PDFDocument from 'pdfkit'

export const FONT_DIR = process.env.DEJAVU_DIR ?? '/usr/share/fonts/truetype/dejavu'
const REGULAR = `${FONT_DIR}/DejaVuSerif.ttf`
const BOLD = `${FONT_DIR}/DejaVuSerif-Bold.ttf`

export interface PartyDocumentSpec {
  /** Upper line of the issuing body, e.g. "ĐẢNG BỘ TỈNH YÊN BÁI"; omitted for central bodies. */
  parentBody?: string
  /** The issuing body as printed, e.g. "BAN CHẤP HÀNH TRUNG ƯƠNG", "TỈNH ỦY YÊN BÁI". */
  body: string
  /** Number and symbol, printed as "Số <number>". */
  number?: string
  /** Secrecy marking printed under the number ("MẬT", "TỐI MẬT", "TUYỆT MẬT"). */
  secrecy?: string
  place?: string
  /** [year, month, day]; omitted → no date line (a document to be completed by hand). */
  date?: [number, number, number]
  /** Type heading, e.g. "NGHỊ QUYẾT"; omitted for công văn. */
  type?: string
  /** Line under the heading naming the collective body, e.g. "CỦA BỘ CHÍNH TRỊ". */
  of?: string
  /** Trích yếu, printed in bold under the heading (wrapped when long). */
  title: string
  paragraphs: string[]
  signature?: { onBehalf?: string; deputy?: string; position: string; name: string }
  recipients?: string[]
}

export function fontsAvailable(): boolean {
  return fs.existsSync(REGULAR) && fs.existsSync(BOLD)
}

const mm = (v: number) => (v * 72) / 25.4

/** The PDF bytes. Deterministic for the same spec (fixed creation date and ID). */
export function partyDocumentPdf(spec: PartyDocumentSpec): Promise<Buffer> {
  if (!fontsAvailable()) throw new Error(`DejaVu Serif not found in ${FONT_DIR}: run 'bash scripts/ensure-ocr.sh' (installs fonts-dejavu-core)`)
  // 36-HD margins: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm.
  const margins = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }
  const doc = new PDFDocument({
    size: 'A4',
    margins,
    info: { Title: spec.title, CreationDate: new Date('2024-01-01T00:00:00Z'), Producer: 'so-tay fixtures' },
    // The file ID is derived from the info dictionary, so a fixed creation date keeps the bytes (and
    // the file hash) the same for the same spec.
    pdfVersion: '1.7',
    autoFirstPage: true,
  })
  doc.registerFont('regular', REGULAR)
  doc.registerFont('bold', BOLD)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))

  const left = margins.left
  const width = doc.page.width - margins.left - margins.right
  const leftCol = { x: left - mm(10), w: width * 0.45 + mm(10) }
  const rightCol = { x: left + width * 0.42, w: width * 0.58 }
  let y = margins.top

  // Header, left column.
  let ly = y
  // Long names wrap inside their column, as they do on paper ("BAN CHẤP HÀNH TRUNG" / "ƯƠNG").
  const leftLine = (text: string, font: string, size: number) => {
    doc.font(font).fontSize(size).text(text, leftCol.x, ly, { width: leftCol.w, align: 'center' })
    ly += doc.heightOfString(text, { width: leftCol.w }) + size * 0.15
  }
  if (spec.parentBody) leftLine(spec.parentBody, 'regular', 13)
  leftLine(spec.body, 'bold', 13)
  leftLine('*', 'regular', 13)
  if (spec.number) leftLine(`Số ${spec.number}`, 'regular', 13)
  if (spec.secrecy) {
    ly += 4
    leftLine(spec.secrecy, 'bold', 13)
  }

  // Header, right column.
  let ry = y
  doc.font('bold').fontSize(14).text('ĐẢNG CỘNG SẢN VIỆT NAM', rightCol.x, ry, { width: rightCol.w, align: 'center', lineBreak: false })
  ry += 14 * 1.6
  const ruleWidth = mm(60)
  doc
    .moveTo(rightCol.x + (rightCol.w - ruleWidth) / 2, ry)
    .lineTo(rightCol.x + (rightCol.w + ruleWidth) / 2, ry)
    .lineWidth(0.6)
    .stroke()
  ry += 14 * 0.9
  if (spec.date) {
    const [year, month, day] = spec.date
    const dd = String(day).padStart(2, '0')
    // 36-HD writes days 1–9 and months 1–2 with a leading zero ("ngày 05 tháng 01").
    const mmText = month <= 2 ? String(month).padStart(2, '0') : String(month)
    doc
      .font('regular')
      .fontSize(13)
      .text(`${spec.place ?? 'Hà Nội'}, ngày ${dd} tháng ${mmText} năm ${year}`, rightCol.x, ry, {
        width: rightCol.w,
        align: 'center',
        lineBreak: false,
      })
    ry += 13 * 1.35
  }

  y = Math.max(ly, ry) + 22
  const centred = (text: string, font: string, size: number, gap = 0.25) => {
    doc.font(font).fontSize(size).text(text, left, y, { width, align: 'center' })
    y += doc.heightOfString(text, { width }) + size * gap
  }
  if (spec.type) centred(spec.type, 'bold', 15, 0.15)
  if (spec.of) centred(spec.of, 'bold', 14, 0.15)
  centred(spec.title, 'bold', 14, 0.7)
  doc
    .moveTo(left + width / 2 - mm(12), y)
    .lineTo(left + width / 2 + mm(12), y)
    .lineWidth(0.6)
    .stroke()
  y += 20

  doc.font('regular').fontSize(14)
  doc.text('', left, y)
  for (const paragraph of spec.paragraphs) {
    doc
      .font('regular')
      .fontSize(14)
      .text(paragraph, { width, align: 'justify', indent: mm(10), lineGap: 2, paragraphGap: 6 })
  }

  if (spec.signature || spec.recipients) {
    // The signature block needs about 55 mm; start it on a new page rather than split it.
    if (doc.y + mm(55) > doc.page.height - margins.bottom) doc.addPage()
    const top = doc.y + 16
    let sy = top
    const sig = spec.signature
    if (sig) {
      const sigLine = (text: string, font: string, size: number, extra = 0) => {
        doc.font(font).fontSize(size).text(text, rightCol.x, sy, { width: rightCol.w, align: 'center' })
        sy += doc.heightOfString(text, { width: rightCol.w }) + size * 0.15 + extra
      }
      if (sig.onBehalf) sigLine(sig.onBehalf, 'bold', 13)
      if (sig.deputy) sigLine(sig.deputy, 'bold', 13)
      sigLine(sig.position, 'bold', 13, mm(22))
      sigLine(sig.name, 'bold', 14)
    }
    let ny = top
    if (spec.recipients?.length) {
      doc.font('regular').fontSize(12).text('Nơi nhận:', left, ny, { lineBreak: false, underline: true })
      ny += 12 * 1.3
      for (const r of spec.recipients) {
        doc
          .font('regular')
          .fontSize(11)
          .text(r, left, ny, { width: width * 0.4 })
        ny += doc.heightOfString(r, { width: width * 0.4 }) + 1
      }
    }
    doc.y = Math.max(sy, ny)
  }
  doc.end()
  return done
}
