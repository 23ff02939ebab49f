/**
 * Offline reading in real Chromium: the web app manifest makes the site installable, the service
 * worker registers, a member saves a document with its original, and with the network cut (a
 * proxy that drops every connection) the document reloads from the phone, styled, its original
 * still downloads, and any other page is answered by the offline page listing what was saved.
 * Saved copies follow the site when online (a newer text replaces them, a withdrawn document is
 * dropped), and nothing marked private or no-store is ever written.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { OFFLINE_PATH, SAVED_CACHE } from '../../../site/offline/policy'
import { corpus, get, launchBrowser, newPage } from '../../helpers/site'
import { startSwitchableProxy, type SwitchableProxy } from '../../helpers/switchableProxy'

const site = inject('site')
const c = corpus()
// The demo seed gives this document its original (scripts/seed/demo.ts).
const withFile = c.publicDocuments.find((d) => d.id === 'quyet-dinh-27-tw-2021')!
const others = c.publicDocuments.filter((d) => d.id !== withFile.id)
const poll = expect.poll

let browser: Browser
let proxy: SwitchableProxy
let context: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})
beforeEach(async () => {
  proxy = await startSwitchableProxy(site.url)
  ;({ context, page } = await newPage(browser))
})
afterEach(async () => {
  await context?.close()
  await proxy?.close()
})

/** Opens a page and waits until the service worker controls it. */
async function openControlled(path: string): Promise<void> {
  await page.goto(proxy.url + path)
  await poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 20_000 }).toBe(`${proxy.url}/sw.js`)
}

const savedKeys = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), SAVED_CACHE)

async function save(): Promise<string> {
  const button = page.getByRole('button', { name: 'Lưu để đọc khi không có mạng' })
  await button.click()
  const status = page.locator('[data-save-offline] .status')
  await poll(() => status.innerText(), { timeout: 30_000 }).not.toMatch(/^(Đang lưu.*)?$/)
  return status.innerText()
}

/** Sends a message to the worker and waits for its answer. */
const askWorker = (message: unknown) =>
  page.evaluate(
    (m) =>
      new Promise((resolve) => {
        const channel = new MessageChannel()
        channel.port1.onmessage = (e) => resolve(e.data)
        navigator.serviceWorker.controller!.postMessage(m, [channel.port2])
      }),
    message,
  )

describe('installable web app', () => {
  it('links a manifest with a name, a start page and 192/512 px icons that load', async () => {
    const home = await get(site.url, '/')
    expect(home.text).toContain('<link rel="manifest" href="/manifest.webmanifest">')
    const res = await get(site.url, '/manifest.webmanifest')
    expect(res.type).toContain('application/manifest+json')
    const manifest = JSON.parse(res.text) as {
      name: string
      start_url: string
      display: string
      lang: string
      icons: Array<{ src: string; sizes: string; purpose: string }>
    }
    expect(manifest.name).toBe('Sổ tay đảng viên điện tử')
    expect(manifest.lang).toBe('vi')
    expect(manifest.display).toBe('standalone')
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size && i.purpose === 'any')).toBe(true)
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true)
    for (const icon of manifest.icons) {
      const file = await get(site.url, icon.src)
      expect(file.status, icon.src).toBe(200)
      expect(file.type).toBe('image/png')
      // PNG header: width and height at bytes 16–23.
      expect(`${file.bytes.readUInt32BE(16)}x${file.bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes)
    }
  })

  it('Chromium finds nothing that stops installing it', async () => {
    await openControlled('/')
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> }
    // Test contexts are off-the-record profiles, which Chromium never offers to install from.
    expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([])
  })
})

describe('service worker', () => {
  it('registers for the whole site and caches the offline page at install', async () => {
    await openControlled('/')
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration()
      return { scope: r?.scope, script: r?.active?.scriptURL }
    })
    expect(registration).toEqual({ scope: `${proxy.url}/`, script: `${proxy.url}/sw.js` })
    const shell = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('sotay-shell-'))
      return names.length === 1 ? (await (await caches.open(names[0]!)).keys()).map((r) => new URL(r.url).pathname) : names
    })
    expect(shell).toContain(OFFLINE_PATH)
    expect(shell.some((p) => /^\/_astro\/.+\.css$/.test(p))).toBe(true)
  })

  it('saves a document with its original, and reloads it with the network off', async () => {
    const path = `/van-ban/${withFile.id}/`
    await openControlled(path)
    expect(await page.getByRole('button', { name: 'Lưu để đọc khi không có mạng' }).getAttribute('aria-pressed')).toBe('false')
    expect(await save()).toContain('Đã lưu')
    expect(await page.getByRole('button', { name: 'Lưu để đọc khi không có mạng' }).getAttribute('aria-pressed')).toBe('true')
    const original = (await page.locator('.attachments a').first().getAttribute('href'))!
    expect(await savedKeys()).toEqual(expect.arrayContaining([path, original]))

    proxy.online = false
    const reloaded = await page.reload()
    expect(reloaded?.fromServiceWorker()).toBe(true)
    await poll(() => page.locator('h1').innerText()).toContain(withFile.title)
    // Styled from the phone's copy of the stylesheet: the header keeps its red.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')!).backgroundColor)).toBe('rgb(155, 28, 28)')
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url)
      return { status: res.status, type: res.headers.get('content-type'), bytes: (await res.arrayBuffer()).byteLength }
    }, original)
    expect(download.status).toBe(200)
    expect(download.type).toBe('application/pdf')
    expect(download.bytes).toBeGreaterThan(100)
    // The button still shows the document as saved.
    await poll(() => page.getByRole('button', { name: 'Lưu để đọc khi không có mạng' }).getAttribute('aria-pressed')).toBe('true')

    // Any other page, offline: the offline page, saying so and listing the saved document.
    const other = await page.goto(`${proxy.url}/van-ban/${others[0]!.id}/`)
    expect(other?.fromServiceWorker()).toBe(true)
    await poll(() => page.locator('#offline-notice').isVisible()).toBe(true)
    const listed = page.locator('[data-saved-list] a', { hasText: withFile.number })
    await poll(() => listed.isVisible()).toBe(true)
    await listed.click()
    await poll(() => page.locator('h1').innerText()).toContain(withFile.title)
    expect(new URL(page.url()).pathname).toBe(path)
  })

  it('lists saved documents on the offline page and removes one there', async () => {
    await openControlled(`/van-ban/${others[1]!.id}/`)
    expect(await save()).toContain('Đã lưu')
    await page.goto(proxy.url + OFFLINE_PATH)
    await poll(() => page.locator('#offline-notice').isVisible()).toBe(false)
    const item = page.locator('[data-saved-list] li', { hasText: others[1]!.number })
    await poll(() => item.isVisible()).toBe(true)
    await item.getByRole('button', { name: /^Bỏ lưu/ }).click()
    await poll(() => item.count()).toBe(0)
    await poll(() => page.locator('[data-saved-empty]').isVisible()).toBe(true)
    expect(await savedKeys()).toEqual([])
  })

  it('keeps saved copies current when online and drops a withdrawn document', async () => {
    const path = `/van-ban/${others[2]!.id}/`
    await openControlled(path)
    expect(await save()).toContain('Đã lưu')
    const marker = 'Bản sửa đổi mới nhất của trích yếu'
    proxy.rewrite.set(path, (a) => ({ ...a, body: Buffer.from(a.body.toString('utf8').replace('</h1>', `${marker}</h1>`)) }))
    expect(await askWorker({ type: 'refresh' })).toEqual({ ok: true, files: 0 })
    const copy = () => page.evaluate(async ([name, p]) => (await (await caches.open(name!)).match(p!))?.text() ?? null, [SAVED_CACHE, path])
    expect(await copy()).toContain(marker)
    // Unpublished or switched to members-only: the site answers 404, and the phone lets it go.
    proxy.rewrite.set(path, (a) => ({ ...a, status: 404 }))
    await askWorker({ type: 'refresh' })
    expect(await copy()).toBeNull()
    expect(await savedKeys()).toEqual([])
  })

  it('never stores an answer marked private or no-store', async () => {
    for (const [i, cacheControl] of ['private, max-age=0', 'no-store'].entries()) {
      const path = `/van-ban/${others[3 + i]!.id}/`
      proxy.rewrite.set(path, (a) => ({ ...a, headers: { ...a.headers, 'cache-control': cacheControl } }))
      await openControlled(path)
      expect(await save()).toBe('Văn bản này không được phép lưu trên máy.')
      expect(await savedKeys()).toEqual([])
    }
    // Nor anything outside the public pages, even when asked directly.
    expect(await askWorker({ type: 'save', path: '/tim-kiem' })).toEqual({ ok: false, reason: 'not-public' })
    expect(await savedKeys()).toEqual([])
  })

  it('leaves reading without JavaScript as it was: no save button, the page reads', async () => {
    const { context: plain, page: noJs } = await newPage(browser, { javaScriptEnabled: false })
    try {
      await noJs.goto(`${site.url}/van-ban/${withFile.id}/`)
      expect(await noJs.locator('h1').innerText()).toContain(withFile.title)
      expect(await noJs.getByRole('button', { name: 'Lưu để đọc khi không có mạng' }).isVisible()).toBe(false)
    } finally {
      await plain.close()
    }
  })
})
