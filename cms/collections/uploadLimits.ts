import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })

/**
 * Payload has one global upload limit; images get a tighter one here, with a message an editor
 * understands. The file is refused whole — never truncated.
 */
export const limitUploadSize =
  (maxMb: number, what: string): CollectionBeforeOperationHook<'files' | 'media'> =>
  ({ args, operation, req }) => {
    if ((operation === 'create' || operation === 'update') && req.file && req.file.size > maxMb * 1024 * 1024) {
      throw new APIError(
        `${what} «${req.file.name}» nặng ${mb(req.file.size)} MB, vượt giới hạn ${maxMb} MB. Hãy nén hoặc giảm kích thước rồi tải lên lại.`,
        413,
        undefined,
        true,
      )
    }
    return args
  }
