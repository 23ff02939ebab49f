/**
 * The committees' study statistics against the real CMS server: members study through their REST
 * endpoints, the study job folds it (run as the worker would, through the jobs endpoint), and a
 * committee user opens "Thống kê học tập" in a real browser — charts, tables, drill-down — while a
 * chi bộ's account sees its own chi bộ only.
 */
import crypto from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../helpers/site'
import { call, cms, createMemberAccount, createWorld, login, sendJson, type Account } from './world'

let world: Awaited<ReturnType<typeof createWorld>>
let browser: Browser
const tag = crypto.randomBytes(3).toString('hex')
const orgs = { district: '', a: '', b: '' }
const names = { district: `Đảng bộ xã Thống Kê ${tag}`, a: `Chi bộ thôn Thượng ${tag}`, b: `Chi bộ thôn Hạ ${tag}` }
let secretary: Account

async function organization(name: string, code: string, kind: string, parent?: string) {
  const res = await sendJson('POST', '/api/organizations', { name, code, kind, parent }, world.admin)
  expect(res.status, res.text).toBe(201)
  return String(res.json.doc.id)
}

async function adminPage(token: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } })
  await context.addCookies([{ name: 'payload-token', value: token, url: cms.url }])
  return context.newPage()
}

beforeAll(async () => {
  world = await createWorld(`tk-${tag}`)
  browser = await launchBrowser()
  orgs.district = await organization(names.district, `TK${tag}`, 'dang-bo-co-so')
  orgs.a = await organization(names.a, `TKA${tag}`, 'chi-bo', orgs.district)
  orgs.b = await organization(names.b, `TKB${tag}`, 'chi-bo', orgs.district)
  const doc = await sendJson('POST', '/api/documents', { ...world.document(world.orgs.central), audience: 'members', _status: 'published' }, world.admin)
  expect(doc.status, doc.text).toBe(201)
  // Three members of chi bộ A read the document, one of chi bộ B; a fourth in A does nothing.
  for (const [i, org] of [orgs.a, orgs.a, orgs.a, orgs.b].entries()) {
    const member = await createMemberAccount(world.admin, org, `doc-${i}.${tag}@sotay.example.vn`)
    const read = await sendJson('POST', '/api/members/study/read', { collection: 'documents', slug: doc.json.doc.slug }, member.token)
    expect(read.status, read.text).toBe(200)
  }
  await createMemberAccount(world.admin, orgs.a, `idle.${tag}@sotay.example.vn`)
  // The worker's part, one job at a time as `npm run worker` does (SQLite takes one writer): the
  // site and search syncs of the document, then the study job (it folds the events, counts members).
  for (let i = 0; i < 30; i++) {
    const run = await call('/api/payload-jobs/run?limit=1', { token: world.admin })
    expect(run.status, run.text).toBe(200)
    if (run.json.noJobsRemaining) break
  }
  const res = await sendJson(
    'POST',
    '/api/users',
    { email: `bi-thu.${tag}@sotay.example.vn`, password: 'Mat-khau-May-chu-2026!', name: 'Bí thư chi bộ', role: 'contributor', organization: orgs.a },
    world.admin,
  )
  expect(res.status, res.text).toBe(201)
  secretary = {
    id: res.json.doc.id,
    email: `bi-thu.${tag}@sotay.example.vn`,
    password: 'Mat-khau-May-chu-2026!',
    token: await login(`bi-thu.${tag}@sotay.example.vn`, 'Mat-khau-May-chu-2026!'),
  }
})
afterAll(async () => {
  await browser?.close()
})

describe('Thống kê học tập', () => {
  it('answers the figures of an organization’s subtree over HTTP', async () => {
    const stats = await call(`/api/study-stats/overview?organization=${orgs.district}`, { token: world.admin })
    expect(stats.status, stats.text).toBe(200)
    expect(stats.json.organization).toMatchObject({ name: names.district, members: 5, active: 4, activePercent: 80 })
    expect(stats.json.organization.month).toMatchObject({ readers: 4, reads: 4 })
    const byName = Object.fromEntries(stats.json.children.map((c: { name: string; month: { reads: number } }) => [c.name, c.month.reads]))
    expect(byName).toEqual({ [names.a]: 3, [names.b]: 1 })
  })

  it('shows a committee user charts and tables, and drills down to a chi bộ', async () => {
    const page = await adminPage(world.admin)
    try {
      await page.goto(`${cms.url}/admin/thong-ke-hoc-tap`)
      await page.getByRole('heading', { name: 'Thống kê học tập' }).waitFor()
      await page.locator('[data-study-stats]').getByLabel('Tổ chức', { exact: true }).selectOption({ label: names.district })
      await page.getByRole('button', { name: 'Xem' }).click()
      const children = page.getByRole('table', { name: new RegExp(`Các tổ chức trực thuộc ${names.district}`) })
      await children.waitFor()
      expect(await children.getByRole('row').count()).toBe(3)
      await expect.poll(() => page.locator('[data-study-stats] svg.recharts-surface').count()).toBeGreaterThanOrEqual(2)
      expect(await page.getByText('4 (80%)').count()).toBeGreaterThan(0)
      await children.getByRole('button', { name: names.a }).click()
      await page.getByRole('table', { name: `Học tập theo tháng — ${names.a}` }).waitFor()
      expect(await page.getByRole('navigation', { name: 'Cấp tổ chức' }).textContent()).toContain(names.district)
      const csv = page.getByRole('link', { name: 'Tải bảng theo tháng (CSV)' })
      expect(await csv.getAttribute('href')).toContain(`organization=${orgs.a}`)
    } catch (error) {
      await page.screenshot({ path: 'tmp/study-statistics-failure.png', fullPage: true }).catch(() => {})
      throw error
    }
    await page.context().close()
  })

  it('shows a chi bộ’s account its chi bộ alone', async () => {
    expect((await call(`/api/study-stats/overview?organization=${orgs.district}`, { token: secretary.token })).status).toBe(403)
    expect((await call(`/api/study-stats/export/thang?organization=${orgs.b}`, { token: secretary.token })).status).toBe(403)
    const page = await adminPage(secretary.token)
    try {
      await page.goto(`${cms.url}/admin/thong-ke-hoc-tap`)
      await page.getByRole('table', { name: `Học tập theo tháng — ${names.a}` }).waitFor()
      const options = await page.locator('[data-study-stats]').getByLabel('Tổ chức', { exact: true }).locator('option').allTextContents()
      expect(options).toEqual([names.a])
    } catch (error) {
      await page.screenshot({ path: 'tmp/study-statistics-secretary-failure.png', fullPage: true }).catch(() => {})
      throw error
    }
    await page.context().close()
  })
})
