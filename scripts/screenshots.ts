/**
 * `npm run screenshots [-- <site url>]`: captures the README screenshots (mobile 360×800 and desktop
 * 1280×900) of the home page, the library, a document and a topic from a running site.
 */
import path from 'node:path'
import { chromium } from 'playwright-core'
import { launchOptions } from './lib/browser'

const base = process.argv[2] ?? 'http://localhost:4321'
const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots')
const pages = [
  { name: 'trang-chu', path: '/' },
  { name: 'thu-vien', path: '/van-ban/' },
  { name: 'van-ban', path: '/van-ban/quy-dinh-47-tw-2011/' },
  { name: 'chuyen-de', path: '/chuyen-de/' },
]
const viewports = [
  { name: 'mobile', width: 360, height: 800, isMobile: true },
  { name: 'desktop', width: 1280, height: 900, isMobile: false },
]

const browser = await chromium.launch(launchOptions)
try {
  for (const vp of viewports) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, isMobile: vp.isMobile, deviceScaleFactor: 1, locale: 'vi-VN' })
    const page = await context.newPage()
    for (const p of pages) {
      const target = p.name === 'chuyen-de' ? await firstTopic(page) : p.path
      await page.goto(new URL(target, base).href)
      await page.screenshot({ path: path.join(out, `${p.name}-${vp.name}.png`) })
      console.log(`› ${p.name}-${vp.name}.png`)
    }
    await context.close()
  }
} finally {
  await browser.close()
}

async function firstTopic(page: import('playwright-core').Page): Promise<string> {
  await page.goto(new URL('/chuyen-de/', base).href)
  return (await page.locator('.card a').first().getAttribute('href')) ?? '/chuyen-de/'
}
