/**
 * `npm run import -- --from-folder <dir>` as an operator runs it: the real command in its own process
 * (tsx, the PDF reader in a worker thread) against a real SQLite database, on a machine without
 * Tesseract. The first run is killed (SIGKILL, like a power cut) part-way; running the same command
 * again finishes the folder, with every file imported exactly once (also those the kill left out of
 * the journal), the progress bar, the warning about OCR, the printed report and the CSV report.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partyDocumentPdf } from '../../bench/import-folder/partyPdf'
import type { Document } from '../../cms/payload-types'
import { SCAN_FILE } from '../fixtures/folder-import/scan'
import * as specs from '../fixtures/folder-import/specs'
import { startPayload } from '../helpers/payload'

const ROOT = path.resolve(__dirname, '../..')
const PRINTED = 60
const ORIGINALS = PRINTED + 2 // and a scan, and a broken PDF

let payload: Payload
let folder: string
let noOcrPath: string
const report = () => path.join(folder, '..', `${path.basename(folder)}-ket-qua.csv`)
const journal = () => path.join(folder, '..', `${path.basename(folder)}-nhat-ky.jsonl`)

beforeAll(async () => {
  payload = await startPayload()
  for (const o of specs.ORGANIZATIONS) await payload.create({ collection: 'organizations', data: { ...o } })
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-cli-folder-'))
  // A PATH with no tesseract and no pdftoppm: what a province office's server has before set-up.
  // Node itself stays reachable (Payload starts `node` for its type generation in development).
  noOcrPath = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-no-ocr-bin-'))
  fs.symlinkSync(process.execPath, path.join(noOcrPath, 'node'))
  for (let i = 1; i <= PRINTED; i++) {
    const dir = path.join(folder, i % 2 ? 'chi-thi' : 'nghi-quyet')
    fs.mkdirSync(dir, { recursive: true })
    const spec = { ...specs.CT35, number: `${100 + i}-CT/TW`, title: `${specs.CT35.title} (đợt ${i})` }
    fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.pdf`), await partyDocumentPdf(spec))
  }
  fs.writeFileSync(path.join(folder, 'ban-quet.pdf'), fs.readFileSync(SCAN_FILE))
  fs.writeFileSync(path.join(folder, 'hong.pdf'), fs.readFileSync(path.join(ROOT, 'tests/fixtures/attachments/broken.pdf')))
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  for (const p of [folder, noOcrPath, report(), journal()]) if (p) fs.rmSync(p, { recursive: true, force: true })
})

function command(
  onStderr?: (text: string, child: ChildProcess) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const args = ['scripts/import.ts', '--from-folder', folder, '--report', report(), '--journal', journal()]
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], {
      cwd: ROOT,
      // The same database and data folder as this test's Payload (startPayload set them).
      env: { ...process.env, NODE_ENV: 'development', PATH: noOcrPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d) => (stdout += d))
    child.stderr!.on('data', (d) => {
      stderr += d
      onStderr?.(stderr, child)
    })
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

const progressLines = (stderr: string) => [...stderr.matchAll(/^Đang nhập: (\d+)\/(\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])])

/** The CSV report: one row per file (the cells hold no commas or quotes we need to parse here beyond RFC 4180). */
function csvRows(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += c
  }
  const [header, ...body] = rows
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])))
}

describe('npm run import -- --from-folder, killed and run again', () => {
  let killedAt = 0

  it('is killed part-way through the first run', { timeout: 180_000 }, async () => {
    const first = await command((stderr, child) => {
      // Killed as soon as the progress bar shows the first written files: no chance to tidy up.
      const lines = progressLines(stderr)
      if (lines.length && !killedAt) {
        killedAt = lines.at(-1)![0]!
        child.kill('SIGKILL')
      }
    })
    expect(first.signal, first.stdout + first.stderr).toBe('SIGKILL')
    expect(first.stderr).toContain('Lưu ý: Máy này chưa có chương trình nhận dạng chữ Tesseract nên không đọc được chữ của bản quét.')
    expect(first.stderr).toContain('sudo apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils')
    expect(first.stdout).not.toContain('Kết quả nhập thư mục')
    const stored = (await payload.count({ collection: 'documents' })).totalDocs
    // Some files landed, not all: the run really was cut short.
    expect(stored).toBeGreaterThanOrEqual(killedAt)
    expect(stored).toBeLessThan(PRINTED + 1)
    // The journal is written just after each batch commits. A kill between the two leaves drafts the
    // journal does not list; that moment is too short to hit with a signal, so it is made here by
    // dropping the journal's last lines.
    const lines = fs.readFileSync(journal(), 'utf8').split('\n').filter(Boolean)
    expect(lines.length).toBe(stored)
    fs.writeFileSync(
      journal(),
      lines
        .slice(0, Math.floor(lines.length / 2))
        .map((l) => `${l}\n`)
        .join(''),
    )
  })

  it('runs again to the end: every file once, the progress bar, the report and the CSV', { timeout: 180_000 }, async () => {
    const second = await command()
    // 2: one file failed (the broken PDF), everything else landed.
    expect(second.code, second.stdout + second.stderr).toBe(2)
    const lines = progressLines(second.stderr)
    expect(lines.at(-1)).toEqual([ORIGINALS, ORIGINALS])
    expect(lines.map(([done]) => done)).toEqual([...lines.map(([done]) => done)].sort((a, b) => a! - b!))

    // Each original is one draft, whatever the kill interrupted (a batch committed but not journalled).
    const { docs } = await payload.find({ collection: 'documents', pagination: false, depth: 0, draft: true })
    const sources = (docs as Document[]).map((d) => d.fromFile?.source).sort()
    expect(sources).toHaveLength(PRINTED + 1)
    expect(new Set(sources).size).toBe(PRINTED + 1)
    expect(sources).toContain('ban-quet.pdf')
    expect((docs as Document[]).every((d) => d._status === 'draft')).toBe(true)
    // Files on disk are exactly the stored originals: nothing left over from the killed batch.
    const stored = (await payload.find({ collection: 'files', pagination: false, depth: 0, select: { filename: true } })).docs.map((f) => f.filename).sort()
    expect(stored).toHaveLength(PRINTED + 1)
    expect(fs.readdirSync(path.join(process.env.DATA_DIR!, 'files')).sort()).toEqual(stored)

    // The printed report: totals, what the earlier run did, the OCR status, the failed file's reason.
    expect(second.stdout).toContain(`Kết quả nhập thư mục «${folder}»: ${ORIGINALS} tệp PDF/Word`)
    expect(second.stdout).toContain(`Đã tạo bản nháp: ${PRINTED}`)
    expect(second.stdout).toContain('Đã tạo bản nháp, cần bổ sung: 1')
    expect(second.stdout).toContain('Bỏ qua vì trùng: 0')
    expect(second.stdout).toContain('Không nhập được: 1')
    const resumed = Number(second.stdout.match(/trong đó (\d+) tệp đã xử lý ở lần chạy trước/)?.[1])
    expect(resumed).toBeGreaterThanOrEqual(killedAt)
    expect(second.stdout).toContain('Nhận dạng chữ bản quét (OCR): không có. Máy này chưa có chương trình nhận dạng chữ Tesseract')
    expect(second.stdout).toMatch(/- hong\.pdf: Không đọc được tệp PDF: tệp bị hỏng hoặc không phải là tệp PDF hợp lệ\./)

    // The CSV: one row per original, with its outcome and why.
    const rows = csvRows(report())
    expect(rows.map((r) => r.tep).sort()).toEqual([...sources, 'hong.pdf'].sort())
    const byFile = Object.fromEntries(rows.map((r) => [r.tep, r]))
    expect(byFile['hong.pdf']).toMatchObject({ ket_qua: 'Không nhập được', ma_van_ban: '' })
    expect(byFile['ban-quet.pdf']!.ket_qua).toBe('Đã tạo bản nháp, cần bổ sung')
    expect(byFile['ban-quet.pdf']!.lay_chu_tu).toBe('none')
    expect(byFile['ban-quet.pdf']!.ly_do_ghi_chu).toMatch(/^Tệp là bản quét \(không có lớp chữ\)\. Máy này chưa có chương trình nhận dạng chữ Tesseract/)
    expect(byFile['ban-quet.pdf']!.chua_doc_duoc).toContain('Số, ký hiệu')
    const printed = rows.filter((r) => r.tep.startsWith('chi-thi/') || r.tep.startsWith('nghi-quyet/'))
    expect(printed).toHaveLength(PRINTED)
    expect(printed.every((r) => r.ket_qua === 'Đã tạo bản nháp' && r.ma_van_ban !== '' && r.chua_doc_duoc === '')).toBe(true)
    expect(printed.filter((r) => r.lan_chay_truoc === 'có').length).toBe(resumed - (byFile['ban-quet.pdf']!.lan_chay_truoc === 'có' ? 1 : 0))
    // Each row points at the draft made from that very file.
    const idBySource = new Map((docs as Document[]).map((d) => [d.fromFile?.source, String(d.id)]))
    for (const r of rows.filter((r) => r.ma_van_ban)) expect(r.ma_van_ban, r.tep).toBe(idBySource.get(r.tep))
  })

  it('a third run writes nothing and reports every file as handled before', { timeout: 180_000 }, async () => {
    const documents = (await payload.count({ collection: 'documents' })).totalDocs
    const third = await command()
    expect(third.code).toBe(2)
    expect(third.stdout).toContain(`trong đó ${PRINTED + 1} tệp đã xử lý ở lần chạy trước`)
    expect((await payload.count({ collection: 'documents' })).totalDocs).toBe(documents)
  })
})
