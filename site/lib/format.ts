import { TIME_ZONE } from './site'

/** "2021-08-10" → "10/08/2021", the way dates are printed on party documents. */
export const formatDay = (day: string): string => {
  const [y, m, d] = day.split('-')
  return y && m && d ? `${d}/${m}/${y}` : day
}

/** "2024-07" → "tháng 7/2024". */
export const formatMonth = (month: string): string => {
  const [y, m] = month.split('-')
  return `tháng ${Number(m)}/${y}`
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })
export const formatSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} byte`
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`
  return `${number.format(bytes / 1024 / 1024)} MB`
}

const KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/msword': 'Word (DOC)',
}
export const formatFileKind = (mimeType: string): string => KINDS[mimeType] ?? mimeType.split('/').pop()?.toUpperCase() ?? ''

/** The month ("YYYY-MM") of a moment, on the Vietnamese calendar. */
export const monthOf = (date: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' }).format(date).slice(0, 7)
