import type { Field } from 'payload'
import { readableRelation } from '../hooks/hideUnreadableRelations'

export const relatedDocumentsField: Field = readableRelation({
  name: 'relatedDocuments',
  label: 'Văn bản liên quan',
  type: 'relationship',
  relationTo: 'documents',
  hasMany: true,
})
