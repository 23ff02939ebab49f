import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { env } from '../../core/env/cms'
import type { File } from '../payload-types'
import { changeUpload } from '../access/changeUpload'
import { createUpload } from '../access/createUpload'
import { readUpload } from '../access/readUpload'
import { EXTRACTABLE_MIME_TYPES, ExtractionError, extractText } from '../attachments/extract-text'
import { contentHashField, givenText, storeContentHash } from '../attachments/givenText'
import { uploadBookkeepingFields } from '../fields/uploadBookkeeping'
import { limitUploadSize } from './uploadLimits'
import { contentSyncHooks } from '../publish/hooks/queueContentSync'

/** The text of an uploaded original is extracted once, on upload, and stored for search. */
const storeExtractedText: CollectionBeforeChangeHook<File> = async ({ data, req }) => {
  const file = req.file
  if (!file?.data) return data
  const given = givenText(req)
  if (given) {
    data.extractedText = given.text
    data.extraction = given.extraction
    data.extractionNote = given.note
    return data
  }
  try {
    data.extractedText = await extractText(file.data, file.mimetype)
    data.extraction = data.extractedText ? 'ok' : 'empty'
    data.extractionNote = data.extractedText ? '' : 'Tệp không có lớp chữ (có thể là bản quét); nội dung không tìm kiếm được.'
  } catch (error) {
    // A damaged or protected original is still worth keeping for download; search just skips it.
    data.extractedText = ''
    data.extraction = 'failed'
    data.extractionNote = error instanceof ExtractionError ? error.message : 'Không trích được nội dung chữ của tệp.'
  }
  return data
}

export const Files: CollectionConfig = {
  slug: 'files',
  labels: { singular: 'Tệp đính kèm', plural: 'Tệp đính kèm' },
  admin: { group: 'Tệp', useAsTitle: 'title', defaultColumns: ['title', 'filename', 'filesize', 'extraction', 'visibility'] },
  access: { read: readUpload, create: createUpload, update: changeUpload, delete: changeUpload },
  upload: {
    staticDir: path.join(env().dataDir, 'files'),
    mimeTypes: [...EXTRACTABLE_MIME_TYPES],
  },
  hooks: {
    beforeOperation: [limitUploadSize(env().UPLOAD_MAX_MB, 'Tệp')],
    beforeChange: [storeExtractedText, storeContentHash],
    ...contentSyncHooks('files'),
  },
  fields: [
    ...uploadBookkeepingFields('Tự xác định theo văn bản đã xuất bản dùng tệp này.'),
    { name: 'title', label: 'Tên hiển thị', type: 'text', required: true },
    {
      name: 'extraction',
      label: 'Trích nội dung',
      type: 'select',
      options: [
        { label: 'Đã trích', value: 'ok' },
        { label: 'Không có chữ', value: 'empty' },
        { label: 'Nhận dạng chữ (OCR)', value: 'ocr' },
        { label: 'Lỗi', value: 'failed' },
      ],
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'extractionNote', label: 'Ghi chú trích nội dung', type: 'text', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'extractedText', label: 'Nội dung chữ (tự trích)', type: 'textarea', admin: { readOnly: true } },
    contentHashField,
  ],
}
