/**
 * The subscription form end to end, over the limit: a visitor's browser → the site server → the
 * CMS (Payload's REST handlers over HTTP, on a fresh SQLite database) → 429 with the Vietnamese
 * message on the page. The site passes each visitor's address on, so one visitor's flood does not
 * lock the form for everybody else (the CMS would otherwise see only the site server).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startWorld } from '../../helpers/fixtures'
import { fixtureEnv, startSiteServer, textOf, type RunningServer } from '../../helpers/site'
import { startCmsHttp } from '../../cms/mail/helpers/cmsHttp'

const site = inject('site')
let payload: Payload
let cms: Awaited<ReturnType<typeof startCmsHttp>>
let server: RunningServer

beforeAll(async () => {
  Object.assign(process.env, { MAIL_FORM_LIMIT_PER_IP: '2', MAIL_FORM_LIMIT_PER_ADDRESS: '5', SMTP_URL: '' })
  ;({ payload } = await startWorld())
  cms = await startCmsHttp()
  server = await startSiteServer(site.distDir, { ...fixtureEnv(site.dir), CMS_INTERNAL_URL: cms.url })
})
afterAll(async () => {
  await server?.stop()
  await cms?.close()
  await payload?.destroy()
})

/** The form as a visitor behind the TLS proxy sends it (the proxy appends their address). */
async function subscribe(email: string, visitor: string) {
  const res = await fetch(`${server.url}/nhan-thong-bao/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, 'x-forwarded-for': visitor },
    body: new URLSearchParams({ email, frequency: 'daily', news: 'on', website: '' }).toString(),
  })
  return { status: res.status, text: textOf(await res.text()) }
}

const stored = async (email: string) =>
  (await payload.count({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true })).totalDocs

describe('the subscription form over the limit', () => {
  it('answers the third request of one visitor with 429 and the Vietnamese message, and stores nothing', async () => {
    for (const email of ['khach.mot@example.vn', 'khach.hai@example.vn']) {
      const res = await subscribe(email, '203.0.113.10')
      expect(res.status).toBe(200)
      expect(res.text).toContain('Đã nhận đăng ký')
      expect(await stored(email)).toBe(1)
    }
    const refused = await subscribe('khach.ba@example.vn', '203.0.113.10')
    expect(refused.status).toBe(429)
    expect(refused.text).toMatch(/quá nhiều yêu cầu.*thử lại sau khoảng \d+ phút/)
    expect(await stored('khach.ba@example.vn')).toBe(0)
  })

  it('still serves other visitors', async () => {
    const res = await subscribe('nguoi.khac@example.vn', '203.0.113.11')
    expect(res.status).toBe(200)
    expect(await stored('nguoi.khac@example.vn')).toBe(1)
  })
})
