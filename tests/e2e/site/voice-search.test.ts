/**
 * Voice search in a real browser: the microphone button appears only where speech recognition
 * exists (a stubbed webkitSpeechRecognition stands in for Chrome's, which needs Google's servers),
 * what is "heard" fills the box and searches, spoken numbers find the same documents as typed
 * ones, errors are explained in Vietnamese, and axe finds nothing with the button showing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeAudit, get, launchBrowser, newPage } from '../../helpers/site'

const site = inject('site')
const BUTTON = { name: 'Tìm bằng giọng nói' }
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 5000 })

/** Removes the browser's own recogniser (Chromium ships webkitSpeechRecognition), as on Firefox. */
const NO_RECOGNITION = `delete window.SpeechRecognition; delete window.webkitSpeechRecognition`

/**
 * A stand-in for webkitSpeechRecognition: each start() records its settings in
 * window.__recognitions and, asynchronously like the real one, either hears `transcript` (an
 * interim part first, then the final result) or fails with `error`, then ends; or keeps listening.
 */
function recognitionStub(outcome: { transcript: string } | { error: string } | { listening: true }): string {
  return `(() => {
    delete window.SpeechRecognition
    const outcome = ${JSON.stringify(outcome)}
    window.__recognitions = []
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20))
    const results = (text, isFinal) => {
      const result = [{ transcript: text, confidence: 0.9 }]
      result.isFinal = isFinal
      const list = [result]
      return { resultIndex: 0, results: list }
    }
    window.webkitSpeechRecognition = class {
      constructor() {
        this.lang = ''
        this.interimResults = false
        this.continuous = false
        this.maxAlternatives = 1
        this.ended = false
      }
      async start() {
        window.__recognitions.push({ lang: this.lang, continuous: this.continuous })
        await tick()
        this.onstart?.()
        await tick()
        if ('listening' in outcome) return
        if ('error' in outcome) {
          this.onerror?.({ error: outcome.error })
        } else {
          const words = outcome.transcript.split(' ')
          this.onresult?.(results(words.slice(0, 2).join(' '), false))
          await tick()
          if (!this.ended) this.onresult?.(results(outcome.transcript, true))
        }
        await tick()
        this.end()
      }
      end() {
        if (this.ended) return
        this.ended = true
        setTimeout(() => this.onend?.(), 10)
      }
      stop() { this.end() }
      abort() { this.end() }
    }
  })()`
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function open(url: string, init: string | null, options: Parameters<typeof newPage>[1] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPage(browser, options)
  if (init) await context.addInitScript(init)
  await page.goto(site.url + url)
  return { context, page }
}

const hitTitles = (page: Page) => page.locator('.search-hits li h3 a').allTextContents()

describe('spoken numbers in the search API', () => {
  const slugs = async (q: string) => {
    const res = await get(site.url, `/api/search?q=${encodeURIComponent(q)}`)
    expect(res.status, q).toBe(200)
    return (JSON.parse(res.text) as { hits: Array<{ slug: string }> }).hits.map((h) => h.slug)
  }

  it.each([
    ['nghị quyết hai mươi mốt', 'nghị quyết 21', 'nghi-quyet-21-tw-'],
    ['nghi quyet hai muoi mot', 'nghi quyet 21', 'nghi-quyet-21-tw-'],
    ['chỉ thị năm', 'chỉ thị 5', 'chi-thi-05-tw-2016'],
    ['chỉ thị ba mươi lăm trung ương', 'chỉ thị 35 trung ương', 'chi-thi-35-tw-'],
    ['quy định một trăm bốn mươi bốn', 'quy định 144', 'quy-dinh-144-'],
  ])('"%s" answers like "%s"', async (spoken, typed, first) => {
    const heard = await slugs(spoken)
    expect(heard).toEqual(await slugs(typed))
    expect(heard[0]).toContain(first)
  })
})

describe('the microphone button', () => {
  it('is absent where the browser has no speech recognition, and with JavaScript off', async () => {
    for (const [init, options] of [
      [NO_RECOGNITION, {}],
      [null, { javaScriptEnabled: false }],
    ] as const) {
      const { context, page } = await open('/', init, options)
      try {
        const button = page.locator('[data-voice-search]')
        expect(await button.count()).toBe(1)
        expect(await button.getAttribute('hidden')).not.toBeNull()
        expect(await button.isVisible()).toBe(false)
        expect(await page.getByRole('button', BUTTON).count()).toBe(0)
        // The plain form still works.
        expect(await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).isVisible()).toBe(true)
      } finally {
        await context.close()
      }
    }
  })

  it('shows, as a 44 px target with an accessible name, where speech recognition exists', async () => {
    const { context, page } = await open('/', recognitionStub({ transcript: 'x' }))
    try {
      const button = page.getByRole('button', BUTTON)
      await poll(() => button.isVisible()).toBe(true)
      const box = (await button.boundingBox())!
      expect(box.width).toBeGreaterThanOrEqual(44)
      expect(box.height).toBeGreaterThanOrEqual(44)
      expect(await button.getAttribute('aria-pressed')).toBe('false')
    } finally {
      await context.close()
    }
  })

  it('searches what was heard, and a spoken number finds the document the typed one finds', async () => {
    const typed = await open('/tim-kiem?q=nghị+quyết+21', NO_RECOGNITION)
    const expected = (await hitTitles(typed.page)).slice(0, 2)
    await typed.context.close()
    expect(expected.length).toBe(2)
    expect(expected.every((t) => t.includes('21-NQ/TW'))).toBe(true)

    const { context, page } = await open('/', recognitionStub({ transcript: 'nghị quyết hai mươi mốt' }))
    try {
      await page.getByRole('button', BUTTON).click()
      await page.waitForURL(/\/tim-kiem\?q=/)
      expect(new URL(page.url()).searchParams.get('q')).toBe('nghị quyết hai mươi mốt')
      expect((await hitTitles(page)).slice(0, 2)).toEqual(expected)
      // The box keeps what the member said.
      expect(await page.locator('#tim-trang-tim-kiem').inputValue()).toBe('nghị quyết hai mươi mốt')
    } finally {
      await context.close()
    }
  })

  it('listens in Vietnamese and updates the results in place on the search page', async () => {
    const { context, page } = await open('/tim-kiem', recognitionStub({ transcript: 'quy định một trăm bốn mươi bốn' }))
    try {
      await page.getByRole('button', BUTTON).click()
      await poll(async () => (await hitTitles(page))[0] ?? '').toContain('144-QĐ/TW')
      expect(await page.evaluate(() => (window as unknown as { __recognitions: unknown[] }).__recognitions)).toEqual([{ lang: 'vi-VN', continuous: false }])
      expect(await page.locator('#tim-trang-tim-kiem').inputValue()).toBe('quy định một trăm bốn mươi bốn')
      expect(page.url()).toContain('/tim-kiem?q=')
      expect(await page.getByRole('button', BUTTON).getAttribute('aria-pressed')).toBe('false')
    } finally {
      await context.close()
    }
  })

  it('searches from the header form on other pages', async () => {
    const { context, page } = await open('/van-ban/', recognitionStub({ transcript: 'chỉ thị ba mươi lăm' }))
    try {
      await page.locator('header').getByRole('button', BUTTON).click()
      await page.waitForURL(/\/tim-kiem\?q=/)
      expect(new URL(page.url()).searchParams.get('q')).toBe('chỉ thị ba mươi lăm')
      // Both Chỉ thị 35 of the corpus (2019 and 2024) come first.
      const titles = (await hitTitles(page)).slice(0, 2)
      expect(titles.length).toBe(2)
      expect(titles.every((t) => t.includes('35-CT/TW'))).toBe(true)
    } finally {
      await context.close()
    }
  })

  it('says in plain Vietnamese when the microphone is refused, and stays on the page', async () => {
    const { context, page } = await open('/', recognitionStub({ error: 'not-allowed' }))
    try {
      await page.getByRole('button', BUTTON).click()
      const status = page.locator('main [data-voice-status]')
      await poll(() => status.textContent()).toContain('chưa được phép dùng micrô')
      expect(new URL(page.url()).pathname).toBe('/')
      expect(await page.getByRole('button', BUTTON).getAttribute('aria-pressed')).toBe('false')
    } finally {
      await context.close()
    }
  })

  it('says so when nothing was heard', async () => {
    const { context, page } = await open('/', recognitionStub({ error: 'no-speech' }))
    try {
      await page.getByRole('button', BUTTON).click()
      await poll(() => page.locator('main [data-voice-status]').textContent()).toContain('Chưa nghe thấy tiếng nói')
    } finally {
      await context.close()
    }
  })

  it.each([
    ['home', '/', {}],
    ['search page', '/tim-kiem?q=27+qd+tw', {}],
    ['library, large text and high contrast', '/van-ban/', { 'sotay:text-size': 'large', 'sotay:contrast': 'high' }],
  ])('passes axe with the button showing: %s', async (_, url, preferences) => {
    const setPreferences = `(() => { const p = ${JSON.stringify(preferences)}; for (const k in p) localStorage.setItem(k, p[k]) })()`
    const { context, page } = await open(url, `${setPreferences};${recognitionStub({ listening: true })}`)
    try {
      const buttons = page.getByRole('button', BUTTON)
      await poll(() => buttons.first().isVisible()).toBe(true)
      // Listening: the pressed button and the status line are checked too.
      await buttons.first().click()
      await poll(() => page.locator('[data-voice-status]').first().textContent()).toContain('Đang nghe')
      expect(await buttons.first().getAttribute('aria-pressed')).toBe('true')
      const { violations } = await axeAudit(page)
      expect(violations).toEqual([])
      for (const button of await buttons.all()) {
        const box = (await button.boundingBox())!
        expect(box.height).toBeGreaterThanOrEqual(44)
        expect(box.width).toBeGreaterThanOrEqual(44)
      }
    } finally {
      await context.close()
    }
  })
})
