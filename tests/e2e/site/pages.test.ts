/**
 * Every page type of the built library renders what the shared corpus says it should: home,
 * library and its facets and pages, documents, news, topics (with the quiz working in the page),
 * feeds, sitemap, robots.txt, the Vietnamese 404 and Open Graph tags.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { corpus, get, launchBrowser, listedDocumentSlugs, metaContent, newPage, ROOT, SITE_URL, textOf, type CorpusDocument } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const byId = new Map(c.publicDocuments.map((d) => [d.id, d]))
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)
const day = (iso: string) => iso.split('-').reverse().join('/')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** All document slugs of a listing, following its "Trang sau" links; checks each page's order. */
async function collectListing(start: string): Promise<{ slugs: string[]; pages: number }> {
  const slugs: string[] = []
  let next: string | undefined = start
  let pages = 0
  while (next) {
    const res = await get(site.url, next)
    expect(res.status, next).toBe(200)
    slugs.push(...listedDocumentSlugs(res.text))
    next = res.text.match(/<a href="([^"]+)" rel="next">/)?.[1]
    pages += 1
    expect(pages).toBeLessThan(20)
  }
  return { slugs, pages }
}

describe('home page', () => {
  it('shows the latest news, the newest documents, the current topic and a search box', async () => {
    const res = await get(site.url, '/')
    expect(res.status).toBe(200)
    expect(res.type).toContain('text/html')
    const html = res.text
    expect(html).toMatch(/<html lang="vi">/)
    expect(textOf(html.match(/<h1>[\s\S]*?<\/h1>/)![0])).toBe('Sổ tay đảng viên điện tử')

    const latestNews = [...c.news].sort((a, b) => newestFirst(a.publishedAt, b.publishedAt)).slice(0, 4)
    const newsSection = html.match(/<section aria-labelledby="news-heading">([\s\S]*?)<\/section>/)![1]!
    const newsLinks = [...newsSection.matchAll(/<h3><a href="\/tin-tuc\/([^/"]+)\/">/g)].map((m) => m[1])
    expect(newsLinks).toEqual(latestNews.map((n) => n.id))
    // The latest news item carries the seeded cover image.
    expect(newsSection).toMatch(/<img src="\/anh\/[^"]+"[^>]* alt="Ảnh minh họa[^"]*"/)

    const newestDocs = [...c.publicDocuments].sort((a, b) => newestFirst(a.issuedAt, b.issuedAt)).slice(0, 6)
    const docsSection = html.match(/<section aria-labelledby="docs-heading">([\s\S]*?)<\/section>/)![1]!
    expect(listedDocumentSlugs(docsSection)).toEqual(newestDocs.map((d) => d.id))

    const latestTopic = [...c.topics].sort((a, b) => newestFirst(a.month, b.month))[0]!
    const topicSection = html.match(/<section aria-labelledby="topic-heading"[\s\S]*?<\/section>/)![0]
    expect(topicSection).toContain(`href="/chuyen-de/${latestTopic.id}/"`)
    expect(textOf(topicSection)).toContain(latestTopic.title)

    const main = html.slice(html.indexOf('<main'))
    const form = main.match(/<form\b[^>]*>[\s\S]*?<\/form>/)?.[0] ?? ''
    expect(form).toMatch(/^<form\b(?=[^>]*\baction="\/tim-kiem")(?=[^>]*\bmethod="get")(?=[^>]*\brole="search")/)
    expect(form).toMatch(/<input\b(?=[^>]*\btype="search")(?=[^>]*\bname="q")/)
    expect(form).toMatch(/<button type="submit"[^>]*>Tìm kiếm<\/button>/)
  })
})

describe('library', () => {
  it('lists every public document, newest first, over paginated pages', async () => {
    const { slugs, pages } = await collectListing('/van-ban/')
    const expected = [...c.publicDocuments].sort((a, b) => newestFirst(a.issuedAt, b.issuedAt))
    expect(pages).toBe(Math.ceil(expected.length / 20))
    expect(new Set(slugs).size).toBe(slugs.length)
    expect([...slugs].sort()).toEqual(expected.map((d) => d.id).sort())
    const dates = slugs.map((s) => byId.get(s)!.issuedAt)
    expect(dates).toEqual([...dates].sort(newestFirst))

    const first = await get(site.url, '/van-ban/')
    expect(textOf(first.text)).toContain(`${expected.length} văn bản, mới nhất trước.`)
    expect(listedDocumentSlugs(first.text)).toHaveLength(20)
    const second = await get(site.url, '/van-ban/trang/2/')
    expect(second.status).toBe(200)
    expect(second.text).toMatch(/<h1>Thư viện văn bản — trang 2<\/h1>/)
    expect(second.text).toContain('<a href="/van-ban/" rel="prev">')
    expect(second.text).toMatch(/<span aria-current="page">2<\/span>/)
  })

  const STATUS_SLUG: Record<CorpusDocument['status'], string> = { 'in-force': 'con-hieu-luc', expired: 'het-hieu-luc', superseded: 'bi-thay-the' }
  // For each facet kind: how a corpus document maps to the value's URL segment or its label.
  const FACETS: Array<{ key: string; label: string; by: 'segment' | 'label'; values: (d: CorpusDocument) => string[] }> = [
    { key: 'loai', label: 'Loại văn bản', by: 'segment', values: (d) => [d.type] },
    { key: 'co-quan', label: 'Cơ quan ban hành', by: 'label', values: (d) => [d.issuer] },
    { key: 'cap', label: 'Cấp ban hành', by: 'segment', values: (d) => [d.level] },
    { key: 'nam', label: 'Năm ban hành', by: 'segment', values: (d) => [d.issuedAt.slice(0, 4)] },
    { key: 'linh-vuc', label: 'Lĩnh vực', by: 'label', values: (d) => d.fields },
    { key: 'hieu-luc', label: 'Tình trạng hiệu lực', by: 'segment', values: (d) => [STATUS_SLUG[d.status]] },
  ]

  it.each(FACETS)('has a listing per $key value with exactly its documents', async (facet) => {
    const library = (await get(site.url, '/van-ban/')).text
    const block = library.match(new RegExp(`<details><summary>${facet.label}</summary>([\\s\\S]*?)</details>`))?.[1]
    expect(block, `facet ${facet.label} on /van-ban/`).toBeDefined()
    const links = [...block!.matchAll(/<a href="\/van-ban\/([^/]+)\/([^/"]+)\/"[^>]*>([^<]*)<span class="count">\((\d+)\)<\/span><\/a>/g)].map((m) => ({
      key: m[1]!,
      segment: m[2]!,
      label: m[3]!.trim(),
      count: Number(m[4]),
    }))

    const expected = new Map<string, string[]>()
    for (const doc of c.publicDocuments) {
      for (const value of facet.values(doc)) expected.set(value, [...(expected.get(value) ?? []), doc.id])
    }
    const valueOfLink = (link: (typeof links)[number]) => (facet.by === 'segment' ? link.segment : link.label)
    expect(links.every((l) => l.key === facet.key)).toBe(true)
    expect(links.map(valueOfLink).sort()).toEqual([...expected.keys()].sort())

    for (const link of links) {
      const want = expected.get(valueOfLink(link))!
      expect(link.count, `${facet.key}/${link.segment}`).toBe(want.length)
      const { slugs, pages } = await collectListing(`/van-ban/${facet.key}/${link.segment}/`)
      expect([...slugs].sort(), `${facet.key}/${link.segment}`).toEqual([...want].sort())
      expect(pages).toBe(Math.ceil(want.length / 20))
      const dates = slugs.map((s) => byId.get(s)!.issuedAt)
      expect(dates).toEqual([...dates].sort(newestFirst))
    }
  })

  it('paginates a facet value with more than one page of documents', async () => {
    const levels = new Map<string, number>()
    for (const d of c.publicDocuments) levels.set(d.level, (levels.get(d.level) ?? 0) + 1)
    const [level, count] = [...levels].sort((a, b) => b[1] - a[1])[0]!
    expect(count).toBeGreaterThan(20) // the corpus has enough central documents to paginate
    const page2 = await get(site.url, `/van-ban/cap/${level}/trang/2/`)
    expect(page2.status).toBe(200)
    expect(listedDocumentSlugs(page2.text)).toHaveLength(count - 20)
    expect(page2.text).toContain(`<a href="/van-ban/cap/${level}/" rel="prev">`)
    expect((await get(site.url, `/van-ban/cap/${level}/trang/3/`)).status).toBe(404)
  })
})

describe('document page', () => {
  const doc = byId.get('quyet-dinh-27-tw-2021')!

  it('shows the metadata table, the summary and the attachment with its size and type', async () => {
    const { context, page } = await newPage(browser)
    try {
      const res = await page.goto(`${site.url}/van-ban/${doc.id}/`)
      expect(res?.status()).toBe(200)
      await expect(page.locator('h1').innerText()).resolves.toContain(`Quyết định số ${doc.number}`)
      await expect(page.locator('h1').innerText()).resolves.toContain(doc.title)

      const rows = await page
        .locator('table.meta-table tr')
        .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent?.trim() ?? '', tr.querySelector('td')?.textContent?.trim() ?? '']))
      const row = (label: string) => rows.find(([th]) => th === label || th.startsWith(`${label} `))?.[1]
      expect(row('Số, ký hiệu')).toBe(doc.number)
      expect(row('Loại')).toBe('Quyết định')
      expect(row('Cơ quan ban hành')).toBe(doc.issuer)
      expect(row('Cấp')).toBe('Trung ương')
      expect(row('Ngày ban hành')).toBe(day(doc.issuedAt))
      expect(row('Người ký')).toBe('Không ghi')
      expect(row('Tình trạng hiệu lực')).toBe('Còn hiệu lực')
      expect(row('Lĩnh vực')).toBe(doc.fields.join(', '))

      const summary = await page.locator('.prose p').allInnerTexts()
      expect(summary).toEqual(doc.summary.split('\n\n'))

      const original = fs.statSync(path.join(ROOT, 'scripts/seed/files/ban-goc-minh-hoa.pdf')).size
      const sizeText = `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(original / 1024)} KB`
      const download = page.locator('.attachments a[download]')
      await expect(download.count()).resolves.toBe(1)
      const href = (await download.getAttribute('href'))!
      expect(await download.innerText()).toContain('Tải về: Bản gốc (tệp PDF minh họa)')
      expect(await page.locator('.attachments li').innerText()).toContain(`(PDF, ${sizeText})`)

      const file = await get(site.url, href)
      expect(file.status).toBe(200)
      expect(file.type).toContain('application/pdf')
      expect(file.bytes.equals(fs.readFileSync(path.join(ROOT, 'scripts/seed/files/ban-goc-minh-hoa.pdf')))).toBe(true)
    } finally {
      await context.close()
    }
  })

  it('shows the published version of a document whose newer draft awaits review', async () => {
    const published = byId.get('nghi-quyet-52-tw-2019')!
    const res = await get(site.url, `/van-ban/${published.id}/`)
    expect(res.status).toBe(200)
    expect(textOf(res.text)).toContain(published.title)
    expect(textOf(res.text)).toContain(published.summary.split('\n\n')[0]!)
  })

  it('has Open Graph tags', async () => {
    const html = (await get(site.url, `/van-ban/${doc.id}/`)).text
    expect(metaContent(html, 'og:type')).toBe('article')
    expect(metaContent(html, 'og:locale')).toBe('vi_VN')
    expect(metaContent(html, 'og:site_name')).toBe('Sổ tay đảng viên điện tử')
    expect(metaContent(html, 'og:title')).toContain(`Quyết định số ${doc.number}`)
    expect(metaContent(html, 'og:description')).toContain(doc.title)
    expect(metaContent(html, 'og:url')).toBe(`${SITE_URL}/van-ban/${doc.id}/`)
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}/van-ban/${doc.id}/">`)
  })
})

describe('news', () => {
  const sorted = [...c.news].sort((a, b) => newestFirst(a.publishedAt, b.publishedAt))

  it('lists every news item, newest first', async () => {
    const res = await get(site.url, '/tin-tuc/')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/<h1>Tin tức<\/h1>/)
    const slugs = [...res.text.matchAll(/<h3><a href="\/tin-tuc\/([^/"]+)\/">/g)].map((m) => m[1])
    expect(slugs).toEqual(sorted.map((n) => n.id))
  })

  it('renders a news page with its lead, body, related documents and cover (also as og:image)', async () => {
    const item = sorted[0]!
    const res = await get(site.url, `/tin-tuc/${item.id}/`)
    expect(res.status).toBe(200)
    const text = textOf(res.text)
    expect(textOf(res.text.match(/<h1[^>]*>[\s\S]*?<\/h1>/)![0])).toBe(item.title)
    expect(text).toContain(item.lead)
    for (const paragraph of item.body.split('\n\n')) expect(text).toContain(paragraph)
    const related = res.text.match(/<section aria-labelledby="related-heading">([\s\S]*?)<\/section>/)![1]!
    expect(listedDocumentSlugs(related)).toEqual(item.relatedDocuments)
    expect(res.text).toMatch(/<figure><img src="\/anh\/[^"]+"/)

    expect(metaContent(res.text, 'og:type')).toBe('article')
    expect(metaContent(res.text, 'og:title')).toBe(item.title)
    const image = metaContent(res.text, 'og:image')!
    expect(image.startsWith(`${SITE_URL}/anh/`)).toBe(true)
    expect(metaContent(res.text, 'og:image:alt')).toBeTruthy()
    expect(Number(metaContent(res.text, 'og:image:width'))).toBe(1200)
    const served = await get(site.url, new URL(image).pathname)
    expect(served.status).toBe(200)
    expect(served.bytes.length).toBeGreaterThan(1000)
  })
})

describe('topics', () => {
  const sorted = [...c.topics].sort((a, b) => newestFirst(a.month, b.month))

  it('lists every topic, newest month first', async () => {
    const res = await get(site.url, '/chuyen-de/')
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/<h1>Chuyên đề hằng tháng<\/h1>/)
    const slugs = [...res.text.matchAll(/<a href="\/chuyen-de\/([^/"]+)\/">/g)].map((m) => m[1])
    expect(slugs).toEqual(sorted.map((t) => t.id))
  })

  it('renders a topic with its related documents and questions, and checks answers in the page', async () => {
    const topic = sorted[0]!
    const { context, page } = await newPage(browser)
    try {
      const res = await page.goto(`${site.url}/chuyen-de/${topic.id}/`)
      expect(res?.status()).toBe(200)
      expect(await page.locator('h1').innerText()).toContain(topic.title)
      expect(await page.locator('article .lede').innerText()).toBe(topic.theme)
      const related = await page.locator('section[aria-labelledby="related-heading"] h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      expect(related).toEqual(topic.relatedDocuments.map((id) => `/van-ban/${id}/`))

      const forms = page.locator('form[data-quiz-question]')
      await expect(forms.count()).resolves.toBe(topic.questions.length)
      for (const [i, q] of topic.questions.entries()) {
        const form = forms.nth(i)
        expect(await form.locator('legend').innerText()).toBe(`Câu ${i + 1}. ${q.question}`)
        const labels = form.locator('label')
        await expect(labels.count()).resolves.toBe(q.choices.length)
        const letter = String.fromCharCode(65 + q.answer)
        const check = form.getByRole('button', { name: 'Kiểm tra' })
        await expect(check.isVisible()).resolves.toBe(true)

        const wrong = q.answer === 0 ? 1 : 0
        await labels.nth(wrong).click()
        await check.click()
        await expect.poll(() => form.locator('.result').innerText(), { timeout: 5000 }).toBe(`Chưa đúng. Đáp án đúng là ${letter}.`)
        expect(await form.locator('.result').getAttribute('class')).toContain('wrong')

        await labels.nth(q.answer).click()
        await check.click()
        await expect.poll(() => form.locator('.result').innerText(), { timeout: 5000 }).toBe('Đúng. Chúc mừng đồng chí!')
        expect(await form.locator('.result').getAttribute('class')).toContain('correct')
      }
    } finally {
      await context.close()
    }
  })
})

describe('feeds, sitemap and robots.txt', () => {
  it('publishes an RSS feed of news and one of documents', async () => {
    const news = await get(site.url, '/tin-tuc/rss.xml')
    expect(news.status).toBe(200)
    expect(news.type).toMatch(/xml/)
    expect(news.text).toContain('<language>vi</language>')
    const newsLinks = [...news.text.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1])
    const sortedNews = [...c.news].sort((a, b) => newestFirst(a.publishedAt, b.publishedAt))
    expect(newsLinks).toEqual(sortedNews.map((n) => `${SITE_URL}/tin-tuc/${n.id}/`))

    const docs = await get(site.url, '/van-ban/rss.xml')
    expect(docs.status).toBe(200)
    expect(docs.type).toMatch(/xml/)
    const docLinks = [...docs.text.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]!)
    expect(docLinks.sort()).toEqual(c.publicDocuments.map((d) => `${SITE_URL}/van-ban/${d.id}/`).sort())
  })

  it('lists every public page in the sitemap, and robots.txt points at it', async () => {
    const index = await get(site.url, '/sitemap-index.xml')
    expect(index.status).toBe(200)
    const maps = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(maps.length).toBeGreaterThan(0)
    const urls: string[] = []
    for (const map of maps) {
      expect(map.startsWith(SITE_URL)).toBe(true)
      const res = await get(site.url, new URL(map).pathname)
      expect(res.status).toBe(200)
      urls.push(...[...res.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!))
    }
    const expected = [
      `${SITE_URL}/`,
      `${SITE_URL}/van-ban/`,
      `${SITE_URL}/tin-tuc/`,
      `${SITE_URL}/chuyen-de/`,
      ...c.publicDocuments.map((d) => `${SITE_URL}/van-ban/${d.id}/`),
      ...c.news.map((n) => `${SITE_URL}/tin-tuc/${n.id}/`),
      ...c.topics.map((t) => `${SITE_URL}/chuyen-de/${t.id}/`),
    ]
    for (const url of expected) expect(urls, url).toContain(url)
    expect(urls.some((u) => u.includes('/tim-kiem'))).toBe(false)
    // Exactly the public items: nothing else gets an item page in the sitemap.
    const items = (section: string, listings: string[]) =>
      urls
        .filter((u) => u.startsWith(`${SITE_URL}/${section}/`))
        .map((u) => u.slice(`${SITE_URL}/${section}/`.length).match(/^([^/]+)\/$/)?.[1])
        .filter((slug): slug is string => slug !== undefined && !listings.includes(slug))
        .sort()
    expect(items('van-ban', ['loai', 'co-quan', 'cap', 'nam', 'linh-vuc', 'hieu-luc', 'trang'])).toEqual(c.publicDocuments.map((d) => d.id).sort())
    expect(items('tin-tuc', ['trang'])).toEqual(c.news.map((n) => n.id).sort())
    expect(items('chuyen-de', [])).toEqual(c.topics.map((t) => t.id).sort())

    const robots = await get(site.url, '/robots.txt')
    expect(robots.status).toBe(200)
    expect(robots.type).toContain('text/plain')
    expect(robots.text).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`)
    expect(robots.text).toMatch(/^Disallow: \/tim-kiem$/m)
  })
})

describe('unknown addresses', () => {
  it.each(['/khong-co-trang-nay', '/van-ban/khong-ton-tai/', '/tin-tuc/khong-co-tin/'])('answer %s with the Vietnamese 404 page', async (url) => {
    const res = await get(site.url, url)
    expect(res.status).toBe(404)
    expect(res.type).toContain('text/html')
    expect(res.text).toMatch(/<html lang="vi">/)
    expect(res.text).toMatch(/<h1>Không tìm thấy trang<\/h1>/)
    expect(res.text).toContain('action="/tim-kiem"')
    expect(metaContent(res.text, 'robots')).toBe('noindex')
  })
})
