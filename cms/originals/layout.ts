/**
 * Text of an original as the header reader needs it: short "segments" (one column of one printed
 * line) in reading order, with where they sit on the page when the source says so.
 *
 * The header of a party document is two columns side by side (issuing body and number on the left,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" and the date on the right) and the signature block sits beside "Nơi nhận".
 * A PDF's text layer lists its pieces in whatever order the producing program wrote them, and OCR
 * reads across columns, so neither gives usable lines as is. Both are rebuilt here the same way from
 * positioned words: words on one baseline form a row, a wide horizontal gap splits a row into
 * columns, and a tall vertical gap above a segment starts a new block (the trích yếu ends where the
 * body starts).
 */

export interface Box {
  x0: number
  x1: number
  /** y grows downwards from the top of the page, in the source's unit (PDF points, image pixels). */
  top: number
  bottom: number
}

export interface Segment {
  text: string
  /** 1-based. */
  page: number
  /** Absent for sources without geometry (DOCX paragraphs). */
  box?: Box
  /** First line after a vertical gap in its column, or a new paragraph. */
  startsBlock: boolean
}

/** A positioned piece of text: a PDF text item or an OCR word. */
export interface Word extends Box {
  text: string
  page: number
  /** OCR only: the engine's own line, which is more reliable than comparing baselines of glyph boxes. */
  line?: string
}

const clean = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\u200B]+/g, ' ')
    .trim()
const height = (b: Box) => Math.max(1, b.bottom - b.top)

/** Rows of one page: words sharing a baseline (PDF) or an OCR line, left to right. */
function rowsOf(words: Word[]): Word[][] {
  const rows: Word[][] = []
  if (words.some((w) => w.line !== undefined)) {
    const byLine = new Map<string, Word[]>()
    for (const w of words) byLine.set(w.line ?? '', [...(byLine.get(w.line ?? '') ?? []), w])
    rows.push(...byLine.values())
  } else {
    // Sorted by baseline, a word either shares the last row's baseline or starts a new row.
    const sorted = [...words].sort((a, b) => a.bottom - b.bottom || a.x0 - b.x0)
    for (const w of sorted) {
      const row = rows[rows.length - 1]
      if (row && Math.abs(row[0].bottom - w.bottom) < 0.4 * Math.min(height(row[0]), height(w))) row.push(w)
      else rows.push([w])
    }
  }
  for (const row of rows) row.sort((a, b) => a.x0 - b.x0)
  return rows.sort((a, b) => Math.min(...a.map((w) => w.top)) - Math.min(...b.map((w) => w.top)))
}

/** Splits a row where the gap is a column gutter, not a space between words. */
function splitRow(row: Word[], page: number): Segment[] {
  const out: Segment[] = []
  let current: Word[] = []
  const flush = () => {
    if (!current.length) return
    let text = ''
    current.forEach((w, i) => {
      const gap = i ? w.x0 - current[i - 1].x1 : 0
      // A gap of a fraction of the text height is a space (or nothing, inside a word split into items).
      text += i && gap > 0.12 * height(w) && !text.endsWith(' ') && !w.text.startsWith(' ') ? ` ${w.text}` : w.text
    })
    text = clean(text)
    if (text) {
      out.push({
        text,
        page,
        box: {
          x0: Math.min(...current.map((w) => w.x0)),
          x1: Math.max(...current.map((w) => w.x1)),
          top: Math.min(...current.map((w) => w.top)),
          bottom: Math.max(...current.map((w) => w.bottom)),
        },
        startsBlock: false,
      })
    }
    current = []
  }
  for (const w of row) {
    const prev = current[current.length - 1]
    if (prev && w.x0 - prev.x1 > 1.5 * Math.max(height(prev), height(w))) flush()
    current.push(w)
  }
  flush()
  return out
}

const overlaps = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0

/** Segments in reading order (pages, then rows top to bottom, then left to right), with block starts. */
export function segmentsFromWords(words: Word[]): Segment[] {
  const pages = [...new Set(words.map((w) => w.page))].sort((a, b) => a - b)
  const out: Segment[] = []
  for (const page of pages) {
    const segments = rowsOf(words.filter((w) => w.page === page && w.text.trim() !== '')).flatMap((row) => splitRow(row, page))
    segments.forEach((s, i) => {
      // The nearest segment above in the same column: a gap taller than a line means a new block.
      let above: Segment | undefined
      // Looking back a few rows is enough: the segment above in the same column is never far.
      for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
        const c = segments[j]
        if (c.box!.bottom <= s.box!.top + 0.3 * height(s.box!) && overlaps(c.box!, s.box!)) {
          above = c
          break
        }
      }
      s.startsBlock = !above || s.box!.top - above.box!.bottom > 1.0 * height(s.box!)
    })
    out.push(...segments)
  }
  return out
}

/** Paragraph text (DOCX through mammoth): every paragraph is one segment and starts a block. */
export function segmentsFromParagraphs(text: string): Segment[] {
  return text
    .split(/\n\s*\n/)
    .map(clean)
    .filter(Boolean)
    .map((t) => ({ text: t, page: 1, startsBlock: true }))
}
