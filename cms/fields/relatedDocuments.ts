import type { Field } from 'payload'

export const relatedDocumentsField: Field = {
  name: 'relatedDocuments',
  label: 'Văn bản liên quan',
  type: 'relationship',
  relationTo: 'documents',
  hasMany: true,
}
