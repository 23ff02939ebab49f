/**
 * Hardening of the CMS checked against the running server (`next start`, production mode): request
 * size limits before any byte is read (with or without a Content-Length) and every upload size up
 * to the limit accepted, login cookie flags, CORS and CSRF limited to the configured origins, login
 * lockout, and the headers (no framework banner, no framing, no type sniffing). tests/cms/hardening.test.ts covers the same rules in depth
 * through Payload's handlers.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'

const cms = inject('cmsServer')
const api = (path: string, init: RequestInit = {}) => fetch(`${cms.url}${path}`, init)
const MB = 1024 * 1024
const PDF = fs.readFileSync(path.resolve(__dirname, '../../fixtures/attachments/nghi-quyet-mau.pdf')).toString('latin1')

/** The real PDF padded with a comment after its header to `bytes`: a plausible PDF of that size. */
function paddedPdf(bytes: number): Buffer {
  const header = PDF.indexOf('\n') + 1
  const padding = Math.max(0, Math.floor(bytes) - PDF.length - 2)
  return Buffer.from(`${PDF.slice(0, header)}%${'x'.repeat(padding)}\n${PDF.slice(header)}`, 'latin1')
}

function form(bytes: Buffer, name: string): FormData {
  const body = new FormData()
  body.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), name)
  body.append('_payload', JSON.stringify({ title: name }))
  return body
}

/** A body of `bytes` sent as a stream: fetch then sends it chunked, without a Content-Length. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      const size = Math.min(256 * 1024, bytes - sent)
      sent += size
      controller.enqueue(new Uint8Array(size).fill(0x20))
    },
  })
}

async function login(email: string, password: string, origin = cms.serverUrl) {
  return api('/api/users/login', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email, password }) })
}

describe('request size limits', () => {
  it('refuses a JSON body over 4 MB with 413 and a Vietnamese message', async () => {
    const res = await api('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cms.serverUrl },
      body: JSON.stringify({ title: 'x'.repeat(5 * 1024 * 1024) }),
    })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toContain('Yêu cầu quá lớn')
    const small = await api('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json', origin: cms.serverUrl }, body: '{}' })
    expect(small.status).not.toBe(413)
  })

  it('refuses a JSON body sent without a length (chunked) over 4 MB with 413', async () => {
    const res = await api('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cms.serverUrl },
      body: chunked(5 * MB),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toContain('Yêu cầu quá lớn')
  })
})

describe('upload sizes (limit 30 MB)', () => {
  let token: string
  beforeAll(async () => {
    token = (await (await login(cms.admin.email, cms.admin.password)).json()).token
  })
  const upload = (body: BodyInit, extra: RequestInit = {}) =>
    api('/api/files', { method: 'POST', body, headers: { authorization: `JWT ${token}` }, ...extra } as RequestInit)
  const count = async () => (await (await api('/api/files?limit=0', { headers: { authorization: `JWT ${token}` } })).json()).totalDocs as number

  it.each([12, 29.5])('accepts a %s MB PDF (above Next’s 10 MB default, below the limit)', async (size) => {
    const res = await upload(form(paddedPdf(size * MB), `ban-goc-${size}.pdf`))
    expect(res.status, await res.clone().text()).toBe(201)
    expect((await res.json()).doc.filesize).toBeGreaterThan(size * MB - 1024)
  })

  it.each([
    [30.5, 'vượt giới hạn 30 MB'],
    [33, 'vượt giới hạn 30 MB'],
  ])('refuses a %s MB PDF whole with 413 and the Vietnamese message', async (size, message) => {
    const before = await count()
    const res = await upload(form(paddedPdf(size * MB), `qua-lon-${size}.pdf`))
    expect(res.status).toBe(413)
    expect(await res.text()).toContain(message)
    expect(await count()).toBe(before)
  })

  it('refuses a 33 MB upload sent without a length (chunked) with 413, never a 500', async () => {
    const before = await count()
    const multipart = new Response(form(paddedPdf(33 * MB), 'khong-do-dai.pdf'))
    const res = await upload(multipart.body!, {
      headers: { authorization: `JWT ${token}`, 'content-type': multipart.headers.get('content-type')! },
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('vượt giới hạn 30 MB')
    expect(await count()).toBe(before)
  })
})

describe('cookies, CORS and CSRF', () => {
  it('sets the login cookie HttpOnly, Secure and SameSite=Lax', async () => {
    const res = await login(cms.admin.email, cms.admin.password)
    expect(res.status).toBe(200)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('payload-token='))!
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('answers CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      api('/api/documents', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } }).then((r) =>
        r.headers.get('access-control-allow-origin'),
      )
    expect(await preflight(cms.siteUrl)).toBe(cms.siteUrl)
    expect(await preflight('https://evil.example')).not.toBe('https://evil.example')
  })

  it('ignores the login cookie on a request from another origin', async () => {
    const cookie = (await login(cms.admin.email, cms.admin.password)).headers
      .getSetCookie()
      .find((c) => c.startsWith('payload-token='))!
      .split(';')[0]!
    const me = async (origin: string) => (await (await api('/api/users/me', { headers: { cookie, origin } })).json()).user
    expect((await me(cms.serverUrl))?.email).toBe(cms.admin.email)
    expect(await me('https://evil.example')).toBeNull()
  })
})

describe('login lockout', () => {
  it('locks an account after 5 wrong passwords, even against the right one', async () => {
    const { token } = await (await login(cms.admin.email, cms.admin.password)).json()
    const user = { email: 'bien.tap@sotay.example.vn', password: 'Bien-tap-Vien-2026!y' }
    const created = await api('/api/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, origin: cms.serverUrl },
      body: JSON.stringify({ ...user, name: 'Biên tập viên', role: 'editor' }),
    })
    expect(created.status).toBe(201)
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'sai-mat-khau')).status).toBe(401)
    const locked = await login(user.email, user.password)
    expect(locked.status).not.toBe(200)
  })
})

describe('headers', () => {
  it('sends no X-Powered-By banner', async () => {
    const res = await api('/api/health')
    expect(res.status).toBe(200)
    expect(res.headers.get('x-powered-by')).toBeNull()
  })

  it.each(['/admin/login', '/admin', '/api/health', '/api/documents'])('%s cannot be framed and is never type-sniffed', async (url) => {
    const res = await api(url, { redirect: 'manual' })
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
