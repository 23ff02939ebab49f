/**
 * Production hardening of the CMS, checked against Payload's real REST handlers (the ones the Next
 * app mounts under /api) with real requests: first-run form and password rule, secure cookies,
 * CORS and CSRF limited to the configured origins, login lockout, upload type checks by content.
 */
import type { Payload } from 'payload'
import { REST_GET, REST_OPTIONS, REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganizations, createUsers, PASSWORD } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'

const CMS = 'https://cms.so-tay.example.vn'
const SITE = 'https://sotay.example.vn'
const EVIL = 'https://evil.example.com'

let payload: Payload

beforeAll(async () => {
  process.env.SERVER_URL = CMS
  process.env.SITE_URL = SITE
  payload = await startPayload()
})
afterAll(async () => {
  delete process.env.SERVER_URL
  delete process.env.SITE_URL
  await payload?.destroy()
})

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** One request through the real handler; returns the raw Response (headers included). */
async function call(method: 'GET' | 'POST' | 'OPTIONS', path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const handler = ({ GET: REST_GET, POST: REST_POST, OPTIONS: REST_OPTIONS }[method] as (c: unknown) => Handler)(payload.config)
  const url = new URL(`/api${path}`, CMS)
  const request = new Request(url, {
    method,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const response = await handler(request, { params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }) })
  const text = await response.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, json, text }
}

const login = (email: string, password: string) => call('POST', '/users/login', { body: { email, password } })

describe('first admin and passwords', () => {
  it('the first-run form refuses a weak password and creates nothing', async () => {
    const res = await call('POST', '/users/first-register', { body: { email: 'quantri@so-tay.test', password: 'matkhau123', name: 'Quản trị' } })
    expect(res.status).toBe(400)
    expect(res.text).toContain('Mật khẩu quá yếu')
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(0)
  })

  it('the first-run form creates the first admin once, then is closed', async () => {
    const first = await call('POST', '/users/first-register', { body: { email: 'quantri@so-tay.test', password: PASSWORD, name: 'Quản trị' } })
    expect(first.status).toBe(200)
    const again = await call('POST', '/users/first-register', { body: { email: 'ke-gian@so-tay.test', password: PASSWORD, name: 'Kẻ gian' } })
    expect(again.status).toBe(403)
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(1)
    const orgs = await createOrganizations(payload)
    await createUsers(payload, orgs.branch.id)
  })

  it('a password reset refuses a weak password (the reset bypasses field hooks)', async () => {
    const token = await payload.forgotPassword({ collection: 'users', data: { email: 'contributor@so-tay.test' }, disableEmail: true })
    const weak = await call('POST', '/users/reset-password', { body: { token, password: 'abc12345' } })
    expect(weak.status).toBe(400)
    expect(weak.text).toContain('Mật khẩu quá yếu')
    expect((await login('contributor@so-tay.test', PASSWORD)).status).toBe(200)
    expect((await login('contributor@so-tay.test', 'abc12345')).status).toBe(401)
  })
})

describe('cookies, CORS and CSRF', () => {
  it('sets the login cookie HttpOnly, Secure and SameSite=Lax', async () => {
    const res = await login('editor@so-tay.test', PASSWORD)
    expect(res.status).toBe(200)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=[^;]+;/)
    expect(cookie).toMatch(/;\s*Secure/i)
    expect(cookie).toMatch(/;\s*HttpOnly/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax/i)
  })

  it('answers CORS only for the configured origins', async () => {
    for (const origin of [CMS, SITE]) {
      const res = await call('OPTIONS', '/documents', { headers: { origin } })
      expect(res.headers.get('access-control-allow-origin'), origin).toBe(origin)
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    }
    const evil = await call('GET', '/documents', { headers: { origin: EVIL } })
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await call('OPTIONS', '/documents', { headers: { origin: EVIL } })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('ignores the login cookie on requests from other origins (CSRF)', async () => {
    const token = (await login('admin@so-tay.test', PASSWORD)).json.token as string
    const me = (headers: Record<string, string>) => call('GET', '/users/me', { headers: { cookie: `payload-token=${token}`, ...headers } })
    expect((await me({ origin: CMS })).json.user?.email).toBe('admin@so-tay.test')
    expect((await me({ origin: EVIL })).json.user).toBeNull()
    // No Origin: only same-site navigations count; a cross-site one (or a non-browser client) does not.
    expect((await me({ 'sec-fetch-site': 'same-origin' })).json.user?.email).toBe('admin@so-tay.test')
    expect((await me({ 'sec-fetch-site': 'cross-site' })).json.user).toBeNull()
    // A cross-origin write with the cookie is anonymous, so refused.
    const write = await call('POST', '/subjects', { headers: { cookie: `payload-token=${token}`, origin: EVIL }, body: { name: 'Lĩnh vực giả mạo' } })
    expect(write.status).toBe(403)
    expect((await payload.count({ collection: 'subjects', where: { name: { equals: 'Lĩnh vực giả mạo' } } })).totalDocs).toBe(0)
  })
})

describe('login lockout', () => {
  it('locks an account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    for (let i = 0; i < 5; i++) expect((await login('contributor@so-tay.test', `Sai-mat-khau-${i}-X`)).status).toBe(401)
    const locked = await login('contributor@so-tay.test', PASSWORD)
    expect(locked.status).not.toBe(200)
    expect(locked.json?.token).toBeUndefined()
    expect(locked.text).toContain('bị khóa')
    const user = (await payload.db.findOne<{ id: string; lockUntil?: string }>({
      collection: 'users',
      where: { email: { equals: 'contributor@so-tay.test' } },
    }))!
    const minutes = (new Date(user.lockUntil!).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)
    // Other accounts are not affected.
    expect((await login('publisher@so-tay.test', PASSWORD)).status).toBe(200)
  })
})

describe('uploads', () => {
  async function upload(collection: string, name: string, type: string, bytes: Uint8Array, data: Record<string, unknown>) {
    const token = (await login('editor@so-tay.test', PASSWORD)).json.token as string
    const form = new FormData()
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name)
    form.append('_payload', JSON.stringify(data))
    const request = new Request(`${CMS}/api/${collection}`, { method: 'POST', body: form, headers: { authorization: `JWT ${token}` } })
    const response = await (REST_POST(payload.config) as unknown as Handler)(request, { params: Promise.resolve({ slug: [collection] }) })
    return { status: response.status, text: await response.text() }
  }

  it('checks the type by content, not by the declared type or name', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>')
    expect((await upload('files', 'nghi-quyet.pdf', 'application/pdf', html, { title: 'Giả PDF' })).status).toBe(400)
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    expect((await upload('media', 'anh.png', 'image/png', svg, { alt: 'Giả ảnh' })).status).toBe(400)
    expect((await payload.count({ collection: 'files' })).totalDocs + (await payload.count({ collection: 'media' })).totalDocs).toBe(0)
  })
})

describe('health', () => {
  it('GET /api/health answers 200 when the database does', async () => {
    const res = await call('GET', '/health')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ status: 'ok' })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
