/**
 * A member's first day, in real Chromium against the real CMS and site servers: the chi bộ
 * secretary prints an activation code; the member activates with it on a phone-sized screen, lands
 * on "Của tôi", opens the chi bộ's meeting announcement, signs out and in again (also with
 * JavaScript off). axe-core finds no violations on any of the new pages.
 */
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
let code = ''

const PHONE = '0987 111 222'
const NEW_PASSWORD = 'Dong-hoa-2027'
const NOTICE = 'Họp chi bộ thường kỳ tháng Mười hai'

beforeAll(async () => {
  world = await startLiveWorld(site, 'members-browser', 'empty')
  payload = world.payload
  cms = await startCmsHttp()
  world.env.CMS_INTERNAL_URL = cms.url
  // Plain http here, so the browser keeps the session cookie (production runs behind TLS: Secure).
  world.env.SITE_URL = ''
  await world.restartServer()

  const branch = await payload.create({ collection: 'organizations', data: { name: 'Chi bộ thôn Đông Hòa', code: 'CBDH', kind: 'chi-bo' } as never })
  await payload.create({
    collection: 'users',
    data: { email: 'bi-thu@so-tay.test', password: PASSWORD, name: 'Bí thư chi bộ', role: 'contributor', organization: branch.id } as never,
  })
  await payload.create({ collection: 'members', data: { name: 'Nguyễn Thị Hoa', phone: PHONE, organization: branch.id } as never })
  await payload.create({
    collection: 'announcements',
    data: {
      title: NOTICE,
      organization: branch.id,
      body: plainTextToLexical('Nội dung: kiểm điểm công tác năm, bàn kế hoạch làm đường.'),
      meetingAt: '2026-12-20T12:30:00.000Z',
      location: 'Nhà văn hóa thôn Đông Hòa',
      publishedAt: '2026-12-02',
      _status: 'published',
    } as never,
  })
  await world.runJobs()

  // The secretary prints the sheet (as in the admin, with the secretary's own account).
  const login = await fetch(`${cms.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bi-thu@so-tay.test', password: PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const sheet = await fetch(`${cms.url}/api/members/activation-sheet?organization=${branch.id}`, { headers: { authorization: `JWT ${token}` } })
  const html = await sheet.text()
  expect(html).toContain('Nguyễn Thị Hoa')
  code = /class="code">(\d{4} \d{4})</.exec(html)?.[1] ?? ''
  expect(code).toMatch(/^\d{4} \d{4}$/)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await cms?.close()
  await world?.stop()
})

async function noViolations(page: Page) {
  const { passed, violations } = await axeAudit(page)
  expect(passed, 'axe ran its rules').toBeGreaterThan(10)
  expect(violations, page.url()).toEqual([])
}

describe("a member's first day", () => {
  it('activates with the printed code, reads the announcement, signs out and in again', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.goto(`${world.server.url}/kich-hoat/`)
      await noViolations(page)
      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill(PHONE)
      await page.getByLabel('Mã kích hoạt (8 chữ số)').fill(code)
      await page.getByLabel('Mật khẩu mới', { exact: true }).fill(NEW_PASSWORD)
      await page.getByLabel('Nhập lại mật khẩu mới').fill(NEW_PASSWORD)
      await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click()
      await page.waitForURL(/\/ca-nhan\/\?da-kich-hoat=1$/)
      await expect.poll(() => page.locator('h1').textContent()).toBe('Của tôi')
      expect(await page.locator('.banner[role="status"]').textContent()).toContain('Tài khoản đã được kích hoạt')
      expect(await page.locator('.member-bar').textContent()).toContain('Nguyễn Thị Hoa')
      await noViolations(page)

      await page.getByRole('link', { name: NOTICE }).click()
      await page.waitForURL(/\/ca-nhan\/thong-bao\//)
      const article = await page.locator('article').textContent()
      expect(article).toContain('Nhà văn hóa thôn Đông Hòa')
      expect(article).toMatch(/19:30, Chủ Nhật,? 20\/12\/2026/i)
      await noViolations(page)

      await page.goto(`${world.server.url}/ca-nhan/tim-kiem?q=hop+chi+bo`)
      expect(await page.locator('#ket-qua').textContent()).toContain(NOTICE)
      await noViolations(page)
      await page.goto(`${world.server.url}/ca-nhan/van-ban/`)
      await noViolations(page)

      // The header of the (cached, shared) public pages says "Của tôi" in this browser.
      await page.goto(`${world.server.url}/`)
      await expect.poll(() => page.locator('[data-member-link]').textContent()).toContain('Của tôi')

      await page.goto(`${world.server.url}/ca-nhan/`)
      await page.locator('.member-bar').getByRole('button', { name: 'Đăng xuất' }).click()
      await page.waitForURL(/\/\?da-dang-xuat=1$/)
      await expect.poll(() => page.locator('[data-member-link]').textContent()).toContain('Đăng nhập')
      await page.goto(`${world.server.url}/ca-nhan/`)
      expect(page.url()).toMatch(/\/dang-nhap\/\?tiep=%2Fca-nhan%2F$/)
      await noViolations(page)

      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill('+84 987.111.222')
      await page.getByLabel('Mật khẩu', { exact: true }).fill(NEW_PASSWORD)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      await page.waitForURL(/\/ca-nhan\/$/)
      expect(await page.locator('main').textContent()).toContain(NOTICE)
    } finally {
      await context.close()
    }
  })

  it('works with JavaScript off: a wrong password is explained, the right one signs in', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false })
    try {
      await page.goto(`${world.server.url}/dang-nhap/`)
      await page.getByLabel('Số điện thoại hoặc thư điện tử').fill(PHONE)
      await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau-2027')
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      expect(await page.getByRole('alert').textContent()).toContain('chưa đúng')
      await page.getByLabel('Mật khẩu', { exact: true }).fill(NEW_PASSWORD)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      await page.waitForURL(/\/ca-nhan\/$/)
      expect(await page.locator('main').textContent()).toContain(NOTICE)
    } finally {
      await context.close()
    }
  })

  it('shows the forgotten-password page without violations', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.goto(`${world.server.url}/quen-mat-khau/`)
      await noViolations(page)
      await page.goto(`${world.server.url}/dat-lai-mat-khau/?token=khongdungmachnaoca1234`)
      await noViolations(page)
    } finally {
      await context.close()
    }
  })
})
