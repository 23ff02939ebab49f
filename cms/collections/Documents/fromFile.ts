import type { CollectionBeforeChangeHook, Field } from 'payload'
import { isEditorial } from '../../access/roles'
import { fieldError } from '../../lib/fieldError'
import { isDraftSave } from '../../hooks/draftFlag'

/**
 * Fields the folder import (docs/import.md) reads from an original's header, plus the editorial
 * summary, which no file holds. The labels shown in the admin are the fields' own.
 */
export const FROM_FILE_FIELDS = ['type', 'number', 'issuer', 'level', 'issuedAt', 'title', 'signer', 'secrecy', 'audience', 'summary'] as const
export type FromFileField = (typeof FROM_FILE_FIELDS)[number]

export const TEXT_SOURCES = [
  { label: 'Lớp chữ có sẵn trong tệp', value: 'text-layer' },
  { label: 'Nhận dạng chữ (OCR) từ bản quét — có thể sai, đối chiếu bản gốc', value: 'ocr' },
  { label: 'Không đọc được chữ', value: 'none' },
] as const

function labelsOf(fields: Field[], out: Record<string, string> = {}): Record<string, string> {
  for (const f of fields) {
    if ((f.type === 'row' || f.type === 'collapsible') && 'fields' in f) labelsOf(f.fields, out)
    else if ('name' in f && typeof (f as { label?: unknown }).label === 'string') out[f.name] = (f as { label: string }).label
  }
  return out
}

/**
 * A sidebar group on documents created from an original: which fields were read from the file (to
 * confirm) and which could not be (to fill in), how its text was obtained, and what the reader noted.
 * Shown only on such documents. Publishing waits for an editor to tick "Đã đối chiếu với bản gốc".
 */
export function withFromFile(fields: Field[]): Field[] {
  const labels = labelsOf(fields)
  const options = FROM_FILE_FIELDS.map((name) => ({ label: labels[name] ?? name, value: name }))
  const readOnly = { readOnly: true }
  return [
    ...fields,
    {
      name: 'fromFile',
      label: 'Đọc từ tệp gốc',
      type: 'group',
      // Working notes of the editorial board (the office's folder names, what the reader missed):
      // not part of what readers of a published document get over the API.
      access: { read: ({ req }) => isEditorial(req.user) },
      admin: {
        position: 'sidebar',
        condition: (data) => Boolean(data?.fromFile?.source),
        description: 'Văn bản được tạo từ tệp gốc khi nhập thư mục. Hãy đối chiếu từng trường với bản gốc đính kèm.',
      },
      fields: [
        { name: 'source', label: 'Tệp gốc', type: 'text', admin: readOnly },
        { name: 'textFrom', label: 'Nội dung chữ lấy từ', type: 'select', options: [...TEXT_SOURCES], admin: readOnly },
        { name: 'read', label: 'Đọc từ tệp — cần xác nhận', type: 'select', hasMany: true, options, admin: readOnly },
        { name: 'missing', label: 'Chưa đọc được — cần nhập', type: 'select', hasMany: true, options, admin: readOnly },
        { name: 'printedIssuer', label: 'Cơ quan ban hành in trên văn bản', type: 'text', admin: readOnly },
        { name: 'notes', label: 'Ghi chú khi đọc tệp', type: 'textarea', admin: readOnly },
        {
          name: 'confirmed',
          label: 'Đã đối chiếu với bản gốc',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Đánh dấu khi mọi trường ở trên đã được kiểm tra; cần có trước khi xuất bản.' },
        },
      ],
    },
  ]
}

export const UNCONFIRMED_MESSAGE = (source: string) =>
  `Văn bản được tạo từ tệp gốc «${source}» nên chưa được xuất bản: hãy đối chiếu các trường đọc từ tệp với bản gốc, ` +
  'bổ sung trường còn thiếu, rồi đánh dấu «Đã đối chiếu với bản gốc» trước khi xuất bản.'

/** What a machine read from a scan or a PDF goes online only after a person has checked it. */
export const refuseUnconfirmedPublication: CollectionBeforeChangeHook = ({ data, originalDoc, req, collection }) => {
  const fromFile = { ...(originalDoc?.fromFile ?? {}), ...(data.fromFile ?? {}) } as { source?: string; confirmed?: boolean }
  if (!fromFile.source || fromFile.confirmed) return data
  const publishing = !isDraftSave(req, data) && (data._status ?? originalDoc?._status) === 'published'
  if (publishing) throw fieldError(req, collection.slug, 'fromFile.confirmed', UNCONFIRMED_MESSAGE(fromFile.source))
  return data
}
