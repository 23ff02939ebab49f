import path from 'node:path'
import type { Endpoint } from 'payload'
import { env } from '../../core/env/cms'
import { isStaff } from '../access/roles'
import { type FileResult, fieldLabels, OriginalImporter, OUTCOME_LABELS } from '../originals/importOriginal'
import { ocrStatus } from '../originals/ocr'
import { SUPPORTED_EXTENSIONS } from '../originals/read'

/** Files one request may carry: a scan takes seconds to OCR, and the editor waits for the answer. */
export const MAX_ORIGINALS_PER_REQUEST = 20

const refuse = (status: number, message: string) =>
  Response.json(
    { errors: [{ message }] },
    { status, headers: { 'cache-control': 'no-store', ...(status === 413 || status === 411 ? { connection: 'close' } : {}) } },
  )

/**
 * POST /api/import-originals (multipart, field "files", several PDF/DOCX): the admin's "upload several
 * originals at once". Each file goes through the same reading and checks as the folder import
 * (cms/originals/importOriginal.ts) as the signed-in editor, so the admin's rules apply to
 * them; each becomes a draft, or is reported as a duplicate or with the reason it failed.
 */
export const importOriginals: Endpoint = {
  path: '/import-originals',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'Hãy đăng nhập để nhập bản gốc.')
    if (!isStaff(req.user)) return refuse(403, 'Chỉ Biên tập viên, Tổng biên tập và Quản trị viên được nhập bản gốc hàng loạt.')
    if (!(req.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
      return refuse(415, 'Hãy gửi các tệp dưới dạng biểu mẫu tải tệp (multipart/form-data), trường «files».')
    }
    // The body is read whole before anything is parsed, so it is bounded up front: never cut off.
    const perFile = env().UPLOAD_MAX_MB
    const maxBytes = perFile * 1024 * 1024 * 5
    const length = Number(req.headers.get('content-length') ?? NaN)
    if (!Number.isFinite(length)) return refuse(411, 'Yêu cầu phải cho biết dung lượng (Content-Length).')
    if (length > maxBytes) {
      return refuse(
        413,
        `Tổng dung lượng các tệp vượt ${perFile * 5} MB cho một lần tải lên. Hãy chia thành nhiều lần, hoặc dùng lệnh nhập thư mục cho cả kho.`,
      )
    }
    let form: FormData
    try {
      form = await req.formData!()
    } catch {
      return refuse(400, 'Không đọc được các tệp gửi lên (biểu mẫu bị hỏng hoặc bị ngắt giữa chừng).')
    }
    const files = form.getAll('files').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f)
    if (!files.length) return refuse(400, 'Chưa chọn tệp nào: hãy chọn một hoặc nhiều tệp PDF hoặc Word (.docx).')
    if (files.length > MAX_ORIGINALS_PER_REQUEST) {
      return refuse(
        400,
        `Mỗi lần chỉ nhận tối đa ${MAX_ORIGINALS_PER_REQUEST} tệp (đã chọn ${files.length}). Hãy chia thành nhiều lần, hoặc dùng lệnh nhập thư mục cho cả kho.`,
      )
    }

    const importer = new OriginalImporter(req.payload, { user: req.user })
    const labels = fieldLabels(req.payload)
    const results: (FileResult & { label: string; missingLabels: string[] })[] = []
    for (const f of files) {
      const name = path.basename(f.name.normalize('NFC').replace(/\\/g, '/'))
      let result: FileResult
      if (!SUPPORTED_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext))) {
        result = { file: name, outcome: 'failed', missing: [], notes: [], reason: 'Chỉ nhập được tệp PDF (.pdf) và Word (.docx).' }
      } else {
        result = await importer.importOne(name, Buffer.from(await f.arrayBuffer()))
      }
      results.push({ ...result, label: OUTCOME_LABELS[result.outcome], missingLabels: result.missing.map((m) => labels[m] ?? m) })
    }
    const ocr = await ocrStatus()
    return Response.json({ results, ocr: { available: ocr.available, reason: ocr.reason } }, { headers: { 'cache-control': 'no-store' } })
  },
}
