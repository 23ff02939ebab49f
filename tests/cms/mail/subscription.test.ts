import type { Payload } from 'payload'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentData, PASSWORD } from '../../helpers/fixtures'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { header, linkIn, tokenOf, type TestSmtpServer } from './helpers/smtp'
import { drainMail, MAIL_FROM, REPLY_TO, SERVER_URL, SITE_URL, startMailWorld } from './helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']
let users: Awaited<ReturnType<typeof startMailWorld>>['users']

beforeAll(async () => {
  ;({ payload, smtp, rest, orgs, users } = await startMailWorld())
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

const subscribe = (body: Record<string, unknown>) => rest.post('/subscribers/subscribe', body)
const confirm = (token: string) => rest.post('/subscribers/confirm', { token })

/** The one-click POST a mail app makes from List-Unsubscribe (RFC 8058): form body, no login. */
async function oneClick(url: string) {
  const { default: config } = await import('../../../cms/payload.config')
  const request = new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  })
  const slug = new URL(url).pathname.replace(/^\/api\//, '').split('/')
  const response = await (REST_POST(config) as (r: Request, a: { params: Promise<{ slug: string[] }> }) => Promise<Response>)(request, {
    params: Promise.resolve({ slug }),
  })
  return { status: response.status, json: (await response.json()) as { outcome: string; message: string } }
}

const publish = (overrides: Record<string, unknown> = {}) =>
  payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { _status: 'published', ...overrides }) })

const lastTo = (email: string) => smtp.to(email).at(-1)!

describe('subscribing from the public site', () => {
  const email = 'Nguyen.Van.An@Example.vn '
  const address = 'nguyen.van.an@example.vn'
  let confirmLink = ''

  it('refuses a bad request with messages a member understands', async () => {
    const bad = await subscribe({ email: 'khong-phai-email', frequency: 'immediate', documents: true })
    expect(bad.status).toBe(400)
    expect(bad.json.errors.email).toMatch(/Địa chỉ email chưa đúng/)
    const nothing = await subscribe({ email: 'a@example.vn', frequency: 'immediate' })
    expect(nothing.status).toBe(400)
    expect(nothing.json.errors.follow).toMatch(/chọn ít nhất một loại nội dung/)
    const noFrequency = await subscribe({ email: 'a@example.vn', news: true })
    expect(noFrequency.json.errors.frequency).toMatch(/cách nhận thư/)
    expect(await payload.count({ collection: 'subscribers', overrideAccess: true })).toMatchObject({ totalDocs: 0 })
  })

  it('sends only a confirmation mail, in Vietnamese, with an unsubscribe link and List-Unsubscribe headers', async () => {
    const res = await subscribe({ email, frequency: 'immediate', documentTypes: ['nghi-quyet'], issuers: [orgs.tw.id], news: true })
    expect(res.status).toBe(202)
    expect(res.json.message).toMatch(/thư xác nhận/)
    await drainMail(payload)

    const mails = smtp.to(address)
    expect(mails).toHaveLength(1)
    const { mail } = mails[0]
    expect(mail.subject).toBe('Xác nhận đăng ký nhận thông báo — Sổ tay đảng viên điện tử')
    expect(mail.subject).toBe(mail.subject!.normalize('NFC'))
    expect(mail.from?.value[0]).toEqual({ address: MAIL_FROM, name: 'Sổ tay đảng viên điện tử' })
    expect(mail.replyTo?.value[0].address).toBe(REPLY_TO)
    expect(mail.html).toContain('<html lang="vi"')
    expect(mail.text).toContain('Văn bản mới loại: Nghị quyết; do cơ quan ban hành: Ban Chấp hành Trung ương')
    expect(mail.text).toContain('Tin tức')
    expect(mail.text).toContain('Cách nhận: ngay khi có nội dung mới')
    confirmLink = linkIn(mail, `${SITE_URL}/nhan-thong-bao/xac-nhan?t=`)
    expect(mail.html).toContain(confirmLink)

    const listUnsubscribe = header(mail, 'List-Unsubscribe')
    expect(listUnsubscribe).toMatch(new RegExp(`^<${SERVER_URL}/api/subscribers/unsubscribe\\?t=[A-Za-z0-9._-]+>$`))
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(linkIn(mail, `${SITE_URL}/nhan-thong-bao/huy?t=`)).toBeTruthy()
  })

  it('sends nothing else until the link is used', async () => {
    await publish({ title: 'Về công tác xây dựng Đảng trước khi xác nhận' })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(1)
    const [subscriber] = (await payload.find({ collection: 'subscribers', where: { email: { equals: address } }, overrideAccess: true })).docs
    expect(subscriber.status).toBe('pending')
    expect(subscriber.consentAt ?? null).toBeNull()
  })

  it('refuses a forged or altered confirmation link', async () => {
    const token = tokenOf(confirmLink)
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    expect((await confirm(forged)).json.outcome).toBe('invalid')
    expect((await confirm('khong-co-that')).status).toBe(400)
  })

  it('confirms once; the consent time is kept; a second click changes nothing', async () => {
    const first = await confirm(tokenOf(confirmLink))
    expect(first.status).toBe(200)
    expect(first.json.outcome).toBe('confirmed')
    const second = await confirm(tokenOf(confirmLink))
    expect(second.json.outcome).toBe('already')
    const [subscriber] = (await payload.find({ collection: 'subscribers', where: { email: { equals: address } }, overrideAccess: true })).docs
    expect(subscriber.status).toBe('confirmed')
    expect(Date.now() - new Date(subscriber.consentAt!).getTime()).toBeLessThan(60_000)
    expect(subscriber.documentTypes).toEqual(['nghi-quyet'])
  })

  it('notifies a matching publication once, with number, title, summary excerpt and link', async () => {
    const doc = await publish({
      number: '57-NQ/TW',
      title: 'Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo',
      summary: plainTextToLexical('Nghị quyết xác định khoa học, công nghệ là đột phá quan trọng hàng đầu.\n\nĐoạn thứ hai.'),
    })
    await drainMail(payload)
    const mails = smtp.to(address)
    expect(mails).toHaveLength(2)
    const { mail } = mails[1]
    expect(mail.subject).toBe('Văn bản mới: 57-NQ/TW — Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo')
    const link = `${SITE_URL}/van-ban/${doc.slug}/`
    for (const part of [mail.text!, mail.html as string]) {
      expect(part).toContain('Nghị quyết số 57-NQ/TW')
      expect(part).toContain('Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo')
      expect(part).toContain('Nghị quyết xác định khoa học, công nghệ là đột phá quan trọng hàng đầu.')
      expect(part).toContain('Cơ quan ban hành: Ban Chấp hành Trung ương')
      expect(part).toContain(link)
    }
    expect(mail.html).not.toMatch(/<img/i)
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')

    // Edits of live content, and unpublishing then publishing again, never notify a second time.
    await payload.update({ collection: 'documents', id: doc.id, data: { title: 'Về đột phá phát triển khoa học (đã sửa lỗi chính tả)' } })
    await payload.update({ collection: 'documents', id: doc.id, data: { _status: 'draft' } })
    await payload.update({ collection: 'documents', id: doc.id, data: { _status: 'published' } })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(2)
  })

  it('skips what does not match, is members-only, is a draft, or is published by a restore', async () => {
    await publish({ type: 'chi-thi', number: '05-CT/TW', title: 'Chỉ thị không thuộc loại đã chọn' })
    await publish({ issuer: orgs.province.id, level: 'tinh', number: '12-NQ/TU', title: 'Nghị quyết của cơ quan khác' })
    await publish({ audience: 'members', title: 'Nghị quyết chỉ dành cho đảng viên' })
    await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { title: 'Bản nháp' }), draft: true })
    await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { _status: 'published', title: 'Khôi phục từ bản sao lưu' }),
      context: { silent: true },
    })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(2)
  })

  it('notifies news, and a scheduled publication when its time comes', async () => {
    await payload.create({
      collection: 'news',
      data: {
        _status: 'published',
        title: 'Hội nghị học tập nghị quyết tại xã Đông Hòa',
        category: await firstNewsCategory(),
        lead: 'Sáng nay, Đảng ủy xã tổ chức hội nghị.',
        body: plainTextToLexical('Nội dung tin.'),
        publishedAt: '2024-06-01',
      } as never,
    })
    await drainMail(payload)
    expect(lastTo(address).mail.subject).toBe('Tin mới: Hội nghị học tập nghị quyết tại xã Đông Hòa')

    const draft = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { number: '66-NQ/TW', title: 'Về đổi mới công tác xây dựng và thi hành pháp luật' }),
      draft: true,
    })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'documents', value: draft.id }, user: { relationTo: 'users', value: users.publisher.id } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await drainMail(payload)
    expect(lastTo(address).mail.subject).toBe('Văn bản mới: 66-NQ/TW — Về đổi mới công tác xây dựng và thi hành pháp luật')
    expect(smtp.to(address)).toHaveLength(4)
  })

  it('keeps the current choices when the form is sent again, until the new choices are confirmed', async () => {
    // As if the first request were a while ago (one confirmation mail per address per 10 minutes).
    await payload.update({
      collection: 'subscribers',
      where: { email: { equals: address } },
      data: { requestedAt: new Date(Date.now() - 11 * 60_000).toISOString() },
      overrideAccess: true,
    })
    const res = await subscribe({ email: address, frequency: 'immediate', documentTypes: ['chi-thi'] })
    expect(res.status).toBe(202)
    await drainMail(payload)
    const change = lastTo(address).mail
    expect(change.subject).toBe('Xác nhận thay đổi đăng ký nhận thông báo — Sổ tay đảng viên điện tử')
    expect(change.text).toContain('Văn bản mới loại: Chỉ thị')

    // Sent again at once: no second confirmation mail (the form cannot be used to flood a mailbox).
    await subscribe({ email: address, frequency: 'immediate', documentTypes: ['chi-thi'] })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(5)

    await publish({ type: 'chi-thi', number: '06-CT/TW', title: 'Chỉ thị trước khi xác nhận thay đổi' })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(5)

    expect((await confirm(tokenOf(linkIn(change, `${SITE_URL}/nhan-thong-bao/xac-nhan?t=`)))).json.outcome).toBe('updated')
    await publish({ type: 'chi-thi', number: '07-CT/TW', title: 'Chỉ thị sau khi xác nhận thay đổi' })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(6)
    expect(lastTo(address).mail.subject).toContain('07-CT/TW')
  })

  it('unsubscribes with one click (no login), once; later mail stops and a second click is answered kindly', async () => {
    const mail = lastTo(address).mail
    const oneClickUrl = header(mail, 'List-Unsubscribe').slice(1, -1)

    // A GET (link checkers, prefetchers) changes nothing: it sends the reader to the site's page.
    const get = await rest.get(`/subscribers/unsubscribe?t=${tokenOf(oneClickUrl)}`)
    expect(get.status).toBe(303)
    const [still] = (await payload.find({ collection: 'subscribers', where: { email: { equals: address } }, overrideAccess: true })).docs
    expect(still.status).toBe('confirmed')

    const first = await oneClick(oneClickUrl)
    expect(first).toMatchObject({ status: 200, json: { outcome: 'unsubscribed' } })
    expect(first.json.message).toMatch(/đã hủy đăng ký/)
    const second = await oneClick(oneClickUrl)
    expect(second).toMatchObject({ status: 200, json: { outcome: 'already' } })
    // The link in the body of an older mail works the same way (it signs the subscriber, not the mail).
    const bodyLink = linkIn(smtp.to(address)[1].mail, `${SITE_URL}/nhan-thong-bao/huy?t=`)
    expect((await rest.post('/subscribers/unsubscribe', { token: tokenOf(bodyLink) })).json.outcome).toBe('already')

    await publish({ type: 'chi-thi', number: '08-CT/TW', title: 'Chỉ thị sau khi hủy đăng ký' })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(6)

    const forged = await rest.post('/subscribers/unsubscribe', { token: `${still.id}.AAAA` })
    expect(forged.status).toBe(400)
  })

  it('keeps subscribers private: the REST API shows them to admins only, without their secrets', async () => {
    const anonymous = await rest.get('/subscribers')
    expect(anonymous.status).toBe(403)
    const editor = await rest.get('/subscribers', await rest.login(users.editor.email, PASSWORD))
    expect(editor.status).toBe(403)
    const admin = await rest.get('/subscribers', await rest.login(users.admin.email, PASSWORD))
    expect(admin.status).toBe(200)
    expect(admin.json.docs[0]).not.toHaveProperty('tokenKey')
    expect(admin.json.docs[0]).not.toHaveProperty('requestedChoices')
    expect((await rest.post('/subscribers', { email: 'x@example.vn', frequency: 'daily', status: 'confirmed' })).status).toBe(403)
  })
})

async function firstNewsCategory(): Promise<string> {
  const { NEWS_CATEGORIES } = await import('../../../core/vocabulary')
  return NEWS_CATEGORIES[0].value
}
