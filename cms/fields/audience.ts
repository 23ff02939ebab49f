import type { Field } from 'payload'

export const AUDIENCES = [
  { label: 'Công khai (mọi người)', value: 'public' },
  { label: 'Chỉ đảng viên (cần đăng nhập)', value: 'members' },
] as const

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
