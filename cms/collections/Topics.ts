import type { CollectionConfig, FieldHook } from 'payload'
import type { Topic } from '../payload-types'
import { audienceFields } from '../fields/audience'
import { organizationField } from '../fields/organization'
import { relatedDocumentsField } from '../fields/relatedDocuments'
import { editorialCollection } from './editorial'

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** A topic's slug is its month, set once. */
const monthSlug: FieldHook<Topic, string | null | undefined> = ({ value, data, originalDoc }) => value || originalDoc?.slug || data?.month || originalDoc?.month

/** Chuyên đề hàng tháng: one themed study topic a month, with multiple-choice questions. */
export const Topics: CollectionConfig = editorialCollection(
  {
    slug: 'topics',
    labels: { singular: 'Chuyên đề tháng', plural: 'Chuyên đề hàng tháng' },
    admin: { useAsTitle: 'title', defaultColumns: ['month', 'title', 'theme', '_status'], group: 'Nội dung' },
    defaultSort: '-month',
    fields: [
      {
        name: 'month',
        label: 'Tháng (YYYY-MM)',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        admin: { placeholder: '2024-07' },
        validate: (value: unknown) => (typeof value === 'string' && MONTH.test(value) ? true : 'Tháng phải có dạng năm-tháng, ví dụ 2024-07.'),
      },
      { name: 'title', label: 'Tên chuyên đề', type: 'text', required: true },
      { name: 'theme', label: 'Chủ đề', type: 'text', required: true },
      { name: 'body', label: 'Nội dung', type: 'richText', required: true },
      relatedDocumentsField,
      {
        name: 'questions',
        label: 'Câu hỏi trắc nghiệm',
        labels: { singular: 'Câu hỏi', plural: 'Câu hỏi' },
        type: 'array',
        fields: [
          { name: 'question', label: 'Câu hỏi', type: 'textarea', required: true },
          {
            name: 'choices',
            label: 'Các phương án',
            labels: { singular: 'Phương án', plural: 'Phương án' },
            type: 'array',
            minRows: 2,
            maxRows: 6,
            required: true,
            fields: [{ name: 'text', label: 'Phương án', type: 'text', required: true }],
          },
          {
            name: 'answer',
            label: 'Đáp án đúng (số thứ tự phương án, bắt đầu từ 1)',
            type: 'number',
            required: true,
            min: 1,
            validate: (value: unknown, { siblingData }: { siblingData: { choices?: unknown[] } }) => {
              const count = siblingData?.choices?.length ?? 0
              return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= count
                ? true
                : `Đáp án phải là số thứ tự của một phương án, từ 1 đến ${count}.`
            },
          },
          { name: 'explanation', label: 'Giải thích', type: 'textarea' },
        ],
      },
      organizationField('organization', 'Đơn vị biên soạn', false),
      ...audienceFields('public'),
      {
        name: 'slug',
        type: 'text',
        unique: true,
        index: true,
        admin: { hidden: true },
        hooks: { beforeValidate: [monthSlug] },
      },
    ],
  },
  { ownerField: 'organization' },
)
