/**
 * Bad input to every route of the site server that accepts any: the subscription pages' forms
 * (a JSON body, a broken multipart body, a body over 64 KB with or without a length, wrong values)
 * and the search's query parameters. Each gets a 4xx with a Vietnamese message, never a 5xx; and
 * nothing malformed is passed on to the CMS (the fixture has none: passing it on would answer 503).
 */
import { describe, expect, inject, it } from 'vitest'
import { get, textOf } from '../../helpers/site'

const site = inject('site')
const FORMS = ['/nhan-thong-bao/', '/nhan-thong-bao/xac-nhan', '/nhan-thong-bao/huy']
const MALFORMED = 'Biểu mẫu gửi lên không đúng định dạng'

/** A POST as the site's own page sends it (Astro refuses form posts from other origins, 403). */
async function post(url: string, body: BodyInit, headers: Record<string, string> = {}, extra: RequestInit = {}) {
  const res = await fetch(`${site.url}${url}`, { method: 'POST', body, headers: { origin: site.url, ...headers }, ...extra } as RequestInit)
  return { status: res.status, text: textOf(await res.text()), connection: res.headers.get('connection') }
}

/** A body of `bytes` sent as a stream, so without a Content-Length (chunked). */
function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close()
      const size = Math.min(16 * 1024, bytes - sent)
      sent += size
      controller.enqueue(new TextEncoder().encode('a'.repeat(size)))
    },
  })
}

describe.each(FORMS)('the form at %s', (url) => {
  it('refuses a JSON body with 415 and says the form was not understood', async () => {
    const res = await post(url, JSON.stringify({ email: 'a@example.vn', t: 'x' }), { 'content-type': 'application/json' })
    expect(res.status).toBe(415)
    expect(res.text).toContain(MALFORMED)
  })

  it('refuses a broken multipart body with 400', async () => {
    const res = await post(url, '--ranh-gioi\r\nContent-Disposition: form-data; name="email"\r\n\r\nkhong-ket-thuc', {
      'content-type': 'multipart/form-data; boundary=ranh-gioi',
    })
    expect(res.status).toBe(400)
    expect(res.text).toContain(MALFORMED)
  })

  it('refuses a body over 64 KB with 413, with or without a length', async () => {
    const big = `email=${'a'.repeat(70 * 1024)}`
    const sized = await post(url, big, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(sized.status).toBe(413)
    // The unread body must not poison a kept-alive connection.
    expect(sized.connection).toBe('close')
    const streamed = await post(url, chunked(100 * 1024), { 'content-type': 'application/x-www-form-urlencoded' }, { duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(streamed.connection).toBe('close')
    expect(streamed.text).toContain('quá lớn')
  })
})

describe('the subscription form’s values', () => {
  const form = (fields: Array<[string, string]>) =>
    post('/nhan-thong-bao/', new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' })

  it.each([
    [
      'an invalid e-mail address',
      [
        ['email', 'khong-phai-email'],
        ['frequency', 'daily'],
        ['news', 'on'],
      ],
      'Địa chỉ email chưa đúng',
    ],
    [
      'an unknown frequency',
      [
        ['email', 'a@example.vn'],
        ['frequency', 'hang-tuan'],
        ['news', 'on'],
      ],
      'Hãy chọn cách nhận thư',
    ],
    [
      'an unknown document type',
      [
        ['email', 'a@example.vn'],
        ['frequency', 'daily'],
        ['documentTypes', 'khong-co'],
      ],
      'Loại văn bản đã chọn không có trong danh sách',
    ],
    [
      'an id with odd characters',
      [
        ['email', 'a@example.vn'],
        ['frequency', 'daily'],
        ['subjects', '../../etc/passwd'],
      ],
      'Mục đã chọn không hợp lệ',
    ],
    [
      'nothing chosen',
      [
        ['email', 'a@example.vn'],
        ['frequency', 'daily'],
      ],
      'Hãy chọn ít nhất một loại nội dung',
    ],
  ] as Array<[string, Array<[string, string]>, string]>)('answers %s with 400 and the field’s message', async (_what, fields, message) => {
    const res = await form(fields)
    expect(res.status).toBe(400)
    expect(res.text).toContain(message)
  })

  it('tells a robot (the hidden field filled in) that it worked, and sends nothing on', async () => {
    const res = await form([
      ['email', 'robot@example.vn'],
      ['frequency', 'daily'],
      ['news', 'on'],
      ['website', 'http://quang-cao.example'],
    ])
    expect(res.status).toBe(200)
    expect(res.text).toContain('Đã nhận đăng ký')
  })

  it.each(['/nhan-thong-bao/xac-nhan', '/nhan-thong-bao/huy'])('%s answers a forged token with 400 without asking the CMS', async (url) => {
    const res = await post(url, 't=%3Cscript%3E', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(400)
  })
})

describe('search parameters', () => {
  it.each([
    `/api/search?q=${'a'.repeat(5000)}`,
    '/api/search?q=nghi+quyet&page=abc',
    '/api/search?q=nghi+quyet&page=-3',
    '/api/search?q=nghi+quyet&limit=100000',
    '/api/search?q=nghi+quyet&kind=khong-co',
    '/api/search?q=nghi+quyet&year=20x4',
  ])('%s is answered with 400 and a message, or with results — never a 5xx', async (url) => {
    const res = await get(site.url, url)
    expect(res.status, url).toBeLessThan(500)
    if (res.status >= 400) {
      expect(res.status).toBe(400)
      expect(JSON.parse(res.text).error).toMatch(/[à-ỹ]/)
    }
  })

  it.each([`/tim-kiem?q=${'ă'.repeat(3000)}`, '/tim-kiem?q=x&page=abc'])('the search page %s never answers 5xx', async (url) => {
    expect((await get(site.url, url)).status).toBeLessThan(500)
  })

  it('a URL that is not valid percent-encoding is refused with 400 (by the Node adapter, before any route)', async () => {
    for (const url of ['/api/search?q=%E0%A4%A', '/tim-kiem?q=%E0%A4%A']) expect((await get(site.url, url)).status, url).toBe(400)
  })

  it('a POST, PUT or DELETE to a route that takes none is refused with 405, whatever its body', async () => {
    for (const url of ['/api/search?q=x', '/van-ban/', '/', '/tep/khong-co.pdf']) {
      const res = await post(url, chunked(100 * 1024), { 'content-type': 'application/json' }, { duplex: 'half' } as RequestInit)
      expect(res.status, url).toBe(405)
      expect(res.text).toContain('không nhận dữ liệu gửi lên')
      expect(res.connection, url).toBe('close')
      // A body the site could have taken is read to its end, so the connection stays usable.
      const small = await post(url, chunked(40 * 1024), { 'content-type': 'application/json' }, { duplex: 'half' } as RequestInit)
      expect(small.status, url).toBe(405)
      expect(small.connection, url).not.toBe('close')
    }
    // Far over the limit the server answers before the body has arrived; it must not reset the
    // connection under a client still sending (site/server/serve.ts, lingering close).
    for (let i = 0; i < 20; i++) {
      const res = await post('/', chunked(1024 * 1024), { 'content-type': 'application/json' }, { duplex: 'half' } as RequestInit)
      expect(res.status, `1 MB, attempt ${i + 1}`).toBe(405)
    }
    for (const method of ['PUT', 'DELETE', 'PATCH'])
      expect((await fetch(`${site.url}/nhan-thong-bao/`, { method, headers: { origin: site.url } })).status, method).toBe(405)
  })
})
