/**
 * One build serves any domain: a second server from the same build, started with another SITE_URL,
 * uses it in canonical links, feeds, sitemaps and robots.txt. Its health route reports the library.
 */
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { corpus, fixtureEnv, get, startSiteServer, type RunningServer } from '../../helpers/site'

const site = inject('site')
const OTHER = 'https://sotay.tinhuy-mau.vn'
let server: RunningServer

beforeAll(async () => {
  const env = { ...fixtureEnv(path.join(site.dir, 'runtime-config')), DATA_DIR: site.dataDir, SITE_URL: OTHER }
  server = await startSiteServer(site.distDir, env)
})
afterAll(async () => {
  await server?.stop()
})

describe('SITE_URL at run time', () => {
  it.each([
    ['/van-ban/quyet-dinh-27-tw-2021/', `<link rel="canonical" href="${OTHER}/van-ban/quyet-dinh-27-tw-2021/"`],
    ['/van-ban/rss.xml', `<link>${OTHER}/</link>`],
    ['/sitemap-index.xml', `<loc>${OTHER}/sitemap-0.xml</loc>`],
    ['/sitemap-0.xml', `<loc>${OTHER}/van-ban/quyet-dinh-27-tw-2021/</loc>`],
    ['/robots.txt', `Sitemap: ${OTHER}/sitemap-index.xml`],
  ])('%s uses it', async (url, expected) => {
    const res = await get(server.url, url)
    expect(res.status).toBe(200)
    expect(res.text).toContain(expected)
    expect(res.text).not.toContain('sotay.example.vn')
  })
})

describe('health', () => {
  it('reports the loaded library', async () => {
    const res = await get(server.url, '/api/health')
    expect(res.status).toBe(200)
    const body = JSON.parse(res.text)
    expect(body).toMatchObject({ status: 'ok', documents: corpus().publicDocuments.length })
  })
})
