/**
 * `npm run import:members -- <danh-sach.csv> [--send-activation]`: loads a member list (format:
 * docs/members.md) as member accounts waiting for activation. Idempotent (a second run updates what
 * changed); nobody is mailed unless --send-activation is given. Exit code 0 when every row landed,
 * 2 when some rows were rejected (listed), 1 when the file itself was refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { MemberFileError } from './members/rows'
import { importMembers } from './members/write'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'send-activation': { type: 'boolean', default: false } } })
if (positionals.length !== 1) {
  console.error('Cách dùng: npm run import:members -- <danh-sách.csv> [--send-activation: gửi thư kích hoạt cho đảng viên có thư điện tử]')
  process.exit(1)
}
const file = path.resolve(positionals[0]!)
const payload = await payloadClient()
const bar = progressBar('Đang nhập danh sách đảng viên')
// For the bar only: lines after the heading (a cell with a line break makes it a little high).
const total = fs.existsSync(file)
  ? Math.max(
      0,
      fs
        .readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim()).length - 1,
    )
  : 0
try {
  const report = await importMembers(payload, file, {
    sendActivation: values['send-activation'],
    onProgress: (done) => bar.update(done, Math.max(done, total)),
  })
  bar.done()
  console.log(`\nKết quả nhập «${path.basename(file)}»: ${report.rows} dòng`)
  console.log(`  Thêm mới: ${report.created}`)
  console.log(`  Cập nhật: ${report.updated}`)
  console.log(`  Không đổi: ${report.unchanged}`)
  if (values['send-activation']) console.log(`  Đã gửi thư kích hoạt: ${report.mailed}`)
  console.log(`  Bị từ chối: ${report.rejected.length}`)
  for (const r of report.rejected) console.log(`   - Dòng ${r.line}: ${r.reason}`)
  if (!values['send-activation'] && report.created > 0)
    console.log('Chưa gửi thư nào. In phiếu mã kích hoạt trong trang quản trị, hoặc chạy lại với --send-activation.')
  process.exit(report.rejected.length ? 2 : 0)
} catch (error) {
  bar.done()
  if (error instanceof MemberFileError) {
    console.error(`Không nhập tệp: ${error.message} Chưa có dữ liệu nào được ghi.`)
    process.exit(1)
  }
  throw error
}
