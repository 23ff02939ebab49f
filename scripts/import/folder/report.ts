/**
 * The folder import's report for people: totals, then one line per file grouped by outcome, in
 * Vietnamese; and the same rows as a CSV an office can open in Excel (--report).
 */
import fs from 'node:fs'
import { OUTCOME_LABELS, type Outcome } from '../../../cms/originals/importOriginal'
import type { FolderReport, FolderResult } from './folder'

const ORDER: Outcome[] = ['failed', 'needs-review', 'duplicate', 'created']

function line(r: FolderResult, labels: Record<string, string>): string {
  const where = r.documentId ? ` → bản nháp ${r.documentId}` : ''
  const earlier = r.resumed ? ' (đã xử lý ở lần chạy trước)' : ''
  const parts: string[] = []
  if (r.reason) parts.push(r.reason)
  if (r.outcome === 'needs-review' || (r.outcome === 'created' && r.missing.length)) {
    if (r.missing.length) parts.push(`chưa đọc được: ${r.missing.map((f) => labels[f] ?? f).join(', ')}`)
  }
  if (r.outcome === 'needs-review' || r.outcome === 'created') parts.push(...r.notes)
  return `   - ${r.file}${where}${earlier}${parts.length ? `: ${parts.join(' ')}` : ''}`
}

export function printReport(report: FolderReport, labels: Record<string, string>, out: (s: string) => void = console.log): void {
  const count = (o: Outcome) => report.results.filter((r) => r.outcome === o).length
  out(`\nKết quả nhập thư mục «${report.folder}»: ${report.originals} tệp PDF/Word`)
  for (const o of ['created', 'needs-review', 'duplicate', 'failed'] as Outcome[]) out(`  ${OUTCOME_LABELS[o]}: ${count(o)}`)
  const resumed = report.results.filter((r) => r.resumed).length
  if (resumed) out(`  (trong đó ${resumed} tệp đã xử lý ở lần chạy trước, theo nhật ký ${report.journal})`)
  if (report.ignored.length) out(`  Tệp khác không nhập: ${report.ignored.length}`)
  const ocrPages = report.results.reduce((a, r) => a + (r.resumed ? 0 : (r.ocrPages ?? 0)), 0)
  out(
    report.ocr.available
      ? `  Nhận dạng chữ bản quét (OCR): có (${report.ocr.version}); ${ocrPages} trang đã nhận dạng`
      : `  Nhận dạng chữ bản quét (OCR): không có. ${report.ocr.reason}`,
  )
  out(`  Thời gian: ${(report.ms / 1000).toFixed(1)} giây`)
  if (report.stopped)
    out(`\nĐÃ DỪNG giữa chừng theo yêu cầu: ${report.results.length}/${report.originals} tệp đã xử lý. Chạy lại đúng lệnh này để tiếp tục từ chỗ dừng.`)
  for (const o of ORDER) {
    const rows = report.results.filter((r) => r.outcome === o)
    if (!rows.length) continue
    out(`\n${OUTCOME_LABELS[o]} (${rows.length}):`)
    for (const r of rows) out(line(r, labels))
  }
  if (report.ignored.length) {
    out(`\nTệp khác không nhập (${report.ignored.length}):`)
    for (const i of report.ignored) out(`   - ${i.file}: ${i.reason}`)
  }
  out(
    '\nMọi văn bản nhập từ thư mục đều là bản nháp: hãy mở từng bản nháp, đối chiếu với bản gốc đính kèm, bổ sung trường còn thiếu (luôn cần «Tóm tắt»), đánh dấu «Đã đối chiếu với bản gốc» rồi mới xuất bản.',
  )
}

const csvCell = (v: unknown) => {
  const s = v === undefined || v === null ? '' : String(v)
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One row per file, UTF-8 with a BOM so Excel shows the Vietnamese correctly. */
export function writeCsvReport(report: FolderReport, labels: Record<string, string>, file: string): void {
  const header = ['tep', 'ket_qua', 'ma_van_ban', 'trung_voi', 'chua_doc_duoc', 'lay_chu_tu', 'ly_do_ghi_chu', 'lan_chay_truoc']
  const rows = report.results.map((r) => [
    r.file,
    OUTCOME_LABELS[r.outcome],
    r.documentId ?? '',
    r.existing?.id ?? '',
    r.missing.map((f) => labels[f] ?? f).join(' | '),
    r.textFrom ?? '',
    [r.reason, ...r.notes].filter(Boolean).join(' '),
    r.resumed ? 'có' : '',
  ])
  for (const i of report.ignored) rows.push([i.file, 'Không nhập', '', '', '', '', i.reason, ''])
  fs.writeFileSync(file, `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`)
}
