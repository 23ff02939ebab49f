import { DOCUMENT_TYPES } from '../../../search/vietnamese'

export const documentTypeOptions = DOCUMENT_TYPES.map((t) => ({ label: t.label, value: t.slug }))

export const LEVELS = [
  { label: 'Trung ương', value: 'trung-uong' },
  { label: 'Tỉnh', value: 'tinh' },
  { label: 'Huyện (trước 7/2025)', value: 'huyen' },
  { label: 'Cơ sở', value: 'co-so' },
]

export const VALIDITY = [
  { label: 'Còn hiệu lực', value: 'in-force' },
  { label: 'Hết hiệu lực', value: 'expired' },
  { label: 'Bị thay thế', value: 'superseded' },
]

/** Luật Bảo vệ bí mật nhà nước 29/2018/QH14: only "none" may ever go online. */
export const SECRECY = [
  { label: 'Không mật', value: 'none' },
  { label: 'Mật', value: 'mat' },
  { label: 'Tối mật', value: 'toi-mat' },
  { label: 'Tuyệt mật', value: 'tuyet-mat' },
]

/** Relations an editor sets on the newer document; the older one shows the reverse. */
export const RELATIONS = [
  { name: 'replaces', label: 'Thay thế văn bản', reverse: 'replacedBy', reverseLabel: 'Được thay thế bởi' },
  { name: 'guides', label: 'Hướng dẫn thực hiện văn bản', reverse: 'guidedBy', reverseLabel: 'Văn bản hướng dẫn' },
  { name: 'implements', label: 'Triển khai thực hiện văn bản', reverse: 'implementedBy', reverseLabel: 'Văn bản triển khai' },
  { name: 'amends', label: 'Sửa đổi, bổ sung văn bản', reverse: 'amendedBy', reverseLabel: 'Được sửa đổi, bổ sung bởi' },
] as const
