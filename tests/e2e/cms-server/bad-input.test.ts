/**
 * Bad input to every route of the CMS server that accepts input — malformed bodies, wrong types,
 * oversize payloads, odd query parameters — against the running server (`next start`). Each gets a
 * 4xx with a message, never a 5xx, and nothing is half-written: no record appears, and a record
 * being changed stays exactly as it was (its versions included).
 */
import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, createWorld, PDF, sendJson, type Answer } from './world'

let world: Awaited<ReturnType<typeof createWorld>>
const tag = crypto.randomBytes(3).toString('hex')
let doc: { id: string }
let file: { id: string }
let _versionId: string

const COLLECTIONS = ['documents', 'news', 'topics', 'announcements', 'organizations', 'subjects', 'files', 'media', 'users', 'subscribers']

beforeAll(async () => {
  world = await createWorld(`dau-vao-${tag}`)
  doc = (await sendJson('POST', '/api/documents', world.document(world.orgs.central, { _status: 'published' }), world.admin)).json.doc
  const form = new FormData()
  form.append('file', new Blob([PDF as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), 'dau-vao.pdf')
  form.append('_payload', JSON.stringify({ title: 'Tệp thử đầu vào' }))
  file = (await call('/api/files', { method: 'POST', token: world.admin, body: form })).json.doc
  _versionId = (await call(`/api/documents/versions?where[parent][equals]=${doc.id}`, { token: world.admin })).json.docs[0].id
})

/** What the database holds that a bad request might touch: counts, and the changed records as they are. */
async function snapshot() {
  const counts: Record<string, number> = {}
  for (const c of COLLECTIONS) counts[c] = (await call(`/api/${c}?limit=0&depth=0`, { token: world.admin })).json.totalDocs
  counts.versions = (await call('/api/documents/versions?limit=0', { token: world.admin })).json.totalDocs
  const record = (await call(`/api/documents/${doc.id}?depth=0&draft=true`, { token: world.admin })).json
  const upload = (await call(`/api/files/${file.id}?depth=0`, { token: world.admin })).json
  return { counts, record, upload }
}

const messageOf = (res: Answer): string => String(res.json?.errors?.[0]?.message ?? res.json?.message ?? res.json?.error ?? '')

async function expectRefused(res: Answer, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBeLessThan(500)
  expect(messageOf(res), `${what}: ${res.text.slice(0, 300)}`).not.toBe('')
}

type Case = { what: string; method?: string; path: string; body?: BodyInit; type?: string; token?: 'admin' | 'none' }

const MALFORMED: Array<{ name: string; body: string; type: string }> = [
  { name: 'broken JSON', body: '{"title": "Thiếu ngoặc"', type: 'application/json' },
  { name: 'a JSON array', body: '[1, 2, 3]', type: 'application/json' },
  { name: 'a JSON string', body: '"chỉ một chuỗi"', type: 'application/json' },
  { name: 'JSON null', body: 'null', type: 'application/json' },
  {
    name: 'a broken multipart body',
    body: '--ranh\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":',
    type: 'multipart/form-data; boundary=ranh',
  },
  { name: 'multipart without a boundary', body: 'abc', type: 'multipart/form-data' },
  {
    name: 'multipart with broken _payload JSON',
    body: '--ranh\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":\r\n--ranh--\r\n',
    type: 'multipart/form-data; boundary=ranh',
  },
]

const WRITE_ROUTES = () => [
  ['POST', '/api/documents'],
  ['PATCH', `/api/documents/${doc.id}`],
  ['PATCH', `/api/documents/${doc.id}?draft=true`],
  ['POST', '/api/news?draft=true'],
  ['POST', '/api/topics'],
  ['POST', '/api/announcements'],
  ['POST', '/api/organizations'],
  ['POST', '/api/subjects'],
  ['POST', '/api/users'],
  ['POST', '/api/files'],
  ['PATCH', `/api/files/${file.id}`],
  ['POST', '/api/media'],
  ['POST', '/api/users/login'],
  ['POST', '/api/users/forgot-password'],
  ['POST', '/api/users/reset-password'],
  ['POST', '/api/users/unlock'],
  ['POST', '/api/users/first-register'],
  ['POST', '/api/subscribers/subscribe'],
  ['POST', '/api/subscribers/confirm'],
  ['POST', '/api/subscribers/unsubscribe'],
  ['POST', '/api/graphql'],
]

async function run(cases: Case[]) {
  const before = await snapshot()
  for (const c of cases) {
    const headers: Record<string, string> = c.type ? { 'content-type': c.type } : {}
    const res = await call(c.path, { method: c.method ?? 'POST', headers, body: c.body, token: c.token === 'none' ? undefined : world.admin })
    await expectRefused(res, c.what)
  }
  expect(await snapshot()).toEqual(before)
}

describe('malformed bodies', () => {
  it('are refused on every route that takes a body, and change nothing', async () => {
    const cases = WRITE_ROUTES().flatMap(([method, path]) =>
      MALFORMED.map((m) => ({ what: `${m.name} → ${method} ${path}`, method, path, body: m.body, type: m.type })),
    )
    await run(cases)
  })

  it('say what is wrong, in Vietnamese', async () => {
    const json = await call('/api/documents', { method: 'POST', token: world.admin, headers: { 'content-type': 'application/json' }, body: '{"a":' })
    expect(messageOf(json)).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.')
    const multipart = await call('/api/files', {
      method: 'POST',
      token: world.admin,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF',
    })
    expect(messageOf(multipart)).toContain('bị hỏng hoặc không đầy đủ')
    const graphql = await call('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' })
    expect(graphql.status).toBe(400)
    expect(messageOf(graphql)).toBe('Dữ liệu gửi lên không phải JSON hợp lệ.')
  })
})

describe('values of the wrong type', () => {
  const json = (what: string, method: string, path: string, data: unknown): Case => ({
    what,
    method,
    path,
    body: JSON.stringify(data),
    type: 'application/json',
  })

  it('are refused with the field named, drafts included, and change nothing', async () => {
    const valid = () => world.document(world.orgs.central)
    const cases: Case[] = [
      json('number as an object', 'POST', '/api/documents', { ...valid(), number: { so: 1 } }),
      json('draft number as an object', 'PATCH', `/api/documents/${doc.id}?draft=true`, { number: { so: 1 } }),
      json('draft title as a number', 'PATCH', `/api/documents/${doc.id}?draft=true`, { title: 12345 }),
      json('draft date that is no date', 'PATCH', `/api/documents/${doc.id}?draft=true`, { issuedAt: 'không phải ngày' }),
      json('draft attachment as an object without id', 'PATCH', `/api/documents/${doc.id}?draft=true`, { attachments: [{ ten: 'x' }] }),
      json('draft audience outside the list', 'PATCH', `/api/documents/${doc.id}?draft=true`, { audience: 'ai-cung-duoc' }),
      json('draft summary as plain text', 'PATCH', `/api/documents/${doc.id}?draft=true`, { summary: 'chữ thường' }),
      json('draft status as a number', 'PATCH', `/api/documents/${doc.id}?draft=true`, { _status: 5 }),
      json('relations as a string of JSON', 'PATCH', `/api/documents/${doc.id}`, { replaces: '[1,2]' }),
      json('a relation to nothing', 'PATCH', `/api/documents/${doc.id}`, { replaces: ['00000000-0000-0000-0000-000000000000'] }),
      json('a number field with an atomic operator', 'PATCH', `/api/documents/${doc.id}`, { loginAttempts: { $inc: 5 }, title: { $set: 'x' } }),
      json('questions as a string', 'POST', '/api/topics?draft=true', { month: '2031-01', title: 'Chuyên đề', questions: 'không phải danh sách' }),
      json('choices as a string', 'POST', '/api/topics?draft=true', { month: '2031-02', title: 'Chuyên đề', questions: [{ question: 'Hỏi?', choices: 'x' }] }),
      json('organization kind as a list', 'POST', '/api/organizations', { name: `Tổ chức ${tag}`, kind: ['chi-bo'] }),
      json('user e-mail as a number', 'POST', '/api/users', { email: 123, password: 'Mat-khau-Dai-2026!', name: 'X', role: 'editor' }),
      json('user password as an object', 'POST', '/api/users', { email: `x.${tag}@sotay.example.vn`, password: { a: 1 }, name: 'X', role: 'editor' }),
      json('an unknown role', 'POST', '/api/users', { email: `y.${tag}@sotay.example.vn`, password: 'Mat-khau-Dai-2026!', name: 'X', role: 'sieu-quan-tri' }),
      json('file title as a list', 'PATCH', `/api/files/${file.id}`, { title: ['a', 'b'] }),
      json('login e-mail as an object', 'POST', '/api/users/login', { email: { $ne: null }, password: 'x' }),
      json('login password as a list', 'POST', '/api/users/login', { email: world.users.editor.email, password: ['x'] }),
      json('forgot-password e-mail as an object', 'POST', '/api/users/forgot-password', { email: { $gt: '' } }),
      json('reset token as a number', 'POST', '/api/users/reset-password', { token: 12345, password: 'Mat-khau-Dai-2026!' }),
      json('unlock e-mail as a list', 'POST', '/api/users/unlock', { email: ['a@b.vn'] }),
      json('subscription e-mail as a number', 'POST', '/api/subscribers/subscribe', { email: 123, frequency: 'daily', news: true }),
      json('subscription subjects as objects', 'POST', '/api/subscribers/subscribe', {
        email: `dk.${tag}@example.vn`,
        frequency: 'daily',
        subjects: [{ id: 1 }],
      }),
      json('subscription news as an object', 'POST', '/api/subscribers/subscribe', { email: `dk2.${tag}@example.vn`, frequency: 'daily', news: { co: true } }),
      json('confirmation token as an object', 'POST', '/api/subscribers/confirm', { token: { a: 1 } }),
      json('unsubscribe token as a list', 'POST', '/api/subscribers/unsubscribe', { token: ['x'] }),
      json('GraphQL query as a number', 'POST', '/api/graphql', { query: 5 }),
    ]
    await run(cases)
  })

  it('in GraphQL are request errors: 400 for GraphQL-over-HTTP clients, errors in the body for plain JSON ones', async () => {
    const body = JSON.stringify({ query: 'query ($id: String!) { Document(id: $id) { title } }', variables: { id: { a: 1 } } })
    const modern = await call('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    })
    expect(modern.status).toBe(400)
    expect(messageOf(modern)).toContain('$id')
    const legacy = await call('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(legacy.status).toBeLessThan(500)
    expect(messageOf(legacy)).toContain('$id')
    const mutation = await sendJson(
      'POST',
      '/api/graphql',
      { query: `mutation { updateDocument(id: "${doc.id}", draft: true, data: { title: "${'x'.repeat(2000)}" }) { id } }` },
      world.admin,
    )
    expect(mutation.status).toBeLessThan(500)
    expect(mutation.json.errors[0].extensions.statusCode).toBe(400)
  })

  it('name the field and what it needs', async () => {
    const res = await sendJson('PATCH', `/api/documents/${doc.id}?draft=true`, { number: { so: 1 } }, world.admin)
    expect(res.status).toBe(400)
    expect(messageOf(res)).toContain('«Số, ký hiệu» cần một đoạn chữ')
  })
})

describe('the GraphQL Access query', () => {
  it('answers anonymous readers and members without an error (it failed on `canAccessAdmin`)', async () => {
    for (const token of [undefined, world.users.member.token]) {
      const res = await sendJson('POST', '/api/graphql', { query: '{ Access { canAccessAdmin documents { read { permission } } } }' }, token)
      expect(res.status).toBe(200)
      expect(res.json.errors).toBeUndefined()
      expect(res.json.data.Access.canAccessAdmin).toBe(false)
    }
    const editor = await sendJson('POST', '/api/graphql', { query: '{ Access { canAccessAdmin } }' }, world.users.editor.token)
    expect(editor.json.data.Access.canAccessAdmin).toBe(true)
  })
})

describe('oversize payloads', () => {
  it('are refused with 413 before they are read, on every kind of route', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(5 * 1024 * 1024) })
    const before = await snapshot()
    for (const path of ['/api/documents', `/api/documents/${doc.id}?draft=true`, '/api/graphql', '/api/users/login', '/api/subscribers/subscribe']) {
      const res = await call(path, {
        method: path.includes('?') ? 'PATCH' : 'POST',
        token: world.admin,
        headers: { 'content-type': 'application/json' },
        body: big,
      })
      expect(res.status, path).toBe(413)
      expect(messageOf(res)).toContain('quá lớn')
    }
    const longField = await sendJson('PATCH', `/api/documents/${doc.id}?draft=true`, { title: 'x'.repeat(2000) }, world.admin)
    expect(longField.status).toBe(400)
    expect(await snapshot()).toEqual(before)
  })
})

describe('query parameters', () => {
  it.each([
    '/api/documents?limit=abc&page=-2&depth=999',
    '/api/documents?where[issuedAt][equals]=khong-phai-ngay',
    '/api/documents?where[khong_co_truong][equals]=1',
    '/api/documents?where[or][0][title][like]=%&sort=khong_co',
    '/api/documents?where=chuoi',
    '/api/documents?where[id][in]=a,b,c',
    '/api/documents?select[title]=khong&populate[x]=1',
    '/api/documents/khong-phai-ma',
    '/api/documents/versions/khong-phai-ma',
    '/api/documents/versions/00000000-0000-0000-0000-000000000000',
    '/api/files/file/..%2F..%2Fetc%2Fpasswd',
    '/api/files/file/khong-co.pdf',
    '/api/payload-jobs/run?limit=abc&queue[]=x',
    '/api/subscribers/unsubscribe?t[]=x',
  ])('%s is never a 5xx', async (path) => {
    for (const token of [undefined, world.admin]) {
      const res = await call(path, { token, redirect: 'manual' })
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBeLessThan(500)
    }
  })
})
