/**
 * Reading aids in a real browser: read aloud (with a stubbed speechSynthesis), text size and high
 * contrast remembered across pages, reading with JavaScript off, and the layout at 320 px (no
 * horizontal scrolling, tap targets of at least 44 px).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { corpus, launchBrowser, newPage, speechStub } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
const DOCUMENT = '/van-ban/quyet-dinh-27-tw-2021/'
const news = [...c.news].sort((a, b) => newestFirst(a.publishedAt, b.publishedAt))[1]!
const topic = [...c.topics].sort((a, b) => newestFirst(a.month, b.month))[0]!
const VIETNAMESE = [
  { name: 'Google US English', lang: 'en-US' },
  { name: 'Tiếng Việt', lang: 'vi-VN' },
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

type Spoken = { text: string; lang: string; voice: string | null }
/** Polls with room for a slow machine (vitest's default is one second). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 5000 })
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.slice())
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, { values(): IterableIterator<Range> }> }).highlights.get('read-aloud')
    return h ? [...h.values()].map((r) => r.toString().trim()).join(' ') : null
  })
/** The text a reader sees in the read-aloud targets, whitespace collapsed. */
const readableText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-readable]')]
      .map((e) => e.innerText)
      .join(' ')
      .replace(/\s+/g, ' '),
  )
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('read aloud', () => {
  it.each([
    ['a document', DOCUMENT],
    ['a news item', `/tin-tuc/${news.id}/`],
    ['a topic', `/chuyen-de/${topic.id}/`],
  ])('offers "Đọc to" on %s when a Vietnamese voice exists', async (_, url) => {
    const { context, page } = await newPage(browser)
    try {
      await context.addInitScript(speechStub(VIETNAMESE))
      await page.goto(site.url + url)
      await poll(() => page.getByRole('button', { name: 'Đọc to' }).isVisible()).toBe(true)
      for (const name of ['Tạm dừng', 'Đọc tiếp', 'Dừng']) expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(false)
    } finally {
      await context.close()
    }
  })

  it('reads sentence by sentence in vi-VN, highlights what it reads, and pauses, resumes and stops', async () => {
    const { context, page } = await newPage(browser)
    try {
      await context.addInitScript(speechStub(VIETNAMESE, 'manual'))
      await page.goto(site.url + DOCUMENT)
      const play = page.getByRole('button', { name: 'Đọc to' })
      const pause = page.getByRole('button', { name: 'Tạm dừng' })
      const resume = page.getByRole('button', { name: 'Đọc tiếp' })
      const stop = page.getByRole('button', { name: 'Dừng', exact: true })
      const status = page.locator('.read-aloud .status')
      const endSentence = () => page.evaluate(() => (window as unknown as { __endSpeech: () => boolean }).__endSpeech())
      const count = async () => (await spoken(page)).length
      await poll(() => play.isVisible()).toBe(true)
      const text = await readableText(page)
      const docName = squash(await page.locator('h1 .doc-name').innerText())

      await play.click()
      await poll(count).toBe(1)
      let said = await spoken(page)
      expect(said[0]).toEqual({ text: docName, lang: 'vi-VN', voice: 'vi-VN' })
      expect(await status.innerText()).toMatch(/^Đang đọc câu 1\/\d+$/)
      const total = Number((await status.innerText()).split('/')[1])
      expect(total).toBeGreaterThan(5)
      expect(await highlighted(page)).toBe(docName)
      expect(await pause.isVisible()).toBe(true)
      expect(await play.isVisible()).toBe(false)

      // Each sentence that ends starts the next one, and the highlight follows.
      for (const n of [2, 3]) {
        expect(await endSentence()).toBe(true)
        await poll(count).toBe(n)
        said = await spoken(page)
        await poll(() => status.innerText()).toBe(`Đang đọc câu ${n}/${total}`)
        expect(await highlighted(page)).toBe(squash(said[n - 1]!.text))
      }
      expect(said[1]!.text).not.toBe(said[0]!.text)

      await pause.click()
      expect(await status.innerText()).toBe(`Đã tạm dừng câu 3/${total}`)
      expect(await resume.isVisible()).toBe(true)
      expect(await pause.isVisible()).toBe(false)
      expect(await endSentence()).toBe(false) // pausing cancelled the utterance
      await page.waitForTimeout(200)
      expect(await count()).toBe(3)

      // Resuming reads the interrupted sentence again from its start, then goes on.
      await resume.click()
      await poll(count).toBe(4)
      said = await spoken(page)
      expect(said[3]!.text).toBe(said[2]!.text)
      expect(await status.innerText()).toBe(`Đang đọc câu 3/${total}`)
      expect(await endSentence()).toBe(true)
      await poll(count).toBe(5)
      await poll(() => status.innerText()).toBe(`Đang đọc câu 4/${total}`)

      await stop.click()
      expect(await status.innerText()).toBe('')
      expect(await play.isVisible()).toBe(true)
      expect(await stop.isVisible()).toBe(false)
      expect(await highlighted(page)).toBeNull()
      expect(await endSentence()).toBe(false)
      await page.waitForTimeout(200)
      expect(await count()).toBe(5)

      // Every utterance is one sentence of the page, in reading order, in Vietnamese.
      said = await spoken(page)
      let from = 0
      for (const s of [said[0]!, said[1]!, said[2]!, said[4]!]) {
        expect(s).toMatchObject({ lang: 'vi-VN', voice: 'vi-VN' })
        const at = text.indexOf(squash(s.text), from)
        expect(at, `"${s.text}" in reading order`).toBeGreaterThanOrEqual(from)
        from = at + 1
        expect(squash(s.text)).not.toMatch(/[.!?…]\s+\p{Lu}/u)
      }

      // Playing again starts from the beginning.
      await play.click()
      await poll(count).toBe(6)
      expect((await spoken(page))[5]!.text).toBe(docName)
    } finally {
      await context.close()
    }
  })

  it('reads a news item through to its last sentence', async () => {
    const { context, page } = await newPage(browser)
    try {
      await context.addInitScript(speechStub(VIETNAMESE, 5))
      await page.goto(`${site.url}/tin-tuc/${news.id}/`)
      const play = page.getByRole('button', { name: 'Đọc to' })
      await poll(() => play.isVisible()).toBe(true)
      await play.click()
      await poll(() => page.getByRole('button', { name: 'Dừng', exact: true }).isVisible()).toBe(false)
      const said = (await spoken(page)).map((s) => squash(s.text))
      expect(said[0]).toBe(news.title)
      const lastParagraph = news.body.split('\n\n').at(-1)!
      expect(lastParagraph.endsWith(said.at(-1)!)).toBe(true)
      for (const paragraph of news.body.split('\n\n')) expect(said.some((s) => paragraph.startsWith(s))).toBe(true)
      expect(await page.locator('.read-aloud .status').innerText()).toBe('')
    } finally {
      await context.close()
    }
  })

  it('stays hidden when the device has no Vietnamese voice', async () => {
    const { context, page } = await newPage(browser)
    try {
      await context.addInitScript(speechStub([{ name: 'Google US English', lang: 'en-US' }]))
      for (const url of [DOCUMENT, `/tin-tuc/${news.id}/`, `/chuyen-de/${topic.id}/`]) {
        await page.goto(site.url + url)
        await page.waitForLoadState('load')
        expect(await page.evaluate(() => (window as unknown as { __spoken?: unknown[] }).__spoken !== undefined)).toBe(true)
        await page.waitForTimeout(100)
        expect(await page.locator('[data-read-aloud]').isVisible()).toBe(false)
        expect(await page.getByRole('button', { name: 'Đọc to' }).isVisible()).toBe(false)
      }
    } finally {
      await context.close()
    }
  })
})

describe('text size and contrast', () => {
  const rootFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))
  const paragraphFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')!).fontSize))

  it('remembers a larger text size across pages', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.goto(`${site.url}/`)
      const before = { root: await rootFontSize(page), p: await paragraphFontSize(page) }
      const larger = page.getByRole('button', { name: 'Chữ lớn' })
      await poll(() => larger.isVisible()).toBe(true)
      expect(await larger.getAttribute('aria-pressed')).toBe('false')
      await larger.click()
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large')
      expect(await larger.getAttribute('aria-pressed')).toBe('true')
      expect(await rootFontSize(page)).toBeGreaterThan(before.root)

      await page.goto(site.url + DOCUMENT)
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large')
      expect(await rootFontSize(page)).toBeGreaterThan(before.root)
      expect(await paragraphFontSize(page)).toBeGreaterThan(before.p)
      expect(await page.getByRole('button', { name: 'Chữ lớn' }).getAttribute('aria-pressed')).toBe('true')

      // And back to the normal size, remembered too.
      await page.getByRole('button', { name: 'Chữ vừa' }).click()
      await page.goto(`${site.url}/van-ban/`)
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBeUndefined()
      expect(await rootFontSize(page)).toBe(before.root)
    } finally {
      await context.close()
    }
  })

  it('remembers high contrast across pages', async () => {
    const { context, page } = await newPage(browser)
    try {
      await page.goto(site.url + DOCUMENT)
      const toggle = page.getByRole('button', { name: 'Tương phản cao' })
      await poll(() => toggle.isVisible()).toBe(true)
      const normalBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      await toggle.click()
      expect(await toggle.getAttribute('aria-pressed')).toBe('true')
      await page.goto(`${site.url}/tin-tuc/`)
      expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high')
      expect(await page.getByRole('button', { name: 'Tương phản cao' }).getAttribute('aria-pressed')).toBe('true')
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(background).toBe('rgb(0, 0, 0)')
      expect(background).not.toBe(normalBackground)
    } finally {
      await context.close()
    }
  })
})

describe('without JavaScript', () => {
  it('shows the content and hides the controls that need JavaScript', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false })
    try {
      await page.goto(site.url + DOCUMENT)
      const doc = c.publicDocuments.find((d) => d.id === 'quyet-dinh-27-tw-2021')!
      expect(await page.locator('h1').innerText()).toContain(doc.title)
      expect(await page.locator('table.meta-table').isVisible()).toBe(true)
      expect(await page.locator('.prose p').first().innerText()).toBe(doc.summary.split('\n\n')[0])
      expect(await page.locator('.attachments a[download]').isVisible()).toBe(true)
      expect(await page.locator('[data-reading-controls]').isVisible()).toBe(false)
      expect(await page.locator('[data-read-aloud]').isVisible()).toBe(false)

      await page.goto(`${site.url}/chuyen-de/${topic.id}/`)
      expect(await page.locator('h1').innerText()).toContain(topic.title)
      const form = page.locator('form[data-quiz-question]').first()
      expect(await form.getByRole('button', { name: 'Kiểm tra' }).isVisible()).toBe(false)
      // The answer is still there, behind a native disclosure.
      await form.locator('summary').click()
      expect(await form.locator('details p').first().innerText()).toContain(topic.questions[0]!.choices[topic.questions[0]!.answer]!)

      await page.goto(`${site.url}/van-ban/`)
      const facet = page.locator('.facets details').first()
      await facet.locator('summary').click()
      const link = facet.locator('.facet-list a').first()
      expect(await link.isVisible()).toBe(true)
      await link.click()
      await page.waitForURL(/\/van-ban\/[^/]+\/[^/]+\/$/)
      expect(await page.locator('.card-list .card').count()).toBeGreaterThan(0)
    } finally {
      await context.close()
    }
  })
})

describe('at 320 px wide', () => {
  const pages = ['/', '/van-ban/', DOCUMENT, '/van-ban/quy-dinh-47-tw-2011/', `/tin-tuc/${news.id}/`, `/chuyen-de/${topic.id}/`]

  it.each(pages)('%s does not scroll sideways (normal and large text)', async (url) => {
    const { context, page } = await newPage(browser, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true })
    try {
      await context.addInitScript(speechStub(VIETNAMESE))
      for (const size of ['', 'large']) {
        await page.goto(site.url + url)
        if (size) {
          await page.getByRole('button', { name: 'Chữ lớn' }).click()
          await page.reload()
        }
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)))
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }))
        expect(clientWidth).toBe(320)
        expect(scrollWidth, `${url} ${size || 'normal'} text`).toBeLessThanOrEqual(clientWidth)
      }
    } finally {
      await context.close()
    }
  })

  it.each(['/van-ban/', '/van-ban/trang/2/', DOCUMENT, `/chuyen-de/${topic.id}/`, '/'])('%s has tap targets of at least 44 px', async (url) => {
    const { context, page } = await newPage(browser, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true })
    try {
      await context.addInitScript(speechStub(VIETNAMESE))
      await page.goto(site.url + url)
      await poll(() => page.locator('[data-reading-controls]').isVisible()).toBe(true)
      await page.evaluate(() => document.querySelectorAll('.facets details').forEach((d) => ((d as HTMLDetailsElement).open = true)))
      const small = await page.evaluate(() => {
        const selectors = [
          '.site-title',
          '.nav a',
          '.pagination a',
          '.pagination [aria-current]',
          '.facets summary',
          '.facet-list a',
          '.reading-controls button',
          '.read-aloud button',
          '.search-form button',
          '.search-form input',
          '.attachments a',
          '.quiz button',
          '.quiz label',
          '.quiz summary',
        ]
        const found: Array<{ selector: string; text: string; height: number }> = []
        let checked = 0
        for (const selector of selectors) {
          for (const el of document.querySelectorAll<HTMLElement>(selector)) {
            const box = el.getBoundingClientRect()
            if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
            checked += 1
            if (box.height < 44) found.push({ selector, text: el.innerText.slice(0, 40), height: box.height })
          }
        }
        return { found, checked }
      })
      expect(small.checked).toBeGreaterThan(5)
      expect(small.found).toEqual([])
    } finally {
      await context.close()
    }
  })
})
