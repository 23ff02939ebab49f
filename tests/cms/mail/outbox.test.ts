import fs from 'node:fs'
import path from 'node:path'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { callCms } from '../../../site/pages/nhan-thong-bao/_cms'
import { documentData, PASSWORD, startWorld } from '../../helpers/fixtures'
import { restClient } from '../../helpers/rest'
import { startCmsHttp } from './helpers/cmsHttp'
import { header, linkIn, tokenOf } from './helpers/smtp'
import { drainMail, SITE_URL } from './helpers/world'

let payload: Payload
let world: Awaited<ReturnType<typeof startWorld>>
let cms: Awaited<ReturnType<typeof startCmsHttp>>
let outbox: string

beforeAll(async () => {
  delete process.env.SMTP_URL
  Object.assign(process.env, { SITE_URL, SERVER_URL: 'http://localhost:3000', MAIL_RETRY_BASE_SECONDS: '1' })
  world = await startWorld()
  payload = world.payload
  outbox = path.join(process.env.DATA_DIR!, 'outbox')
  cms = await startCmsHttp()
  process.env.CMS_INTERNAL_URL = cms.url
})
afterAll(async () => {
  await cms?.close()
  await payload?.destroy()
})

async function outboxMails(): Promise<Array<{ file: string; mail: ParsedMail }>> {
  if (!fs.existsSync(outbox)) return []
  const files = fs
    .readdirSync(outbox)
    .filter((f) => f.endsWith('.eml'))
    .sort()
  return Promise.all(files.map(async (file) => ({ file, mail: await simpleParser(fs.readFileSync(path.join(outbox, file))) })))
}

describe('the embedded default: mail goes to DATA_DIR/outbox', () => {
  const email = 'nguoi.dung.moi@example.vn'

  it('subscribe from the site, confirm from the .eml, publish in the admin, find the notification in the outbox', async () => {
    const log = vi.spyOn(console, 'log')

    // The site's subscription page hands the form to the CMS over HTTP.
    const answer = await callCms('subscribe', { email, frequency: 'immediate', documents: true, documentTypes: ['nghi-quyet'] })
    expect(answer).toMatchObject({ status: 202, body: { ok: true } })
    await drainMail(payload)
    let mails = await outboxMails()
    expect(mails).toHaveLength(1)
    expect([mails[0].mail.to].flat()[0]?.value[0].address).toBe(email)
    expect(mails[0].mail.subject).toBe('Xác nhận đăng ký nhận thông báo — Sổ tay đảng viên điện tử')
    expect(header(mails[0].mail, 'List-Unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/api\/subscribers\/unsubscribe\?t=/)
    expect(log.mock.calls.map((c) => String(c[0]))).toContainEqual(
      expect.stringContaining(`«Xác nhận đăng ký nhận thông báo — Sổ tay đảng viên điện tử» → ${path.join(outbox, mails[0].file)}`),
    )

    const token = tokenOf(linkIn(mails[0].mail, `${SITE_URL}/nhan-thong-bao/xac-nhan?t=`))
    expect(await callCms('confirm', { token })).toMatchObject({ status: 200, body: { outcome: 'confirmed' } })

    // A publisher publishes a resolution in the admin (which uses the same REST API).
    const rest = restClient((await import('../../../cms/payload.config')).default)
    const jwt = await rest.login(world.users.publisher.email, PASSWORD)
    const created = await rest.post(
      '/documents',
      { ...documentData(world.orgs.tw.id, { number: '35-NQ/TW', title: 'Về tăng cường bảo vệ nền tảng tư tưởng của Đảng' }), _status: 'published' },
      jwt,
    )
    expect(created.status).toBe(201)
    await drainMail(payload)
    mails = await outboxMails()
    expect(mails).toHaveLength(2)
    const notification = mails.find((m) => m.mail.subject?.startsWith('Văn bản mới'))!.mail
    expect(notification.subject).toBe('Văn bản mới: 35-NQ/TW — Về tăng cường bảo vệ nền tảng tư tưởng của Đảng')
    expect(notification.text).toContain(`${SITE_URL}/van-ban/${created.json.doc.slug}/`)

    expect(await callCms('unsubscribe', { token: tokenOf(linkIn(notification, `${SITE_URL}/nhan-thong-bao/huy?t=`)) })).toMatchObject({
      status: 200,
      body: { outcome: 'unsubscribed' },
    })
    log.mockRestore()
  })

  it('answers the site with field errors, and the site says so when the CMS cannot be reached', async () => {
    const bad = await callCms('subscribe', { email: 'sai-dia-chi', frequency: 'daily', news: true })
    expect(bad?.status).toBe(400)
    expect(bad?.body.errors?.email).toMatch(/Địa chỉ email chưa đúng/)

    process.env.CMS_INTERNAL_URL = 'http://127.0.0.1:9'
    expect(await callCms('subscribe', { email, frequency: 'daily', news: true })).toBeNull()
    process.env.CMS_INTERNAL_URL = cms.url
  })
})
