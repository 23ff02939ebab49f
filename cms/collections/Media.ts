import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { env } from '../../core/env/cms'
import { changeUpload } from '../access/changeUpload'
import { createUpload } from '../access/createUpload'
import { readUpload } from '../access/readUpload'
import { uploadBookkeepingFields } from '../fields/uploadBookkeeping'
import { limitUploadSize } from './uploadLimits'
import { contentSyncHooks } from '../publish/hooks/queueContentSync'

/** Images (news covers…), resized by sharp; stored outside any public folder and served through access control. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Ảnh', plural: 'Thư viện ảnh' },
  admin: { group: 'Tệp', useAsTitle: 'alt' },
  access: { read: readUpload, create: createUpload, update: changeUpload, delete: changeUpload },
  upload: {
    staticDir: path.join(env().dataDir, 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
    adminThumbnail: 'thumb',
    focalPoint: true,
    imageSizes: [
      { name: 'thumb', width: 320, withoutEnlargement: true },
      { name: 'card', width: 640, withoutEnlargement: true },
      { name: 'wide', width: 1280, withoutEnlargement: true },
      { name: 'og', width: 1200, height: 630, position: 'centre', withoutEnlargement: false },
    ],
    formatOptions: { format: 'webp', options: { quality: 80 } },
  },
  hooks: { beforeOperation: [limitUploadSize(env().IMAGE_MAX_MB, 'Ảnh')], ...contentSyncHooks('media') },
  fields: [
    ...uploadBookkeepingFields('Tự xác định theo nội dung đã xuất bản dùng ảnh này.'),
    { name: 'alt', label: 'Mô tả ảnh (cho người khiếm thị)', type: 'text', required: true },
    { name: 'caption', label: 'Chú thích', type: 'text' },
  ],
}
