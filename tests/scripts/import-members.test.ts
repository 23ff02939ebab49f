/**
 * The member list import: Vietnamese headings, phones in any spelling, a per-row report with
 * reasons staff can act on, nothing half-written, idempotent, and no mail unless asked.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importMembers } from '../../scripts/members/write'
import { MemberFileError } from '../../scripts/members/rows'
import type { TestSmtpServer } from '../cms/mail/helpers/smtp'
import { startMailWorld } from '../cms/mail/helpers/world'
import { ROOT } from '../helpers/site'

const LIST = path.join(ROOT, 'tests/fixtures/members/chi-bo-dong-hoa.csv')
let payload: Payload
let smtp: TestSmtpServer
let branch: string

beforeAll(async () => {
  ;({ payload, smtp } = await startMailWorld())
  branch = String((await payload.create({ collection: 'organizations', data: { name: 'Chi bộ thôn Đông Hòa Hạ', code: 'CBDH', kind: 'chi-bo' } as never })).id)
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

const members = async () =>
  (await payload.find({ collection: 'members', where: { organization: { equals: branch } }, sort: 'name', depth: 0, pagination: false })).docs

describe('npm run import:members', () => {
  it('creates the valid rows as accounts waiting for activation and explains every rejected one', async () => {
    const report = await importMembers(payload, LIST)
    expect(report).toMatchObject({ rows: 7, created: 3, updated: 0, unchanged: 0, mailed: 0 })
    expect(report.rejected.map((r) => r.line)).toEqual([5, 6, 7, 8])
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.line, r.reason]))
    expect(reasons[5]).toContain('Ngày sinh «31/02/1970» không hợp lệ')
    expect(reasons[6]).toContain('Không có tổ chức đảng mã «KHONGCO»')
    expect(reasons[7]).toContain('Cần số điện thoại hoặc thư điện tử')
    expect(reasons[8]).toContain('«12345» không phải số điện thoại Việt Nam')
    const stored = await members()
    expect(stored.map((m) => [m.name, m.phone, m.email, m.status, m.birthDate?.slice(0, 10)])).toEqual([
      ['Lê Văn Minh', null, 'minh.le@example.vn', 'pending', '1985-11-30'],
      ['Nguyễn Văn Hùng', '0912345001', 'hung.nv@example.vn', 'pending', '1958-05-19'],
      ['Trần Thị Lan', '0912345002', null, 'pending', '1972-02-03'],
    ])
    // Nobody was mailed: the import never writes to members unless asked.
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.received).toHaveLength(0)
  })

  it('is idempotent: a second run changes nothing, an edited row updates its member only', async () => {
    expect(await importMembers(payload, LIST)).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    const edited = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'members-')), 'ds.csv')
    fs.writeFileSync(edited, fs.readFileSync(LIST, 'utf8').replace('Trần Thị Lan,03/02/1972', 'Trần Thị Lan,04/02/1972'))
    expect(await importMembers(payload, edited)).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
    expect((await members()).find((m) => m.name === 'Trần Thị Lan')?.birthDate?.slice(0, 10)).toBe('1972-02-04')
  })

  it('mails activation links only when asked, to pending members with an address', async () => {
    const report = await importMembers(payload, LIST, { sendActivation: true })
    expect(report.mailed).toBe(2)
    for (let i = 0; i < 100 && smtp.received.length < 2; i++) await new Promise((r) => setTimeout(r, 50))
    expect(smtp.received.flatMap((r) => (r.mail.to ? [String((r.mail.to as { text: string }).text)] : [])).sort()).toEqual([
      'hung.nv@example.vn',
      'minh.le@example.vn',
    ])
  })

  it('refuses a file without the required columns, writing nothing', async () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'members-')), 'thieu.csv')
    fs.writeFileSync(bad, 'Họ và tên;Số điện thoại\nNguyễn Văn Mới;0912345099\n')
    const before = (await members()).length
    await expect(importMembers(payload, bad)).rejects.toThrow(MemberFileError)
    await expect(importMembers(payload, bad)).rejects.toThrow(/thiếu cột: Mã chi bộ./)
    expect((await members()).length).toBe(before)
  })
})
