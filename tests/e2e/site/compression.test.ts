/**
 * How the site server sends its bytes, read off the wire (node:http, which decodes nothing):
 * every text answer compressed — Brotli where accepted, gzip otherwise — and decoding to exactly
 * the plain bytes, `Vary: Accept-Encoding`, one ETag per page whatever the coding, and 304s for
 * pages (rendered or from the route cache), build files and uploads.
 */
import http from 'node:http'
import zlib from 'node:zlib'
import { describe, expect, inject, it } from 'vitest'
import { negotiateEncoding } from '../../../site/lib/httpEncoding'
import { crawlSite, get } from '../../helpers/site'

const site = inject('site')

interface Raw {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, site.url), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

const decode = (r: Raw): Buffer => {
  switch (r.headers['content-encoding']) {
    case 'br':
      return zlib.brotliDecompressSync(r.body)
    case 'gzip':
      return zlib.gunzipSync(r.body)
    case undefined:
      return r.body
    default:
      throw new Error(`unexpected coding ${r.headers['content-encoding']}`)
  }
}

const PAGES = [
  '/',
  '/van-ban/',
  '/van-ban/loai/quy-dinh/',
  '/van-ban/quyet-dinh-27-tw-2021/',
  '/tin-tuc/',
  '/chuyen-de/',
  '/ngoai-tuyen/',
  '/tim-kiem?q=27+qd+tw',
  '/van-ban/rss.xml',
  '/sitemap-0.xml',
  '/manifest.webmanifest',
  '/khong-co-trang-nay/',
]

describe('content coding', () => {
  it('picks Brotli, then gzip, honouring q=0 and *', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip, deflate')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip')
    expect(negotiateEncoding('br;q=0, *')).toBe('gzip')
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding('identity')).toBe('identity')
    expect(negotiateEncoding('gzip;q=0')).toBe('identity')
    expect(negotiateEncoding(null)).toBe('identity')
  })

  it.each(PAGES)('%s: Brotli, gzip and plain decode to the same bytes, with Vary and one ETag', async (path) => {
    // Twice: rendered (MISS), then from the route cache (HIT) where the page is cached.
    for (const round of [1, 2]) {
      const plain = await raw(path)
      const br = await raw(path, { 'Accept-Encoding': 'gzip, deflate, br' })
      const gz = await raw(path, { 'Accept-Encoding': 'gzip' })
      const label = `${path} #${round}`
      expect(plain.headers['content-encoding'], label).toBeUndefined()
      expect(plain.body.length, label).toBeGreaterThan(512)
      expect(br.headers['content-encoding'], label).toBe('br')
      expect(gz.headers['content-encoding'], label).toBe('gzip')
      for (const r of [plain, br, gz]) {
        expect(r.status, label).toBe(plain.status)
        expect(r.headers.vary?.toLowerCase(), label).toContain('accept-encoding')
        expect(Number(r.headers['content-length']), label).toBe(r.body.length)
      }
      expect(decode(br).equals(plain.body), label).toBe(true)
      expect(decode(gz).equals(plain.body), label).toBe(true)
      expect(br.body.length, label).toBeLessThan(plain.body.length * 0.6)
      if (plain.status === 200) {
        expect(plain.headers.etag, label).toMatch(/^W\/"[\w-]+"$/)
        expect(br.headers.etag).toBe(plain.headers.etag)
        expect(gz.headers.etag).toBe(plain.headers.etag)
      }
    }
  })

  it('compresses search answers (JSON), which differ only in their timing', async () => {
    const path = '/api/search?q=nghi+quyet'
    const plain = await raw(path)
    const br = await raw(path, { 'Accept-Encoding': 'br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('Accept-Encoding')
    const json = (bytes: Buffer) => ({ ...JSON.parse(bytes.toString('utf8')), tookMs: 0 })
    expect(json(decode(br))).toEqual(json(plain.body))
    expect(json(plain.body).hits.length).toBeGreaterThan(0)
  })

  it('compresses every text page and feed a visitor can reach', async () => {
    const pages = (await crawlSite(site.url)).filter((p) => /^(text\/|application\/(xml|rss\+xml|json))/.test(p.type))
    expect(pages.length).toBeGreaterThan(50)
    const uncompressed: string[] = []
    for (const page of pages) {
      const br = await raw(page.path, { 'Accept-Encoding': 'br, gzip' })
      if (br.body.length >= 512 && br.headers['content-encoding'] !== 'br') uncompressed.push(page.path)
      else expect(decode(br).toString('utf8'), page.path).toBe(page.text)
    }
    expect(uncompressed).toEqual([])
  })

  it('sends the build files precompressed, long-cached when hashed', async () => {
    const home = await get(site.url, '/')
    const assets = [...home.text.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!)
    expect(assets.length).toBeGreaterThan(0)
    for (const path of [...assets, '/sw.js']) {
      const plain = await raw(path)
      const br = await raw(path, { 'Accept-Encoding': 'br, gzip' })
      const gz = await raw(path, { 'Accept-Encoding': 'gzip' })
      expect(br.headers['content-encoding'], path).toBe('br')
      expect(gz.headers['content-encoding'], path).toBe('gzip')
      expect(decode(br).equals(plain.body)).toBe(true)
      expect(decode(gz).equals(plain.body)).toBe(true)
      expect(br.headers.vary).toBe('Accept-Encoding')
      expect(br.headers['x-content-type-options']).toBe('nosniff')
      expect(br.headers['cache-control'], path).toBe(path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      const again = await raw(path, { 'Accept-Encoding': 'br, gzip', 'If-None-Match': br.headers.etag! })
      expect(again.status, path).toBe(304)
      expect(again.body.length).toBe(0)
    }
  })
})

describe('conditional requests', () => {
  it.each(['/van-ban/quyet-dinh-27-tw-2021/', '/', '/van-ban/rss.xml', '/tim-kiem?q=27+qd+tw'])(
    '%s answers 304 to its ETag, rendered or cached, and 200 to another',
    async (path) => {
      const first = await raw(path, { 'Accept-Encoding': 'br' })
      const etag = first.headers.etag!
      for (const round of [1, 2]) {
        const again = await raw(path, { 'Accept-Encoding': 'br', 'If-None-Match': etag })
        expect(again.status, `${path} #${round}`).toBe(304)
        expect(again.body.length).toBe(0)
        expect(again.headers.etag).toBe(etag)
        expect(again.headers['content-encoding']).toBeUndefined()
        expect(again.headers['x-content-type-options']).toBe('nosniff')
        // A gzip client holding the same page gets a 304 too: the tag names the content.
        expect((await raw(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': `"x", ${etag}` })).status).toBe(304)
      }
      const other = await raw(path, { 'Accept-Encoding': 'br', 'If-None-Match': 'W/"something-else"' })
      expect(other.status).toBe(200)
      expect(other.body.length).toBeGreaterThan(0)
    },
  )

  it('uploads answer 304 to their ETag and to If-Modified-Since', async () => {
    const doc = await get(site.url, '/van-ban/quyet-dinh-27-tw-2021/')
    const file = /href="(\/tep\/[^"]+)"/.exec(doc.text)![1]!
    const first = await raw(file)
    expect(first.status).toBe(200)
    expect(first.headers['content-encoding']).toBeUndefined()
    expect(first.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect((await raw(file, { 'If-None-Match': first.headers.etag! })).status).toBe(304)
    expect((await raw(file, { 'If-Modified-Since': first.headers['last-modified']! })).status).toBe(304)
    expect((await raw(file, { 'If-Modified-Since': new Date(Date.parse(first.headers['last-modified']!) - 60_000).toUTCString() })).status).toBe(200)
    // If-None-Match wins over If-Modified-Since (RFC 9110, 13.2.2).
    expect((await raw(file, { 'If-None-Match': '"other"', 'If-Modified-Since': first.headers['last-modified']! })).status).toBe(200)
  })

  it('a HEAD request gets the headers of the compressed page and no body', async () => {
    const head = await raw('/van-ban/', { 'Accept-Encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-encoding']).toBe('br')
    expect(head.body.length).toBe(0)
  })
})
