import { describe, expect, it } from 'vitest'
import { matches } from '../../../cms/email/content/matches'
import type { MailItem } from '../../../cms/publish/mail/items'
import { classifySmtpError, backoffMs } from '../../../cms/email/queue/smtpErrors'
import { excerpt } from '../../../cms/email/render/format'
import { htmlToText } from '../../../cms/email/render/htmlToText'
import { validateSubscribeRequest } from '../../../core/subscriptions/request'
import { signToken, tokenSubject, verifyToken } from '../../../cms/email/tokens'
import { freshEnvironment } from '../../helpers/payload'

freshEnvironment()

describe('signed links', () => {
  const id = '0f5a1c2e-7b1d-4f3a-9c55-3b2a1d0e9f88'

  it('verify for their own subscriber, purpose and key only', () => {
    const confirm = signToken('confirm', id, 'key-1')
    expect(tokenSubject(confirm)).toBe(id)
    expect(verifyToken('confirm', confirm, id, 'key-1')).toBe(true)
    expect(verifyToken('confirm', confirm, id, 'key-2')).toBe(false)
    expect(verifyToken('unsubscribe', confirm, id)).toBe(false)
    expect(verifyToken('confirm', confirm, '0f5a1c2e-7b1d-4f3a-9c55-3b2a1d0e9f89', 'key-1')).toBe(false)
    const unsubscribe = signToken('unsubscribe', id)
    expect(verifyToken('unsubscribe', unsubscribe, id)).toBe(true)
    expect(verifyToken('unsubscribe', `${unsubscribe}x`, id)).toBe(false)
    expect(verifyToken('unsubscribe', unsubscribe.slice(0, -1), id)).toBe(false)
  })

  it('reject malformed input before any lookup', () => {
    for (const bad of [undefined, 42, '', 'no-dot', '.sig', `${'a'.repeat(65)}.sig`, "x' OR 1=1.sig", 'a'.repeat(300)]) expect(tokenSubject(bad)).toBeNull()
  })
})

describe('the subscription request', () => {
  it('normalises the address and reads checkboxes as sent by a form', () => {
    const result = validateSubscribeRequest({ email: '  Trần.Bình@Example.VN ', frequency: 'daily', subjects: 'abc-123', topics: 'on' })
    expect(result.ok).toBe(false) // "ầ" is not accepted in the local part by the e-mail rule
    const ok = validateSubscribeRequest({ email: '  Tran.Binh@Example.VN ', frequency: 'daily', subjects: 'abc-123', topics: 'on' })
    expect(ok).toEqual({
      ok: true,
      value: {
        email: 'tran.binh@example.vn',
        frequency: 'daily',
        documents: true,
        documentTypes: [],
        subjects: ['abc-123'],
        issuers: [],
        topics: true,
        news: false,
      },
    })
  })

  it('names each problem in Vietnamese, per field', () => {
    const result = validateSubscribeRequest({ email: '', frequency: 'weekly', documentTypes: ['khong-co'], subjects: ['../../etc'] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['documentTypes', 'email', 'frequency', 'subjects'])
    for (const message of Object.values(result.errors)) expect(message).toBe(message.normalize('NFC'))
  })
})

describe('what a subscriber follows', () => {
  const item = (over: Partial<MailItem> = {}): MailItem => ({
    ref: { collection: 'documents', id: 'd1' },
    label: '',
    number: '1-NQ/TW',
    title: '',
    facts: [],
    excerpt: '',
    url: '',
    type: 'nghi-quyet',
    subjectIds: ['s1', 's2'],
    issuerId: 'o1',
    ...over,
  })
  const choices = { documents: true, documentTypes: [] as string[], subjects: [] as string[], issuers: [] as string[], topics: false, news: false }

  it('narrows documents by type, field and issuer; empty means any', () => {
    expect(matches(choices, item())).toBe(true)
    expect(matches({ ...choices, documentTypes: ['chi-thi'] }, item())).toBe(false)
    expect(matches({ ...choices, documentTypes: ['chi-thi', 'nghi-quyet'], subjects: ['s2', 's9'] }, item())).toBe(true)
    expect(matches({ ...choices, subjects: ['s9'] }, item())).toBe(false)
    expect(matches({ ...choices, issuers: ['o2'] }, item())).toBe(false)
    expect(matches({ ...choices, documents: false }, item())).toBe(false)
    expect(matches({ ...choices, news: true }, item({ ref: { collection: 'news', id: 'n' } }))).toBe(true)
    expect(matches(choices, item({ ref: { collection: 'topics', id: 't' } }))).toBe(false)
  })
})

describe('SMTP replies', () => {
  const error = (code: string, responseCode?: number, command?: string) => Object.assign(new Error('x'), { code, responseCode, command })

  it('tell the server, the recipient and the message apart', () => {
    expect(classifySmtpError(error('ECONNECTION')).kind).toBe('server')
    expect(classifySmtpError(error('ETIMEDOUT')).kind).toBe('server')
    expect(classifySmtpError(error('EAUTH', 535, 'AUTH PLAIN')).kind).toBe('server')
    expect(classifySmtpError(error('EENVELOPE', 553, 'MAIL FROM')).kind).toBe('server')
    expect(classifySmtpError(error('EENVELOPE', 421, 'RCPT TO')).kind).toBe('server')
    expect(classifySmtpError(error('EENVELOPE', 452, 'RCPT TO')).kind).toBe('temporary')
    expect(classifySmtpError(error('EENVELOPE', 550, 'RCPT TO')).kind).toBe('recipient')
    expect(classifySmtpError(error('EMESSAGE', 554, 'DATA')).kind).toBe('message')
    expect(classifySmtpError(error('EENVELOPE', undefined, 'API')).kind).toBe('recipient')
  })

  it('back off exponentially, up to a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(60_000, n, 600_000))).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(backoffMs(60_000, 10, 600_000)).toBe(600_000)
  })
})

describe('text for mail', () => {
  it('keeps link addresses and paragraphs when HTML becomes plain text', () => {
    const text = htmlToText(
      '<p>Chào bạn,</p><p><a href="https://x.vn/a?b=1&amp;c=2">Đặt mật khẩu mới</a></p><ul><li>Một</li><li>Hai</li></ul><style>p{}</style>',
    )
    expect(text).toBe('Chào bạn,\n\nĐặt mật khẩu mới: https://x.vn/a?b=1&c=2\n\n• Một\n• Hai')
  })

  it('cuts excerpts at a word boundary', () => {
    expect(excerpt('Một hai ba bốn năm sáu bảy tám chín mười', 20)).toBe('Một hai ba bốn năm…')
    expect(excerpt('  Ngắn  gọn ', 20)).toBe('Ngắn gọn')
  })
})
