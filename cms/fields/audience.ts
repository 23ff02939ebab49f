import type { Field } from 'payload'
import { AUDIENCES } from '../../core/vocabulary'

export const audienceField = (defaultValue: 'public' | 'members' = 'public'): Field => ({
  name: 'audience',
  label: 'Đối tượng đọc',
  type: 'select',
  required: true,
  defaultValue,
  index: true,
  options: [...AUDIENCES],
  admin: { position: 'sidebar' },
})
