/**
 * axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every page type, with the reading controls and the
 * read-aloud panel showing (a Vietnamese voice is stubbed) so they are checked too; the document
 * page also in high contrast and with large text.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeAudit, corpus, launchBrowser, newPage, speechStub } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
const superseded = c.publicDocuments.find((d) => d.status === 'superseded')!
const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['library', '/van-ban/'],
  ['library page 2', '/van-ban/trang/2/'],
  ['facet', '/van-ban/loai/quy-dinh/'],
  ['document', '/van-ban/quyet-dinh-27-tw-2021/'],
  ['superseded document', `/van-ban/${superseded.id}/`],
  ['news list', '/tin-tuc/'],
  ['news', `/tin-tuc/${[...c.news].sort((a, b) => newestFirst(a.publishedAt, b.publishedAt))[0]!.id}/`],
  ['topic list', '/chuyen-de/'],
  ['topic', `/chuyen-de/${c.topics[0]!.id}/`],
  ['search', '/tim-kiem?q=27+qd+tw'],
  ['404', '/khong-co-trang-nay'],
  ['subscription form', '/nhan-thong-bao/'],
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function check(url: string, preferences: Record<string, string> = {}) {
  const { context, page } = await newPage(browser)
  try {
    await context.addInitScript(speechStub([{ name: 'Tiếng Việt', lang: 'vi-VN' }]))
    if (Object.keys(preferences).length) {
      await context.addInitScript((prefs: Record<string, string>) => {
        for (const [key, value] of Object.entries(prefs)) localStorage.setItem(key, value)
      }, preferences)
    }
    const res = await page.goto(site.url + url)
    expect(res?.status()).toBe(url.startsWith('/khong') ? 404 : 200)
    await page.locator('[data-reading-controls]').waitFor({ state: 'visible' })
    if (await page.locator('[data-read-aloud]').count()) await page.locator('[data-read-aloud]').waitFor({ state: 'visible' })
    for (const [key, value] of Object.entries(preferences)) {
      const attribute = key === 'sotay:contrast' ? 'contrast' : 'textSize'
      expect(await page.evaluate((a) => document.documentElement.dataset[a], attribute)).toBe(value)
    }
    const { passed, violations } = await axeAudit(page)
    expect(passed, 'axe ran its rules').toBeGreaterThan(15)
    return violations
  } finally {
    await context.close()
  }
}

describe('axe-core', () => {
  it.each(PAGES)('finds no violations on the %s page', async (_, url) => {
    expect(await check(url)).toEqual([])
  })

  it.each([
    ['document', '/van-ban/quyet-dinh-27-tw-2021/'],
    ['superseded document', `/van-ban/${superseded.id}/`],
    ['topic', `/chuyen-de/${c.topics[0]!.id}/`],
    ['home', '/'],
  ])('finds no violations on the %s page in high contrast with large text', async (_, url) => {
    expect(await check(url, { 'sotay:contrast': 'high', 'sotay:text-size': 'large' })).toEqual([])
  })
})
