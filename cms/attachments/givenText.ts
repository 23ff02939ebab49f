import crypto from 'node:crypto'
import type { CollectionBeforeChangeHook, Field, PayloadRequest, RequestContext } from 'payload'

/**
 * Text an importer already read from an original (its text layer, or OCR of a scan), handed to the
 * files collection so the upload hook stores it instead of extracting the same bytes again. Only
 * server code can set a request context, so clients cannot pass text off as a file's content.
 */
export interface GivenText {
  text: string
  extraction: 'ok' | 'empty' | 'ocr'
  note: string
}

const KEY = 'soTayGivenText'

export const withGivenText = (context: RequestContext, given: GivenText): RequestContext => ({ ...context, [KEY]: given })
export const givenText = (req: PayloadRequest): GivenText | undefined => req.context[KEY] as GivenText | undefined

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex')

/**
 * The SHA-256 of an original's bytes, kept so the same file uploaded twice (by the folder import or
 * in the admin) is recognised whatever its name.
 */
export const contentHashField: Field = {
  name: 'contentHash',
  label: 'Mã băm nội dung (SHA-256)',
  type: 'text',
  index: true,
  access: { create: () => false, update: () => false },
  admin: { readOnly: true, position: 'sidebar', description: 'Dùng để nhận ra cùng một tệp được tải lên hai lần.' },
}

export const storeContentHash: CollectionBeforeChangeHook = ({ data, req }) => {
  if (req.file?.data) data.contentHash = sha256(req.file.data)
  return data
}
