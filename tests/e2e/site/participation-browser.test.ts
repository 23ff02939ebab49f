/**
 * A member's meeting and question, in real Chromium with JavaScript off (the forms are plain HTML)
 * against the real CMS and site servers: the member confirms attendance (after being told a reason
 * is needed to be absent), downloads the meeting's .ics, asks the committee with a photo; the chi
 * bộ secretary answers through the CMS REST API with their own staff account (the admin UI is not
 * driven here), and the member reads the answer. axe-core finds no violations on the new pages.
 */
import ICAL from 'ical.js'
import type { Browser, Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { PASSWORD } from '../../helpers/fixtures'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { axeAudit, launchBrowser, newPage } from '../../helpers/site'
import { startCmsHttp } from '../../cms/mail/helpers/cmsHttp'

const site = inject('site')
let world: LiveWorld
let payload: Payload
let cms: Awaited<ReturnType<typeof startCmsHttp>>
let browser: Browser
let branchId = ''

const PHONE = '0987 333 444'
const NOTICE = 'Họp chi bộ thường kỳ tháng Một'
const QUESTION = 'Xin hỏi chi bộ: đảng viên đi làm ăn xa có được sinh hoạt tạm thời ở nơi cư trú mới không?'
const ANSWER = 'Được. Đồng chí làm đơn xin sinh hoạt tạm thời, chi bộ sẽ giới thiệu đến đảng bộ nơi cư trú mới.'

beforeAll(async () => {
  world = await startLiveWorld(site, 'participation-browser', 'empty')
  payload = world.payload
  cms = await startCmsHttp()
  world.env.CMS_INTERNAL_URL = cms.url
  // Plain http here, so the browser keeps the session cookie (production runs behind TLS: Secure).
  world.env.SITE_URL = ''
  await world.restartServer()

  const branch = await payload.create({ collection: 'organizations', data: { name: 'Chi bộ thôn Đông Hòa', code: 'CBDH', kind: 'chi-bo' } as never })
  branchId = String(branch.id)
  await payload.create({
    collection: 'users',
    data: { email: 'bi-thu@so-tay.test', password: PASSWORD, name: 'Bí thư chi bộ', role: 'contributor', organization: branch.id } as never,
  })
  await payload.create({
    collection: 'members',
    data: { name: 'Nguyễn Thị Hoa', phone: PHONE, email: 'hoa@so-tay.test', password: PASSWORD, status: 'active', organization: branch.id } as never,
  })
  await payload.create({
    collection: 'announcements',
    data: {
      title: NOTICE,
      organization: branch.id,
      body: plainTextToLexical('Kính mời các đồng chí dự họp.'),
      meetingAt: new Date(Date.now() + 3 * 24 * 60 * 60 * 1000).toISOString(),
      location: 'Nhà văn hóa thôn Đông Hòa',
      meetingKind: 'thuong-ky',
      agenda: 'Kiểm điểm công tác tháng\nPhát triển đảng viên mới',
      publishedAt: new Date().toISOString().slice(0, 10),
      _status: 'published',
    } as never,
  })
  await world.runJobs()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cms?.close()
  await world?.stop()
})

/** axe-core runs in the page, so the audit signs in again in a browser with JavaScript on. */
async function noViolations(paths: string[]) {
  const { context, page } = await newPage(browser)
  try {
    await signIn(page)
    for (const path of paths) {
      await page.goto(`${world.server.url}${path}`)
      const { passed, violations } = await axeAudit(page)
      expect(passed, 'axe ran its rules').toBeGreaterThan(10)
      expect(violations, page.url()).toEqual([])
    }
  } finally {
    await context.close()
  }
}

async function signIn(page: Page) {
  // A step that cannot happen fails with its own message instead of the test's timeout.
  page.setDefaultTimeout(15_000)
  await page.goto(`${world.server.url}/dang-nhap/`)
  await page.getByLabel('Số điện thoại hoặc thư điện tử').fill(PHONE)
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL(/\/ca-nhan\/$/)
}

describe('meetings and questions without JavaScript', () => {
  it('confirms attendance from "Của tôi", and downloads the meeting for the calendar', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false })
    try {
      await signIn(page)
      const upcoming = page.locator('section[aria-labelledby="lich-hop"]')
      expect(await upcoming.textContent()).toContain('Chưa xác nhận tham dự')
      expect(await upcoming.locator('h3').textContent()).toBe(NOTICE)
      await upcoming.getByRole('link', { name: 'Xác nhận tham dự' }).click()
      await page.waitForURL(/\/ca-nhan\/thong-bao\//)
      expect(await page.locator('article').textContent()).toContain('Phát triển đảng viên mới')
      const announcement = new URL(page.url()).pathname

      // Absent without a reason: the page says why, in Vietnamese, and the answer is not changed.
      await page.getByRole('radio', { name: 'Vắng mặt' }).check()
      await page.getByRole('button', { name: 'Gửi trả lời' }).click()
      expect(await page.getByRole('alert').textContent()).toContain('Xin ghi lý do vắng mặt')
      expect(await page.locator('#ly-do-loi').textContent()).toContain('Xin ghi lý do vắng mặt')
      // The roll call row made at publication still says "not answered".
      expect((await payload.find({ collection: 'meeting-responses', overrideAccess: true })).docs.map((d) => d.response)).toEqual(['none'])

      await page.getByRole('radio', { name: 'Tham dự' }).check()
      await page.getByRole('button', { name: 'Gửi trả lời' }).click()
      await page.waitForURL(/da-tra-loi=1/)
      expect(await page.locator('#tham-du [role="status"]').textContent()).toContain('Đã ghi nhận trả lời')
      expect(await page.locator('#tham-du .answer').textContent()).toContain('Tham dự')
      const { docs } = await payload.find({ collection: 'meeting-responses', overrideAccess: true })
      expect(docs.map((d) => [d.memberName, d.response])).toEqual([['Nguyễn Thị Hoa', 'attend']])

      const icsHref = await page.getByRole('link', { name: /Thêm vào lịch/ }).getAttribute('href')
      const ics = await context.request.get(`${world.server.url}${icsHref}`)
      expect(ics.status()).toBe(200)
      expect(ics.headers()['content-type']).toContain('text/calendar')
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!)
      expect(event.summary).toBe(NOTICE)
      expect(event.location).toBe('Nhà văn hóa thôn Đông Hòa')

      await page.goto(`${world.server.url}/ca-nhan/`)
      expect(await page.locator('section[aria-labelledby="lich-hop"]').textContent()).toContain('Đã trả lời: Tham dự')
      await noViolations(['/ca-nhan/', announcement])
    } finally {
      await context.close()
    }
  })

  it('asks the committee with a photo, and reads the answer the secretary gives', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false })
    try {
      await signIn(page)
      await page.getByRole('navigation', { name: 'Trang của đảng viên' }).getByRole('link', { name: 'Hỏi cấp ủy' }).click()
      await page.waitForURL(/\/ca-nhan\/hoi-dap\/$/)
      await page.getByLabel('Nội dung câu hỏi').fill('Ngắn')
      await page.getByRole('button', { name: 'Gửi câu hỏi' }).click()
      expect(await page.locator('#cau-hoi-loi').textContent()).toContain('ít nhất')

      const { default: sharp } = await import('sharp')
      const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c8b89a' } })
        .jpeg()
        .toBuffer()
      await page.getByLabel('Nội dung câu hỏi').fill(QUESTION)
      await page.getByLabel(/Ảnh hoặc tệp PDF/).setInputFiles({ name: 'don-xin.jpg', mimeType: 'image/jpeg', buffer: photo })
      await page.getByRole('button', { name: 'Gửi câu hỏi' }).click()
      await page.waitForURL(/da-gui=1/)
      const mine = page.locator('section[aria-labelledby="cau-hoi-cua-toi"]')
      expect(await mine.textContent()).toContain(QUESTION)
      expect(await mine.textContent()).toContain('Mới')
      expect(await mine.textContent()).toContain('don-xin')

      // The secretary answers with their staff account, over the CMS's REST API.
      const login = await fetch(`${cms.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bi-thu@so-tay.test', password: PASSWORD }),
      })
      const { token } = (await login.json()) as { token: string }
      const inbox = (await (await fetch(`${cms.url}/api/questions?depth=0`, { headers: { authorization: `JWT ${token}` } })).json()) as {
        docs: { id: string; organization: string; status: string }[]
      }
      expect(inbox.docs).toHaveLength(1)
      expect(inbox.docs[0]).toMatchObject({ organization: branchId, status: 'new' })
      const answered = await fetch(`${cms.url}/api/questions/${inbox.docs[0]!.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ answer: ANSWER }),
      })
      expect(answered.status).toBe(200)

      await page.goto(`${world.server.url}/ca-nhan/hoi-dap/`)
      const after = await page.locator('section[aria-labelledby="cau-hoi-cua-toi"]').textContent()
      expect(after).toContain('Đã trả lời')
      expect(after).toContain(ANSWER)
      await noViolations(['/ca-nhan/hoi-dap/'])
    } finally {
      await context.close()
    }
  })
})
