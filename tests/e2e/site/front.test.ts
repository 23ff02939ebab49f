/**
 * The front server (deploy/nginx/, the `front` service of docker-compose.yml) run in front of the
 * test site with its checked-in configuration: TLS, the build's files and the uploads answered
 * from disk (precompressed, long-cached when hashed), pages through the one-second micro-cache
 * compressed by the site server, never a cached answer for a request with credentials nor one the
 * site marks private, the security headers on everything, and request limits.
 * Needs nginx and its Brotli module (scripts/ensure-nginx.sh installs them); otherwise SKIPPED.
 */
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { findNginx, startFrontServer, type RunningFront } from '../../../scripts/lib/frontServer'
import { freePort } from '../../../scripts/lib/net'
import { get } from '../../helpers/site'
import { startSwitchableProxy, type SwitchableProxy } from '../../helpers/switchableProxy'

const site = inject('site')
const nginx = findNginx()
if (!('bin' in nginx)) console.log(`SKIPPED: front server tests (${nginx.missing})`)

let front: RunningFront
let limited: RunningFront
let upstream: SwitchableProxy

beforeAll(async () => {
  if (!('bin' in nginx)) return
  // Between nginx and the site: a proxy that lets a test mark an answer private.
  upstream = await startSwitchableProxy(site.url)
  const base = { clientDir: path.join(site.distDir, 'client'), dataDir: site.dataDir, upstream: new URL(upstream.url).host }
  front = await startFrontServer(nginx.bin, { ...base, workDir: path.join(site.dir, 'front'), httpPort: await freePort(), httpsPort: await freePort() })
  limited = await startFrontServer(nginx.bin, {
    ...base,
    upstream: new URL(site.url).host,
    workDir: path.join(site.dir, 'front-limited'),
    httpPort: await freePort(),
    httpsPort: await freePort(),
    limitLoopback: true,
  })
})
afterAll(async () => {
  await front?.stop()
  await limited?.stop()
  await upstream?.close()
})

interface Raw {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}
function request(base: string, pathname: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, base)
    const client = url.protocol === 'https:' ? https : http
    const req = client.request(url, { headers, agent: false, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}
const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(r.body) : r.body
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'strict-transport-security': 'max-age=31536000',
}

describe.skipIf(!('bin' in nginx))('front server', () => {
  it('sends plain HTTP to HTTPS, except certificate challenges', async () => {
    const res = await request(front.http, '/van-ban/?trang=2')
    expect(res.status).toBe(301)
    expect(res.headers.location).toBe('https://127.0.0.1/van-ban/?trang=2')
    const acme = path.join(site.dir, 'front/acme/.well-known/acme-challenge')
    fs.mkdirSync(acme, { recursive: true })
    fs.writeFileSync(path.join(acme, 'token-1'), 'proof')
    const challenge = await request(front.http, '/.well-known/acme-challenge/token-1')
    expect(challenge.status).toBe(200)
    expect(challenge.body.toString()).toBe('proof')
  })

  it('passes pages through compressed by the site server, and keeps them for a second', async () => {
    const path = '/van-ban/loai/nghi-quyet/'
    const direct = await get(site.url, path)
    const first = await request(front.https, path, { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(first.status).toBe(200)
    expect(first.headers['content-encoding']).toBe('br')
    expect(decode(first).toString('utf8')).toBe(direct.text)
    for (const [name, value] of Object.entries(SECURITY)) expect(first.headers[name], name).toBe(value)
    expect(first.headers['content-security-policy']).toMatch(/script-src/)
    const again = await request(front.https, path, { 'Accept-Encoding': 'br' })
    expect(again.headers['x-cache-status']).toBe('HIT')
    expect(again.body.equals(first.body)).toBe(true)
    // Each coding is its own copy; a client taking none gets plain bytes.
    const gz = await request(front.https, path, { 'Accept-Encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(decode(gz).toString('utf8')).toBe(direct.text)
    const plain = await request(front.https, path)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString('utf8')).toBe(direct.text)
    // The ETag survives the front server: a browser's copy is confirmed with a 304.
    const revalidated = await request(front.https, path, { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag! })
    expect(revalidated.status).toBe(304)
  })

  it('asks the site server again once the copy expired, and shows the change', async () => {
    const path = '/chuyen-de/'
    upstream.rewrite.set(path, (a) => a)
    await request(front.https, path, { 'Accept-Encoding': 'br' })
    expect((await request(front.https, path, { 'Accept-Encoding': 'br' })).headers['x-cache-status']).toBe('HIT')
    upstream.rewrite.set(path, (a) => ({ ...a, body: Buffer.from(a.body.toString('utf8').replace('</h1>', ' — đã sửa</h1>')) }))
    // nginx counts validity in whole seconds: "1s" ends one to two seconds after the copy was made.
    await new Promise((r) => setTimeout(r, 2100))
    const after = await request(front.https, path, { 'Accept-Encoding': 'br' })
    expect(decode(after).toString('utf8')).toContain(' — đã sửa</h1>')
    upstream.rewrite.delete(path)
  })

  it('never caches an answer marked private or no-store, nor serves a cached one to a request with credentials', async () => {
    for (const [i, cacheControl] of ['private, no-cache', 'no-store'].entries()) {
      const path = `/van-ban/trang/${2 + i}/`
      upstream.rewrite.set(path, (a) => ({ ...a, headers: { ...a.headers, 'cache-control': cacheControl } }))
      const before = upstream.requested.filter((p) => p === path).length
      for (let n = 0; n < 3; n++) expect((await request(front.https, path)).headers['x-cache-status'], `${cacheControl} #${n}`).toBe('MISS')
      expect(upstream.requested.filter((p) => p === path).length - before).toBe(3)
      upstream.rewrite.delete(path)
    }
    await request(front.https, '/tin-tuc/')
    expect((await request(front.https, '/tin-tuc/')).headers['x-cache-status']).toBe('HIT')
    for (const headers of [{ Cookie: 'payload-token=abc' }, { Authorization: 'Bearer abc' }] as Array<Record<string, string>>) {
      expect((await request(front.https, '/tin-tuc/', headers)).headers['x-cache-status']).toBe('BYPASS')
    }
  })

  it('answers the build files from disk, precompressed and cached for a year', async () => {
    const home = await get(site.url, '/')
    const css = /href="(\/_astro\/[^"]+\.css)"/.exec(home.text)![1]!
    const plain = fs.readFileSync(path.join(site.distDir, 'client', css))
    const before = upstream.requested.length
    for (const coding of ['br', 'gzip']) {
      const res = await request(front.https, css, { 'Accept-Encoding': coding })
      expect(res.headers['content-encoding']).toBe(coding)
      expect(decode(res).equals(plain)).toBe(true)
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers.vary).toBe('Accept-Encoding')
      for (const [name, value] of Object.entries(SECURITY)) expect(res.headers[name], name).toBe(value)
      expect((await request(front.https, css, { 'Accept-Encoding': coding, 'If-None-Match': res.headers.etag! })).status).toBe(304)
    }
    const sw = await request(front.https, '/sw.js', { 'Accept-Encoding': 'br' })
    expect(sw.headers['cache-control']).toBe('no-cache')
    expect(sw.headers['content-type']).toMatch(/javascript/)
    expect((await request(front.https, '/icons/icon-192.png')).headers['content-type']).toBe('image/png')
    expect(upstream.requested.length, 'none of these reached the site server').toBe(before)
  })

  it('answers public uploads from the site copies, with the site server’s validators', async () => {
    const doc = await get(site.url, '/van-ban/quyet-dinh-27-tw-2021/')
    const file = /href="(\/tep\/[^"]+)"/.exec(doc.text)![1]!
    const direct = await get(site.url, file)
    const before = upstream.requested.length
    const res = await request(front.https, file)
    expect(res.status).toBe(200)
    expect(res.body.equals(direct.bytes)).toBe(true)
    expect(res.headers['cache-control']).toBe('public, max-age=300')
    expect(res.headers.etag).toBe(direct.headers.get('etag'))
    expect((await request(front.https, file, { 'If-None-Match': res.headers.etag! })).status).toBe(304)
    expect(upstream.requested.length).toBe(before)
    // A name the site does not have: the site server's 404 page.
    const missing = await request(front.https, '/tep/khong-co-tep-nay.pdf')
    expect(missing.status).toBe(404)
    expect(upstream.requested.at(-1)).toBe('/tep/khong-co-tep-nay.pdf')
  })

  it('refuses large bodies and limits requests per client', async () => {
    const big = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        new URL('/nhan-thong-bao/', front.https),
        { method: 'POST', rejectUnauthorized: false, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(100 * 1024) } },
        (res) => {
          res.resume()
          resolve(res.statusCode!)
        },
      )
      req.on('error', reject)
      req.end(Buffer.alloc(100 * 1024, 'a'))
    })
    expect(big).toBe(413)
    // The second server applies the limits to loopback too: a burst of searches is cut at 429.
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => request(limited.https, `/api/search?q=nghi+quyet+${i}`).then((r) => r.status)))
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0)
  })
})
