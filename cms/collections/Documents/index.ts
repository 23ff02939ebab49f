import type { CollectionConfig, Field } from 'payload'
import type { Document } from '../../payload-types'
import { isDocumentTypeSlug } from '../../../core/vocabulary'
import { parseDocumentNumber, typeMismatchMessage, validateDocumentNumber } from '../../../core/documentNumbers'
import { audienceFields } from '../../fields/audience'
import { readableRelation } from '../../hooks/hideUnreadableRelations'
import { dayOnlyField } from '../../fields/dayOnly'
import { slugField } from '../../fields/slug'
import { editorialCollection } from '../editorial'
import { refuseUnconfirmedPublication, withFromFile } from './fromFile'
import { normalizeNumber } from './hooks/normalizeNumber'
import { refuseDuplicate } from './hooks/refuseDuplicate'
import { refuseSecretPublication } from './hooks/refuseSecretPublication'
import { documentTypeOptions, LEVELS, RELATIONS, SECRECY, VALIDITY } from '../../../core/vocabulary'

const documentSlug = (data: Partial<Document>): string | undefined => {
  const parsed = typeof data.number === 'string' ? parseDocumentNumber(data.number) : null
  const year = typeof data.issuedAt === 'string' ? data.issuedAt.slice(0, 4) : ''
  if (!parsed || !data.type) return undefined
  // Same shape as the import ids: <type>-<number>-<issuer code>-<year>, e.g. nghi-quyet-21-tw-2022.
  return [data.type, parsed.seq, parsed.year ?? '', parsed.issuer ?? '', year].filter(Boolean).join('-')
}

const relationFields: Field[] = RELATIONS.flatMap((r): Field[] => [
  readableRelation({ name: r.name, label: r.label, type: 'relationship', relationTo: 'documents', hasMany: true }),
  {
    name: r.reverse,
    label: r.reverseLabel,
    type: 'join',
    collection: 'documents',
    on: r.name,
    admin: { allowCreate: false },
  },
])

export const Documents: CollectionConfig = editorialCollection(
  {
    slug: 'documents',
    labels: { singular: 'Văn bản', plural: 'Văn bản' },
    admin: {
      useAsTitle: 'title',
      defaultColumns: ['number', 'title', 'type', 'issuedAt', 'status', '_status'],
      listSearchableFields: ['number', 'title', 'numberKey'],
      group: 'Nội dung',
      description: 'Nghị quyết, chỉ thị, quy định, kết luận… kèm tóm tắt và bản gốc.',
    },
    defaultSort: '-issuedAt',
    indexes: [{ fields: ['numberKey', 'issuer', 'issuedAt'], unique: true }],
    fields: withFromFile([
      {
        type: 'row',
        fields: [
          { name: 'type', label: 'Loại văn bản', type: 'select', required: true, index: true, options: documentTypeOptions },
          {
            name: 'number',
            label: 'Số, ký hiệu',
            type: 'text',
            required: true,
            admin: { placeholder: '21-NQ/TW', description: 'Ghi đúng như trên văn bản, ví dụ 21-NQ/TW, 08-QĐi/TW, 11-ĐA/TU.' },
            validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
              const check = validateDocumentNumber(String(value ?? ''))
              if (check !== true) return check
              const parsed = parseDocumentNumber(String(value))
              const type = siblingData?.type
              if (parsed && typeof type === 'string' && isDocumentTypeSlug(type)) {
                const mismatch = typeMismatchMessage(parsed, type)
                if (mismatch) return mismatch
              }
              return true
            },
          },
        ],
      },
      { name: 'title', label: 'Trích yếu', type: 'textarea', required: true, maxLength: 1000 },
      {
        type: 'row',
        fields: [
          { name: 'issuer', label: 'Cơ quan ban hành', type: 'relationship', relationTo: 'organizations', required: true, index: true },
          { name: 'level', label: 'Cấp ban hành', type: 'select', required: true, index: true, options: [...LEVELS] },
        ],
      },
      {
        type: 'row',
        fields: [
          dayOnlyField('issuedAt', 'Ngày ban hành', { required: true }),
          { name: 'term', label: 'Khóa (nhiệm kỳ)', type: 'text', admin: { placeholder: 'XIII' } },
          { name: 'signer', label: 'Người ký', type: 'text' },
        ],
      },
      { name: 'summary', label: 'Tóm tắt của Ban Biên tập', type: 'richText', required: true },
      { name: 'fullText', label: 'Toàn văn', type: 'richText' },
      readableRelation({
        name: 'attachments',
        label: 'Tệp đính kèm (PDF, DOCX)',
        type: 'relationship',
        relationTo: 'files',
        hasMany: true,
        admin: { description: 'Nội dung chữ của tệp được trích tự động để tìm kiếm.' },
      }),
      { name: 'subjects', label: 'Lĩnh vực', type: 'relationship', relationTo: 'subjects', hasMany: true, index: true },
      { name: 'status', label: 'Tình trạng hiệu lực', type: 'select', required: true, defaultValue: 'in-force', index: true, options: [...VALIDITY] },
      {
        type: 'collapsible',
        label: 'Quan hệ với văn bản khác',
        admin: { initCollapsed: false },
        fields: relationFields,
      },
      ...audienceFields('public'),
      {
        name: 'secrecy',
        label: 'Độ mật',
        type: 'select',
        required: true,
        defaultValue: 'none',
        options: [...SECRECY],
        admin: {
          position: 'sidebar',
          description: 'Văn bản Mật, Tối mật, Tuyệt mật không bao giờ được xuất bản lên mạng.',
        },
      },
      slugField(documentSlug),
      { name: 'numberKey', type: 'text', index: true, admin: { hidden: true } },
      { name: 'numberShortKey', type: 'text', index: true, admin: { hidden: true } },
    ]),
    hooks: {
      beforeChange: [normalizeNumber, refuseDuplicate, refuseSecretPublication, refuseUnconfirmedPublication],
    },
  },
  { ownerField: 'issuer' },
)
