/**
 * `npm run backup [-- --out <file.tar.gz>]`: writes one archive of the whole installation — every
 * collection's records and version history, every media and attachment file, and a manifest with
 * counts and SHA-256 checksums (format: scripts/backup/format.ts, docs/operations.md "Backups").
 * Default file: BACKUP_DIR/so-tay-<date-time>.tar.gz. Exit codes: 0 done, 2 done but some files a
 * record names were missing on disk (listed), 1 refused or failed (no archive left behind).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { env } from '../core/env/cms'
import { ROOT_DIR } from '../core/env/shared'
import { createBackup } from './backup/create'
import { BackupError } from './backup/format'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'

const { values } = parseArgs({ options: { out: { type: 'string' } } })
const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19)
const file = path.resolve(values.out ?? path.join(path.resolve(ROOT_DIR, env().BACKUP_DIR), `so-tay-${stamp}.tar.gz`))

const payload = await payloadClient()
const bars = { records: progressBar('Đang xuất dữ liệu'), files: progressBar('Đang đọc tệp') }
let current: keyof typeof bars | undefined
try {
  const { manifest, bytes } = await createBackup(payload, file, (phase, done, total) => {
    const bar = bars[phase as keyof typeof bars]
    if (current && current !== phase) bars[current].done()
    current = phase as keyof typeof bars
    bar?.update(done, total)
  })
  if (current) bars[current].done()
  console.log(`\nĐã sao lưu vào «${file}» (${(bytes / 1024 / 1024).toFixed(1)} MB):`)
  for (const c of manifest.collections) {
    console.log(`  ${c.slug}: ${c.records.count} bản ghi${c.versions ? `, ${c.versions.count} phiên bản` : ''}`)
  }
  console.log(`  Tệp đính kèm và ảnh: ${manifest.uploads.length}`)
  if (manifest.missingUploads.length) {
    console.log(`  Thiếu trên đĩa (không có trong bản sao lưu): ${manifest.missingUploads.length}`)
    for (const m of manifest.missingUploads.slice(0, 50)) console.log(`   - ${m.collection}/${m.filename}`)
  }
  process.exit(manifest.missingUploads.length ? 2 : 0)
} catch (error) {
  if (current) bars[current].done()
  console.error(`Không sao lưu được: ${error instanceof BackupError ? error.message : error instanceof Error ? error.stack : String(error)}`)
  process.exit(1)
}
