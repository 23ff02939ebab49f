import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAccountEmail } from '../../../cms/email/templates/auth'
import { htmlToText } from '../../../cms/email/render/htmlToText'
import { linkIn, type TestSmtpServer } from './helpers/smtp'
import { REPLY_TO, SERVER_URL, startMailWorld } from './helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let users: Awaited<ReturnType<typeof startMailWorld>>['users']

beforeAll(async () => {
  ;({ payload, smtp, rest, users } = await startMailWorld())
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

async function waitForMail(to: string, count: number) {
  for (let i = 0; i < 100 && smtp.to(to).length < count; i++) await new Promise((r) => setTimeout(r, 50))
  return smtp.to(to)
}

describe('account mail', () => {
  it('sends the password reset in Vietnamese, as HTML and plain text, with a link that works once', async () => {
    const res = await rest.post('/users/forgot-password', { email: users.editor.email })
    expect(res.status).toBe(200)
    const [received] = await waitForMail(users.editor.email, 1)
    const { mail } = received
    expect(mail.subject).toBe('Đặt lại mật khẩu — Sổ tay đảng viên điện tử')
    expect(mail.html).toContain('<html lang="vi"')
    expect(mail.html).toContain('Chào Người dùng editor')
    expect(mail.text).toContain('Liên kết chỉ dùng được một lần, trong vòng 1 giờ.')
    expect(mail.replyTo?.value[0].address).toBe(REPLY_TO)
    const link = linkIn(mail, `${SERVER_URL}/admin/reset/`)
    expect(mail.html).toContain(`href="${link}"`)

    const token = link.slice(`${SERVER_URL}/admin/reset/`.length)
    const password = 'Mat-khau-moi-cua-bien-tap-vien-2025!'
    expect((await rest.post('/users/reset-password', { token, password })).status).toBe(200)
    expect(await rest.login(users.editor.email, password)).toBeTruthy()
    expect((await rest.post('/users/reset-password', { token, password: 'Mot-mat-khau-khac-hoan-toan-2025!' })).status).toBeGreaterThanOrEqual(400)
  })

  it('sends nothing for an address without an account', async () => {
    const before = smtp.received.length
    expect((await rest.post('/users/forgot-password', { email: 'khong-co-tai-khoan@example.vn' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 500))
    expect(smtp.received.length).toBe(before)
  })

  it('has a Vietnamese verification mail ready for when account verification is enabled', () => {
    const html = verifyAccountEmail.generateEmailHTML({ token: 'abc123', user: { name: 'Trần Thị Bình' } })
    expect(verifyAccountEmail.generateEmailSubject({})).toBe('Xác minh địa chỉ email — Sổ tay đảng viên điện tử')
    expect(htmlToText(html)).toContain(`Xác minh email: ${SERVER_URL}/admin/users/verify/abc123`)
    expect(html).toContain('Chào Trần Thị Bình')
  })
})
