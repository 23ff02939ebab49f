import type { CollectionConfig } from 'payload'
import type { News as NewsItem } from '../payload-types'
import { audienceFields } from '../fields/audience'
import { dayOnlyField } from '../fields/dayOnly'
import { readableRelation } from '../hooks/hideUnreadableRelations'
import { organizationField } from '../fields/organization'
import { relatedDocumentsField } from '../fields/relatedDocuments'
import { slugField } from '../fields/slug'
import { editorialCollection } from './editorial'
import { NEWS_CATEGORIES } from '../../core/vocabulary'

export const News: CollectionConfig = editorialCollection(
  {
    slug: 'news',
    labels: { singular: 'Tin tức', plural: 'Tin tức' },
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'category', 'publishedAt', '_status'], group: 'Nội dung' },
    defaultSort: '-publishedAt',
    fields: [
      { name: 'title', label: 'Tiêu đề', type: 'text', required: true, maxLength: 300 },
      { name: 'category', label: 'Chuyên mục', type: 'select', required: true, index: true, options: [...NEWS_CATEGORIES] },
      readableRelation({ name: 'cover', label: 'Ảnh đại diện', type: 'upload', relationTo: 'media' }),
      { name: 'lead', label: 'Sa-pô (tóm tắt đầu bài)', type: 'textarea', required: true, maxLength: 1000 },
      { name: 'body', label: 'Nội dung', type: 'richText', required: true },
      relatedDocumentsField,
      dayOnlyField('publishedAt', 'Ngày đăng', { required: true, defaultValue: () => new Date().toISOString(), admin: { position: 'sidebar' } }),
      { name: 'source', label: 'Nguồn tin', type: 'text', admin: { position: 'sidebar' } },
      organizationField('organization', 'Đơn vị đăng tin', false),
      ...audienceFields('public'),
      slugField<NewsItem>((d) => (typeof d.title === 'string' ? d.title.slice(0, 80) : undefined)),
    ],
  },
  { ownerField: 'organization' },
)
