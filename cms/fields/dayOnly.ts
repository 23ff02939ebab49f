import type { DateField, FieldHook } from 'payload'
import type { EditorialDoc } from '../lib/records'

/**
 * Dates of documents are calendar days in Vietnam. Stored as noon UTC of that day so the same day
 * shows in every time zone from UTC−11 to UTC+11 and equality ("same issue date") is a plain compare.
 */
// Built once: constructing an Intl formatter costs about a millisecond, and every document save
// normalizes its dates several times (field hook, duplicate check).
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })

export function normalizeDay(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined
  const date = new Date(String(value))
  if (Number.isNaN(date.getTime())) return undefined
  const day = VIETNAM_DAY.format(date)
  return `${day}T12:00:00.000Z`
}

/** Stores the day as normalizeDay does; anything that is no date passes unchanged. */
const storeDay: FieldHook<EditorialDoc, string | null | undefined> = ({ value }) => normalizeDay(value) ?? value

export const dayOnlyField = (name: string, label: string, extra: Partial<DateField> = {}): DateField =>
  ({
    name,
    label,
    type: 'date',
    index: true,
    ...extra,
    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' }, ...extra.admin },
    hooks: { beforeChange: [storeDay] },
  }) as DateField
