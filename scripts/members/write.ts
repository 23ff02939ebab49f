import type { Payload } from 'payload'
import type { Member } from '../../cms/payload-types'
import { sendActivationMail } from '../../cms/collections/Members/sendActivation'
import { readMemberRows, type MemberRow } from './rows'

export interface MemberImportReport {
  rows: number
  created: number
  updated: number
  unchanged: number
  mailed: number
  rejected: Array<{ line: number; reason: string }>
}

/**
 * Writes a member list through the Local API (the collection's hooks and validation apply), one
 * member per row: a row that fails leaves nothing half-written and the others land. Idempotent: a
 * member is found again by party card number, else phone, else e-mail, and only changed fields are
 * written; passwords and account status are never touched. Mail goes out only with `sendActivation`
 * (to new or still-pending members with an e-mail address).
 */
export async function importMembers(
  payload: Payload,
  file: string,
  options: { sendActivation?: boolean; onProgress?: (done: number) => void } = {},
): Promise<MemberImportReport> {
  const report: MemberImportReport = { rows: 0, created: 0, updated: 0, unchanged: 0, mailed: 0, rejected: [] }
  const organizations = new Map<string, string>()
  for (const org of (await payload.find({ collection: 'organizations', pagination: false, depth: 0, select: { code: true } })).docs) {
    if (org.code) organizations.set(org.code.normalize('NFC').toUpperCase(), String(org.id))
  }
  for await (const result of readMemberRows(file)) {
    report.rows++
    options.onProgress?.(report.rows)
    if (!result.ok) {
      report.rejected.push({ line: result.line, reason: result.reason })
      continue
    }
    const row = result.row
    const organization = organizations.get(row.organization.toUpperCase())
    if (!organization) {
      report.rejected.push({
        line: result.line,
        reason: `Không có tổ chức đảng mã «${row.organization}». Xem mã ở mục Danh mục › Tổ chức trong trang quản trị.`,
      })
      continue
    }
    try {
      const existing = await findExisting(payload, row)
      const data = { name: row.name, birthDate: row.birthDate, partyCardNumber: row.partyCardNumber, organization, phone: row.phone, email: row.email }
      let member: Member
      if (!existing) {
        member = await payload.create({ collection: 'members', data: { ...data, status: 'pending' } as never, depth: 1 })
        report.created++
      } else {
        const changed = Object.entries(data).filter(([key, value]) => String(storedValue(existing, key) ?? '') !== String(value ?? ''))
        if (changed.length === 0) {
          report.unchanged++
          member = existing
        } else {
          member = await payload.update({ collection: 'members', id: existing.id, data: Object.fromEntries(changed) as never, depth: 1 })
          report.updated++
        }
      }
      if (options.sendActivation && member.status === 'pending' && (await sendActivationMail(payload, member))) report.mailed++
    } catch (error) {
      report.rejected.push({ line: result.line, reason: reasonOf(error) })
    }
  }
  return report
}

const storedValue = (member: Member, key: string): unknown => {
  const value = (member as unknown as Record<string, unknown>)[key]
  if (key === 'organization') return typeof value === 'object' && value ? (value as { id: string }).id : value
  if (key === 'birthDate') return typeof value === 'string' ? value.slice(0, 10) : value
  return value
}

async function findExisting(payload: Payload, row: MemberRow): Promise<Member | null> {
  const keys = [
    row.partyCardNumber && { partyCardNumber: { equals: row.partyCardNumber } },
    row.phone && { phone: { equals: row.phone } },
    row.email && { email: { equals: row.email } },
  ].filter(Boolean)
  for (const where of keys) {
    const { docs } = await payload.find({ collection: 'members', where: where as never, limit: 1, depth: 0 })
    if (docs[0]) return docs[0]
  }
  return null
}

/** Payload's validation errors name the field; the rest carry their message. */
function reasonOf(error: unknown): string {
  const data = (error as { data?: { errors?: Array<{ message?: string; path?: string }> } }).data
  const fields = data?.errors
    ?.map((e) => (e.path === 'phone' || e.path === 'username' ? `Số điện thoại: ${e.message}` : e.path === 'email' ? `Thư điện tử: ${e.message}` : e.message))
    .filter(Boolean)
  if (fields?.length) return fields.join(' ')
  return error instanceof Error ? error.message : String(error)
}
