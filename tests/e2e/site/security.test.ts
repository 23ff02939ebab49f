/**
 * The site server's hardening, checked against the running server: security headers and a
 * Content-Security-Policy without 'unsafe-inline' scripts on every kind of on-demand answer (also
 * when the answer comes from the route cache), the page's own scripts still running under that
 * policy, and request bodies over the limit refused.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { get, launchBrowser, newPage } from '../../helpers/site'

const site = inject('site')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const PAGES = ['/', '/van-ban/', '/van-ban/quyet-dinh-27-tw-2021/', '/tin-tuc/', '/tim-kiem?q=27+qd+tw', '/khong-co-trang-nay/']

describe('security headers', () => {
  it.each(PAGES)('%s carries them, fresh and from the cache', async (url) => {
    for (const round of [1, 2]) {
      const res = await get(site.url, url)
      const h = res.headers
      expect(h.get('x-content-type-options'), `${url} #${round}`).toBe('nosniff')
      expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(h.get('x-frame-options')).toBe('DENY')
      const csp = h.get('content-security-policy') ?? ''
      const scripts = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
      expect(scripts, csp).toMatch(/'sha(256|384|512)-/)
      expect(scripts).not.toContain("'unsafe-inline'")
    }
  })

  it('the search API answers with nosniff and JSON', async () => {
    const res = await get(site.url, '/api/search?q=nghi+quyet')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.type).toContain('application/json')
  })
})

describe('the policy leaves the site working', () => {
  it('runs the page scripts (text size, read-aloud controls) with no policy violation', async () => {
    const { context, page } = await newPage(browser)
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
    })
    await page.goto(`${site.url}/van-ban/quyet-dinh-27-tw-2021/`)
    // The controls are revealed by the page's script, and the inline head script applies the choice.
    await page.getByRole('button', { name: 'Chữ lớn' }).click()
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large')
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large')
    expect(violations).toEqual([])
    await context.close()
  })
})

describe('request size', () => {
  it.each(['/api/search?q=x', '/van-ban/', '/tim-kiem', '/nhan-thong-bao/'])('refuses a request body over the limit on %s', async (url) => {
    const big = await fetch(`${site.url}${url}`, {
      method: 'POST',
      body: JSON.stringify({ x: 'x'.repeat(100 * 1024) }),
      headers: { 'Content-Type': 'application/json' },
    })
    expect(big.status).toBe(413)
    const small = await fetch(`${site.url}${url}`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(small.status).not.toBe(413)
  })
})
