/**
 * Reading a member list (CSV, as a chi bộ keeps it in a spreadsheet) into validated rows. Knows
 * nothing about Payload: each row is either a member's fields, NFC-normalised, or a rejection with
 * its line and a Vietnamese reason the organization's staff can act on. Format: docs/members.md.
 */
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import * as z from 'zod'
import { looksLikeEmail, normalizePhone } from '../../core/phone'
import { fold } from '../../core/vietnamese'

export interface MemberRow {
  name: string
  birthDate: string | null
  partyCardNumber: string | null
  organization: string
  phone: string | null
  email: string | null
}

export type MemberRowResult = { line: number; ok: true; row: MemberRow } | { line: number; ok: false; reason: string }

/** Each column under its English name and the Vietnamese headings a spreadsheet is likely to use. */
const HEADINGS: Record<keyof MemberRow, string[]> = {
  name: ['name', 'ho ten', 'ho va ten'],
  birthDate: ['birthdate', 'ngay sinh'],
  partyCardNumber: ['partycardnumber', 'so the', 'so the dang vien', 'so the dang'],
  organization: ['organization', 'chi bo', 'ma chi bo', 'to chuc', 'ma to chuc'],
  phone: ['phone', 'dien thoai', 'so dien thoai', 'sdt'],
  email: ['email', 'thu dien tu', 'e-mail'],
}

/** The column names a refusal shows. */
const COLUMN_NAMES: Record<keyof MemberRow, string> = {
  name: 'Họ và tên',
  birthDate: 'Ngày sinh',
  partyCardNumber: 'Số thẻ đảng viên',
  organization: 'Mã chi bộ',
  phone: 'Số điện thoại hoặc Thư điện tử',
  email: 'Thư điện tử',
}

export class MemberFileError extends Error {}

const column = (heading: string): keyof MemberRow | null => {
  const key = fold(heading.normalize('NFC')).replace(/\s+/g, ' ').trim()
  for (const [name, options] of Object.entries(HEADINGS)) if (options.includes(key)) return name as keyof MemberRow
  return null
}

/** dd/mm/yyyy (as typed in Vietnam) or yyyy-mm-dd, a real day in the past. */
function birthDate(value: string): string | null | Error {
  if (!value) return null
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const [y, m, d] = vn ? [vn[3], vn[2], vn[1]] : iso ? [iso[1], iso[2], iso[3]] : []
  const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null
  if (!date || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1 || date > new Date() || Number(y) < 1900) {
    return new Error(`Ngày sinh «${value}» không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 19/05/1960.`)
  }
  return date.toISOString().slice(0, 10)
}

const text = z.string().transform((v) => v.normalize('NFC').trim())

const RowSchema = z
  .object({
    name: text.pipe(z.string().min(2, 'Thiếu họ và tên.').max(120, 'Họ và tên dài quá 120 ký tự.')),
    birthDate: text,
    partyCardNumber: text.pipe(z.string().max(20, 'Số thẻ đảng viên dài quá 20 ký tự.')),
    organization: text.pipe(z.string().min(1, 'Thiếu mã chi bộ (mã tổ chức đảng).')),
    phone: text,
    email: text.pipe(z.union([z.literal(''), z.email('Thư điện tử không hợp lệ.')])),
  })
  .transform((r, ctx): MemberRow => {
    const born = birthDate(r.birthDate)
    if (born instanceof Error) ctx.addIssue({ code: 'custom', message: born.message })
    const phone = r.phone ? normalizePhone(r.phone) : null
    if (r.phone && !phone) ctx.addIssue({ code: 'custom', message: `«${r.phone}» không phải số điện thoại Việt Nam (ví dụ 0912 345 678).` })
    if (!r.phone && !r.email) ctx.addIssue({ code: 'custom', message: 'Cần số điện thoại hoặc thư điện tử để đảng viên đăng nhập.' })
    return {
      name: r.name,
      birthDate: born instanceof Error ? null : born,
      partyCardNumber: r.partyCardNumber || null,
      organization: r.organization,
      phone,
      email: r.email ? r.email.toLowerCase() : null,
    }
  })

/** The rows of a member list, in order; a file whose heading lacks a required column is refused whole. */
export async function* readMemberRows(filePath: string): AsyncGenerator<MemberRowResult> {
  const parser = createReadStream(filePath).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, delimiter: [',', ';', '\t'], info: true }),
  )
  let columns: Array<keyof MemberRow | null> | null = null
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!columns) {
      columns = record.map(column)
      const missing = (['name', 'organization'] as const).filter((c) => !columns!.includes(c))
      if (!columns.includes('phone') && !columns.includes('email')) missing.push('phone' as never)
      if (missing.length > 0) {
        throw new MemberFileError(
          `Dòng tiêu đề thiếu cột: ${missing.map((c) => COLUMN_NAMES[c]).join(', ')}. Cần: Họ và tên, Mã chi bộ, và Số điện thoại hoặc Thư điện tử (có thể thêm Ngày sinh, Số thẻ đảng viên).`,
        )
      }
      continue
    }
    const raw: Record<string, string> = { name: '', birthDate: '', partyCardNumber: '', organization: '', phone: '', email: '' }
    record.forEach((cell, i) => {
      const name = columns![i]
      if (name) raw[name] = cell ?? ''
    })
    const parsed = RowSchema.safeParse(raw)
    if (parsed.success) yield { line: info.lines, ok: true, row: parsed.data }
    else yield { line: info.lines, ok: false, reason: parsed.error.issues.map((i) => i.message).join(' ') }
  }
  if (!columns) throw new MemberFileError('Tệp trống: không có dòng tiêu đề.')
}

export { looksLikeEmail }
