/**
 * OCR runs at most one Tesseract per core in a process, however many scans are being read at once
 * (the folder import reads ahead), and every page of every file is still read, in order. A stand-in
 * `tesseract` on the PATH records how many of it run at the same time; pdftoppm is the real one.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { imagePdf } from '../../bench/import-folder/scan'
import { ocrPdf } from '../../cms/originals/ocr'

const hasPdftoppm = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()
if (!hasPdftoppm) console.log('SKIPPED: OCR slots (no pdftoppm: bash scripts/ensure-ocr.sh)')

let bin: string
let record: string
const savedPath = process.env.PATH

beforeAll(() => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-fake-tesseract-'))
  record = path.join(bin, 'record')
  fs.mkdirSync(record)
  // Each run marks itself running, notes how many are running, works a while, and answers one word
  // naming the image it was given.
  fs.writeFileSync(
    path.join(bin, 'tesseract'),
    `#!/usr/bin/env bash
case "$1" in --version) echo "tesseract 5 (stand-in)"; exit 0;; --list-langs) printf 'List of available languages (1):\\nvie\\n'; exit 0;; esac
touch "${record}/running.$$"
ls "${record}" | grep -c '^running\\.' >> "${record}/seen"
sleep 0.3
rm "${record}/running.$$"
printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n5\\t1\\t1\\t1\\t1\\t1\\t10\\t10\\t50\\t20\\t90\\t%s\\n' "$(basename "$1" .pgm)"
`,
    { mode: 0o755 },
  )
  process.env.PATH = `${bin}${path.delimiter}${savedPath}`
})

afterAll(() => {
  process.env.PATH = savedPath
  fs.rmSync(bin, { recursive: true, force: true })
})

describe.skipIf(!hasPdftoppm)('OCR of several scans at once', () => {
  it('never runs more Tesseracts than cores (at most four), and reads every page of every file in order', async () => {
    const page = await sharp({ create: { width: 300, height: 420, channels: 3, background: '#f4f4f4' } })
      .jpeg()
      .toBuffer()
    const scans = await Promise.all([3, 2, 4].map((pages) => imagePdf(Array.from({ length: pages }, () => page))))
    const results = await Promise.all(scans.map((bytes, i) => ocrPdf(bytes, { pages: [3, 2, 4][i]! })))

    expect(results.map((r) => r.pages)).toEqual([3, 2, 4])
    // Each page's word is the name of the image Tesseract was given: pages come back in order.
    expect(results.map((r) => r.text.split('\n\n'))).toEqual([
      ['page-1', 'page-2', 'page-3'],
      ['page-1', 'page-2'],
      ['page-1', 'page-2', 'page-3', 'page-4'],
    ])
    const seen = fs.readFileSync(path.join(record, 'seen'), 'utf8').trim().split('\n').map(Number)
    expect(seen).toHaveLength(9)
    const slots = Math.max(1, Math.min(os.availableParallelism(), 4))
    expect(Math.max(...seen)).toBeLessThanOrEqual(slots)
    // And it does use the cores it has: nine pages were not read one at a time.
    if (slots > 1) expect(Math.max(...seen)).toBeGreaterThan(1)
  })
})
