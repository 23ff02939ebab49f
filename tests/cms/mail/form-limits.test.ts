/**
 * The forms that make the CMS send mail to a typed-in address — the subscription form (also called
 * directly, skipping the site and its honeypot) and "forgot password" — are limited per client
 * address and per e-mail address, with a Vietnamese 429, counted in the database, and send nothing
 * over the limit. Real SQLite, Payload's REST handlers, a real SMTP server.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRequest } from '../../../cms/limits/countRequest'
import type { TestSmtpServer } from './helpers/smtp'
import { drainMail, startMailWorld } from './helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let users: Awaited<ReturnType<typeof startMailWorld>>['users']

beforeAll(async () => {
  ;({ payload, smtp, rest, users } = await startMailWorld({ MAIL_FORM_LIMIT_PER_IP: '3', MAIL_FORM_LIMIT_PER_ADDRESS: '2', MAIL_FORM_WINDOW_MINUTES: '60' }))
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

const TOO_MANY = /quá nhiều yêu cầu.*thử lại sau khoảng \d+ phút/
const from = (ip: string) => ({ 'x-forwarded-for': ip })
const subscribe = (email: string, ip: string, extra: Record<string, unknown> = {}) =>
  rest.post('/subscribers/subscribe', { email, frequency: 'daily', news: true, ...extra }, undefined, from(ip))
const forgot = (email: string, ip: string) => rest.post('/users/forgot-password', { email }, undefined, from(ip))
const subscribers = async (email: string) =>
  (await payload.count({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true })).totalDocs

describe('the subscription endpoint (direct calls)', () => {
  it('accepts 3 requests per client address, then answers 429 in Vietnamese and stores and sends nothing', async () => {
    for (let i = 1; i <= 3; i++) expect((await subscribe(`ban.doc.${i}@example.vn`, '198.51.100.7')).status).toBe(202)
    const refused = await subscribe('ban.doc.4@example.vn', '198.51.100.7')
    expect(refused.status).toBe(429)
    expect(refused.json.message).toMatch(TOO_MANY)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await subscribers('ban.doc.4@example.vn')).toBe(0)
    await drainMail(payload)
    expect(smtp.to('ban.doc.4@example.vn')).toHaveLength(0)
    expect(smtp.to('ban.doc.3@example.vn')).toHaveLength(1)
    // Another client is not affected; behind the TLS proxy the last X-Forwarded-For entry counts.
    expect((await subscribe('ban.doc.5@example.vn', '198.51.100.8')).status).toBe(202)
    expect((await subscribe('ban.doc.6@example.vn', 'gia-mao, 198.51.100.9')).status).toBe(202)
  })

  it('accepts 2 requests per e-mail address from any clients, then 429', async () => {
    const email = 'mot.dia.chi@example.vn'
    expect((await subscribe(email, '203.0.113.1')).status).toBe(202)
    expect((await subscribe(email, '203.0.113.2')).status).toBe(202)
    const refused = await subscribe(email, '203.0.113.3')
    expect(refused.status).toBe(429)
    expect(refused.json.message).toMatch(TOO_MANY)
    // The same address in another spelling is the same address.
    expect((await subscribe(' Mot.Dia.Chi@Example.VN', '203.0.113.4')).status).toBe(429)
  })

  it('counts an IPv6 client by its /64 network', async () => {
    for (let i = 1; i <= 3; i++) expect((await subscribe(`ipv6.${i}@example.vn`, `2001:db8:1:2::${i}`)).status).toBe(202)
    expect((await subscribe('ipv6.4@example.vn', '2001:db8:1:2:ffff::9')).status).toBe(429)
  })

  it('applies the form’s honeypot to direct calls: accepted in words, nothing stored or sent', async () => {
    const res = await subscribe('robot@example.vn', '192.0.2.50', { website: 'http://quang-cao.example' })
    expect(res.status).toBe(202)
    expect(await subscribers('robot@example.vn')).toBe(0)
  })

  it('refuses a body that is not JSON or a form with a Vietnamese 400', async () => {
    const res = await rest.post('/subscribers/subscribe', '{"email": ', undefined, from('192.0.2.60'))
    expect(res.status).toBe(400)
    expect(res.json.message).toContain('không đúng định dạng')
  })
})

describe('forgot password', () => {
  it('is limited per client address, the same for known and unknown addresses; nothing is sent over the limit', async () => {
    const ip = '198.51.100.20'
    expect((await forgot(users.editor.email, ip)).status).toBe(200)
    expect((await forgot('khong-co-ai-1@example.vn', ip)).status).toBe(200)
    expect((await forgot('khong-co-ai-2@example.vn', ip)).status).toBe(200)
    const known = await forgot(users.publisher.email, ip)
    const unknown = await forgot('khong-co-ai-3@example.vn', ip)
    expect(known.status).toBe(429)
    expect(known.json.errors[0].message).toMatch(TOO_MANY)
    expect(unknown.status).toBe(429)
    expect(Number(known.headers.get('retry-after'))).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 500))
    expect(smtp.to(users.publisher.email)).toHaveLength(0)
  })

  it('is limited per e-mail address from any clients', async () => {
    const email = users.contributor.email
    expect((await forgot(email, '198.51.100.31')).status).toBe(200)
    expect((await forgot(email, '198.51.100.32')).status).toBe(200)
    expect((await forgot(email, '198.51.100.33')).status).toBe(429)
    for (let i = 0; i < 40 && smtp.to(email).length < 2; i++) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.to(email)).toHaveLength(2)
  })
})

describe('the counters', () => {
  it('live in the database, keep no address in the clear, and start again with each window', async () => {
    const { docs } = await payload.find({ collection: 'request-counts', limit: 1000, overrideAccess: true })
    expect(docs.length).toBeGreaterThan(0)
    const stored = JSON.stringify(docs)
    for (const clear of ['198.51.100.7', 'ban.doc.1@example.vn', users.editor.email]) expect(stored).not.toContain(clear)

    const hour = 60 * 60 * 1000
    const start = Math.ceil(Date.now() / hour) * hour + 10 * hour
    expect((await countRequest(payload, 'thu', 'x', hour, { now: start })).count).toBe(1)
    expect((await countRequest(payload, 'thu', 'x', hour, { now: start + 1000 })).count).toBe(2)
    const next = await countRequest(payload, 'thu', 'x', hour, { now: start + hour })
    expect(next.count).toBe(1)
    expect(next.resetsAt.getTime()).toBe(start + 2 * hour)
    // Starting the new window dropped every counter whose window had ended.
    const left = await payload.find({
      collection: 'request-counts',
      where: { expiresAt: { less_than_equal: new Date(start + hour).toISOString() } },
      overrideAccess: true,
    })
    expect(left.totalDocs).toBe(0)
  })

  it('count parallel requests exactly', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => countRequest(payload, 'song-song', 'y', 60_000)))
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })
})
