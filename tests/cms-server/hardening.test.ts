/**
 * Hardening of the CMS checked against the running server (`next start`, production mode): request
 * size limits before any byte is read, login cookie flags, CORS and CSRF limited to the configured
 * origins, login lockout, and no framework banner. tests/security/ covers the same rules in depth
 * through Payload's handlers.
 */
import { describe, expect, inject, it } from 'vitest'

const cms = inject('cmsServer')
const api = (path: string, init: RequestInit = {}) => fetch(`${cms.url}${path}`, init)

async function login(email: string, password: string, origin = cms.serverUrl) {
  return api('/api/users/login', { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email, password }) })
}

describe('request size limits', () => {
  it('refuses a JSON body over 4 MB with 413 and a Vietnamese message', async () => {
    const res = await api('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json', origin: cms.serverUrl }, body: JSON.stringify({ title: 'x'.repeat(5 * 1024 * 1024) }) })
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toContain('Yêu cầu quá lớn')
  })

  it('refuses an upload over the upload limit with 413, and lets a small request through', async () => {
    const big = new FormData()
    big.append('file', new Blob([new Uint8Array(4 * 1024 * 1024)], { type: 'application/pdf' }), 'ban-goc.pdf')
    const res = await api('/api/files', { method: 'POST', body: big, headers: { origin: cms.serverUrl } })
    expect(res.status).toBe(413)
    const small = await api('/api/documents', { method: 'POST', headers: { 'content-type': 'application/json', origin: cms.serverUrl }, body: '{}' })
    expect(small.status).not.toBe(413)
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
      api('/api/documents', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } }).then((r) => r.headers.get('access-control-allow-origin'))
    expect(await preflight(cms.siteUrl)).toBe(cms.siteUrl)
    expect(await preflight('https://evil.example')).not.toBe('https://evil.example')
  })

  it('ignores the login cookie on a request from another origin', async () => {
    const cookie = (await login(cms.admin.email, cms.admin.password)).headers.getSetCookie().find((c) => c.startsWith('payload-token='))!.split(';')[0]!
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
})
