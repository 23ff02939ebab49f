/**
 * `npm run import -- --from-folder <dir>`: every PDF/DOCX in a folder becomes a draft document with
 * its header read from the file (scripts/import/folder/, docs/import.md).
 *
 * `npm run import -- <file.jsonl|file.csv> [--files <dir>] [--clear-files] [--notify]`: loads a back
 * catalogue (format: docs/import.md); subscribers are notified only with --notify. A row naming no
 * attachment or cover keeps the record's existing ones unless --clear-files is given. Idempotent: the record id is the slug, so a second run updates. Exit code 0 when
 * every row landed, 2 when some rows were rejected (listed), 1 when the file itself was refused.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ImportFileError } from './import/rows'
import { runFolderImport } from './import/folder/cli'
import { importFile } from './import/write'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'
import { cacheSqliteStatements } from './lib/sqliteStatements'

// Bulk writes: reuse prepared statements (lib/sqliteStatements.ts).
cacheSqliteStatements()

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    files: { type: 'string' },
    'clear-files': { type: 'boolean', default: false },
    notify: { type: 'boolean', default: false },
    'from-folder': { type: 'string' },
    report: { type: 'string' },
    journal: { type: 'string' },
  },
})
if (values['from-folder'] !== undefined && positionals.length === 0) {
  process.exit(await runFolderImport(await payloadClient(), values['from-folder'], { report: values.report, journal: values.journal }))
}
if (positionals.length !== 1) {
  console.error(
    'Cách dùng: npm run import -- <tệp.jsonl|tệp.csv> [--files <thư mục tệp đính kèm>] [--clear-files: gỡ tệp đính kèm/ảnh bìa của bản ghi mà dòng không nêu] [--notify: báo cho người đăng ký nhận thư]',
  )
  console.error('     hoặc: npm run import -- --from-folder <thư mục PDF/DOCX> [--report <bảng kết quả.csv>] [--journal <tệp nhật ký>]')
  process.exit(1)
}

const file = path.resolve(positionals[0])
const payload = await payloadClient()
const bar = progressBar('Đang nhập')
try {
  const report = await importFile(payload, file, {
    filesDir: values.files && path.resolve(values.files),
    clearFiles: values['clear-files'],
    onProgress: bar.update,
    notify: values.notify,
  })
  bar.done()
  console.log(`\nKết quả nhập «${path.basename(file)}»: ${report.rows} dòng dữ liệu`)
  console.log(`  Thêm mới: ${report.created}`)
  console.log(`  Cập nhật: ${report.updated}`)
  console.log(`  Bị từ chối: ${report.rejected.length}`)
  for (const r of report.rejected) console.log(`   - Dòng ${r.line}${r.id ? ` (${r.id})` : ''}: ${r.reason}`)
  process.exit(report.rejected.length ? 2 : 0)
} catch (error) {
  bar.done()
  if (error instanceof ImportFileError) {
    console.error(`Không nhập tệp: ${error.message} Chưa có dữ liệu nào được ghi.`)
    process.exit(1)
  }
  throw error
}
