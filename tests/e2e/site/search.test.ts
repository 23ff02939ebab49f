/**
 * Search on the built site: the on-demand JSON API and the /tim-kiem page, against the index the
 * fixture built from the CMS (the way `npm start` builds it).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import path from 'node:path'
import { ROOT, corpus, fixtureEnv, get, launchBrowser, newPage, startSiteServer } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const api = async (query: string) => {
  const res = await get(site.url, `/api/search?${query}`)
  return { status: res.status, type: res.type, body: JSON.parse(res.text) as Record<string, any> }
}

describe('GET /api/search', () => {
  it('answers the contract shape, with the exact document first for a number in any spelling', async () => {
    for (const q of ['27-QĐ/TW', '27 qd tw', 'qđ 27/tw', 'QĐ 27']) {
      const { status, type, body } = await api(`q=${encodeURIComponent(q)}`)
      expect(status, q).toBe(200)
      expect(type).toContain('application/json')
      expect(Object.keys(body).sort()).toEqual(['facets', 'hits', 'page', 'query', 'tookMs', 'total'])
      expect(body.hits[0].slug, q).toBe('quyet-dinh-27-tw-2021')
      expect(body.hits[0]).toMatchObject({ kind: 'document', number: '27-QĐ/TW', type: 'quyet-dinh', url: '/van-ban/quyet-dinh-27-tw-2021/' })
      expect(Object.keys(body.hits[0]).sort()).toEqual(['issuedAt', 'issuer', 'kind', 'number', 'slug', 'snippet', 'title', 'type', 'url'])
    }
  })

  it('finds accent-free keywords, highlights them, and counts facets', async () => {
    const { body } = await api('q=nhung+dieu+dang+vien+khong+duoc+lam')
    const slugs = body.hits.map((h: { slug: string }) => h.slug)
    expect(slugs.slice(0, 2).sort()).toEqual(['quy-dinh-37-tw-2021', 'quy-dinh-47-tw-2011'])
    // In force before superseded when otherwise equal.
    expect(slugs[0]).toBe('quy-dinh-37-tw-2021')
    const snippets = body.hits.map((h: { snippet: string }) => h.snippet).join(' ')
    expect(snippets).toMatch(/<mark>/)
    expect(snippets.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
    const kinds = Object.fromEntries(body.facets.kind.map((f: { value: string; count: number }) => [f.value, f.count]))
    expect(Object.values(kinds).reduce((a: number, b) => a + (b as number), 0)).toBe(body.total)
  })

  it('filters by type and year exactly as the corpus says', async () => {
    const { body } = await api('type=quy-dinh&year=2021&limit=50')
    const expected = c.publicDocuments
      .filter((d) => d.type === 'quy-dinh' && d.issuedAt.startsWith('2021'))
      .map((d) => d.id)
      .sort()
    expect(body.total).toBe(expected.length)
    expect(body.hits.map((h: { slug: string }) => h.slug).sort()).toEqual(expected)
  })

  it('never returns members-only, draft or secret content', async () => {
    for (const q of ['05-KH/CB', 'ket qua lanh dao 6 thang dau nam', 'quy che phoi hop quan ly dang vien']) {
      const { body } = await api(`q=${encodeURIComponent(q)}&limit=50`)
      expect(
        body.hits.map((h: { slug: string }) => h.slug).filter((s: string) => s.startsWith('internal-')),
        q,
      ).toEqual([])
    }
  })

  it('refuses bad parameters with 400 and a Vietnamese message naming the parameter', async () => {
    const cases: Array<[string, string]> = [
      ['year=20x4', 'year'],
      ['type=nghi-quyet%22%20OR%201%3D1', 'type'],
      ['issuer=%22%29%20OR%20kind%3Dnews', 'issuer'],
      ['level=tinh%20OR%20level%3Dco-so', 'level'],
      ['limit=500', 'limit'],
      ['page=0', 'page'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['q=x&q=y', 'q'],
      ['sort=date', 'sort'],
    ]
    for (const [query, parameter] of cases) {
      const { status, body } = await api(query)
      expect(status, query).toBe(400)
      expect(body.parameter, query).toBe(parameter)
      expect(body.error, query).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i)
    }
  })

  it('treats query syntax as plain words (FTS5 and Meilisearch operators have no effect)', async () => {
    for (const q of ['"dang vien" OR *', 'NEAR(dang vien)', 'dang -vien', 'vien AND', '(((', 'title:dang']) {
      const { status } = await api(`q=${encodeURIComponent(q)}`)
      expect(status, q).toBe(200)
    }
  })

  it('pages through results without overlap', async () => {
    const one = (await api('q=dang&limit=5&page=1')).body
    const two = (await api('q=dang&limit=5&page=2')).body
    expect(one.total).toBe(two.total)
    expect(one.total).toBeGreaterThan(10)
    const a = one.hits.map((h: { slug: string }) => h.slug)
    const b = two.hits.map((h: { slug: string }) => h.slug)
    expect(a.filter((s: string) => b.includes(s))).toEqual([])
  })
})

describe('/tim-kiem', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('works with JavaScript off: form, results with highlights, facet links that narrow', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false })
    await page.goto(`${site.url}/van-ban/`)
    await page.fill('header input[name="q"]', 'nghi quyet 21')
    await page.press('header input[name="q"]', 'Enter')
    await page.waitForURL(/\/tim-kiem\?q=nghi\+quyet\+21/)
    const first = await page.locator('.search-hits li h3 a').allTextContents()
    expect(first.slice(0, 2).every((t) => t.includes('21-NQ/TW'))).toBe(true)
    expect(await page.locator('.search-hits mark').count()).toBeGreaterThan(0)
    // Narrow by year through a facet link.
    await page.locator('.facets details').filter({ hasText: 'Năm' }).locator('summary').click()
    await page.locator('.facets a', { hasText: '2017' }).first().click()
    await page.waitForURL(/year=2017/)
    expect(await page.locator('.search-hits li h3 a').first().textContent()).toContain('21-NQ/TW')
    expect(await page.locator('.search-hits li').count()).toBe(1)
    await context.close()
  })

  it('updates the results while typing when JavaScript is on', async () => {
    const { context, page } = await newPage(browser)
    await page.goto(`${site.url}/tim-kiem`)
    await page.locator('#tim-trang-tim-kiem').pressSequentially('qd 144', { delay: 30 })
    await expect.poll(() => page.locator('.search-hits li h3 a').first().textContent(), { timeout: 5000 }).toContain('144-QĐ/TW')
    expect(page.url()).toContain('q=qd%20144')
    await context.close()
  })

  it('shows a clear Vietnamese message for a bad filter instead of failing', async () => {
    const res = await get(site.url, '/tim-kiem?q=dang&year=abc')
    expect(res.status).toBe(400)
    expect(res.text).toContain('Năm (year) phải là bốn chữ số')
  })
})

describe('the site server with the default, relative DATA_DIR', () => {
  it('finds the index under the project root, not inside the bundle', async () => {
    // As `npm start` runs it: DATA_DIR relative to the project root. The server code is bundled into
    // dist/server/chunks/, so "relative to the module" would point into the build output.
    const env = { ...fixtureEnv(site.dir), DATA_DIR: path.relative(ROOT, site.dataDir) }
    const server = await startSiteServer(site.distDir, env)
    try {
      const res = await get(server.url, '/api/search?q=27+qd+tw')
      expect(res.status).toBe(200)
      expect(JSON.parse(res.text).hits[0]?.slug).toBe('quyet-dinh-27-tw-2021')
    } finally {
      await server.stop()
    }
  })
})
