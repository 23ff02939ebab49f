/**
 * Scanned pages as a province office's scanner gives them: a page printed in the 36-HD layout
 * (partyPdf.ts), rasterised at 200 dpi, grey, a little skewed, with paper noise, blur and JPEG
 * artefacts, in an image-only PDF (no text layer). Used by the OCR benchmark (run.ts) and to make the
 * committed scanned-page fixture of the tests (tests/fixtures/folder-import/scan.ts). Needs pdftoppm
 * from poppler-utils and DejaVu fonts (bash scripts/ensure-ocr.sh).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { type PartyDocumentSpec, partyDocumentPdf } from './partyPdf'

const DPI = 200
const A4 = { w: 595.28, h: 841.89 }

/** One printed page as a scanner returns it: a grey, skewed, noisy JPEG. */
export async function scanImage(spec: PartyDocumentSpec): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-scan-'))
  try {
    fs.writeFileSync(path.join(dir, 'printed.pdf'), await partyDocumentPdf(spec))
    execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', '-f', '1', '-l', '1', path.join(dir, 'printed.pdf'), path.join(dir, 'page')])
    const page = fs.readdirSync(dir).find((f) => f.startsWith('page'))!
    const image = sharp(path.join(dir, page))
    const { width, height } = await image.metadata()
    // Paper grain: a grey noise layer multiplied in, so the background is not a clean white.
    const grain = await sharp({
      create: { width: width!, height: height!, channels: 3, background: '#ffffff', noise: { type: 'gaussian', mean: 235, sigma: 18 } },
    })
      .greyscale()
      .png()
      .toBuffer()
    return await image
      .composite([{ input: grain, blend: 'multiply' }])
      .rotate(0.6, { background: '#f4f4f4' })
      .blur(0.7)
      .greyscale()
      .jpeg({ quality: 55 })
      .toBuffer()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** An image-only PDF, one A4 page per image (what a scanner without OCR writes). */
export function imagePdf(images: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { Title: 'Bản quét', CreationDate: new Date('2024-01-01T00:00:00Z') } })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))))
  for (const image of images) {
    doc.addPage({ size: 'A4', margin: 0 })
    doc.image(image, 0, 0, { width: A4.w, height: A4.h })
  }
  doc.end()
  return done
}

export async function makeScan(spec: PartyDocumentSpec): Promise<Buffer> {
  return imagePdf([await scanImage(spec)])
}
