/**
 * The command-line side of `npm run import -- --from-folder <dir> [--report <file.csv>] [--journal <file>]`.
 * Exit code: 0 when every file landed or was a known duplicate, 2 when some failed (listed),
 * 1 when the folder itself was refused, 130 when stopped with Ctrl-C (run again to continue).
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { progressBar } from '../../lib/progress'
import { FolderError, importFolder } from './folder'
import { fieldLabels } from '../../../cms/originals/importOriginal'
import { ocrStatus } from '../../../cms/originals/ocr'
import { printReport, writeCsvReport } from './report'

export async function runFolderImport(payload: Payload, folder: string, options: { report?: string; journal?: string }): Promise<number> {
  const ocr = await ocrStatus()
  if (!ocr.available) console.error(`Lưu ý: ${ocr.reason} Các bản quét vẫn được nhập thành bản nháp nhưng không có nội dung chữ.`)
  const stop = new AbortController()
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130)
    console.error('\nĐang dừng sau tệp hiện tại… (bấm Ctrl-C lần nữa để dừng ngay; tệp đang ghi dở sẽ không được lưu)')
    stop.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const bar = progressBar('Đang nhập')
  try {
    const report = await importFolder(payload, folder, {
      journal: options.journal && path.resolve(options.journal),
      onProgress: bar.update,
      signal: stop.signal,
    })
    bar.done()
    const labels = fieldLabels(payload)
    printReport(report, labels)
    if (options.report) {
      writeCsvReport(report, labels, path.resolve(options.report))
      console.log(`Bảng kết quả từng tệp: ${path.resolve(options.report)}`)
    }
    if (report.stopped) return 130
    return report.results.some((r) => r.outcome === 'failed') ? 2 : 0
  } catch (error) {
    bar.done()
    if (error instanceof FolderError) {
      console.error(`Không nhập thư mục: ${error.message} Chưa có dữ liệu nào được ghi.`)
      return 1
    }
    throw error
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
