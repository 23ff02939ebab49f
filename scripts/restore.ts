/**
 * `npm run restore -- <archive.tar.gz> [--force]`: restores a backup made by `npm run backup` into
 * an empty installation (`--force` replaces the content of one that is not). The whole archive is
 * extracted to a private folder and checked first — structure, manifest, SHA-256 of every entry,
 * every record parsed — and nothing is written to the installation unless all of it passes.
 * Exit codes: 0 restored, 1 refused or failed (the installation is left as it was).
 */
import { parseArgs } from 'node:util'
import { applyMigrations } from '../cms/lib/migrate'
import { env } from '../core/env/cms'
import { BackupError } from './backup/format'
import { openBackup } from './backup/open'
import { restoreBackup } from './backup/restore'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
if (positionals.length !== 1) {
  console.error('Cách dùng: npm run restore -- <tệp sao lưu.tar.gz> [--force]')
  process.exit(1)
}

const bars = { verify: progressBar('Đang kiểm tra'), records: progressBar('Đang ghi dữ liệu'), files: progressBar('Đang chép tệp') }
let current: keyof typeof bars | undefined
const progress = (phase: string, done: number, total: number) => {
  if (current && current !== phase) bars[current].done()
  current = phase as keyof typeof bars
  bars[current]?.update(done, total)
}

// The staging folder sits in DATA_DIR, on the same file system as the upload folders, so the
// checked files are moved into place rather than copied a second time.
const backup = await openBackup(positionals[0], env().dataDir, progress).catch((error: unknown) => fail(error))
try {
  const payload = await payloadClient()
  await applyMigrations(payload)
  const summary = await restoreBackup(payload, backup, { force: values.force, onProgress: progress })
  if (current) bars[current].done()
  console.log(`\nĐã khôi phục từ bản sao lưu ngày ${new Date(backup.manifest.createdAt).toLocaleString('vi-VN')}:`)
  for (const [slug, n] of Object.entries(summary.perCollection)) console.log(`  ${slug}: ${n} bản ghi`)
  console.log(`  Phiên bản (lịch sử sửa): ${summary.versions}`)
  console.log(`  Tệp đính kèm và ảnh: ${summary.files}`)
  console.log('\nViệc cần làm tiếp:')
  console.log('  - Dựng lại chỉ mục tìm kiếm: npm run reindex')
  console.log('  - Dựng lại kho dữ liệu của trang thư viện: npm run sync:site')
  console.log('  - Người dùng đăng nhập lại bằng mật khẩu cũ của mình (phiên đăng nhập không được sao lưu).')
  backup.close()
  process.exit(0)
} catch (error) {
  backup.close()
  fail(error)
}

function fail(error: unknown): never {
  if (current) bars[current].done()
  if (error instanceof BackupError) console.error(`Không khôi phục: ${error.message} Chưa có dữ liệu nào được ghi.`)
  else console.error('Khôi phục thất bại, dữ liệu đã được hoàn lại như trước:', error instanceof Error ? error.stack : error)
  process.exit(1)
}
