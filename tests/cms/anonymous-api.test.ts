import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganizations, createUsers, documentData, PASSWORD } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'
import { restClient } from '../helpers/rest'

const FIXTURES = path.resolve(__dirname, '../fixtures/attachments')

let payload: Payload
let rest: ReturnType<typeof restClient>
const docs: Record<string, any> = {}
const files: Record<string, any> = {}
let memberToken: string
let publisherToken: string

beforeAll(async () => {
  payload = await startPayload()
  rest = restClient(payload.config)
  const orgs = await createOrganizations(payload)
  const users = await createUsers(payload, orgs.branch.id)
  memberToken = await rest.login(users.member.email, PASSWORD, 'members')
  publisherToken = await rest.login(users.publisher.email, PASSWORD)
  for (const name of ['public', 'members', 'draft']) {
    files[name] = await payload.create({ collection: 'files', data: { title: `Tệp ${name}` }, filePath: path.join(FIXTURES, 'nghi-quyet-mau.pdf') })
  }
  docs.public = await payload.create({
    collection: 'documents',
    data: documentData(orgs.tw.id, { title: 'Văn bản công khai', attachments: [files.public.id], _status: 'published' }),
  })
  docs.members = await payload.create({
    collection: 'documents',
    data: documentData(orgs.branch.id, {
      type: 'ke-hoach',
      number: '05-KH/CB',
      level: 'co-so',
      title: 'Kế hoạch nội bộ chi bộ',
      audience: 'members',
      attachments: [files.members.id],
      _status: 'published',
    }),
  })
  docs.draft = await payload.create({
    collection: 'documents',
    data: documentData(orgs.tw.id, { title: 'Bản nháp chưa duyệt', attachments: [files.draft.id] }),
    draft: true,
  })
  docs.revised = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { title: 'Tiêu đề đã xuất bản', _status: 'published' }) })
  await payload.update({ collection: 'documents', id: docs.revised.id, data: { title: 'Tiêu đề nháp bí mật chưa duyệt' }, draft: true })
})
afterAll(async () => {
  await payload?.destroy()
})

const titles = (json: any): string[] => (json?.docs ?? []).map((d: any) => d.title)

describe('anonymous REST reads', () => {
  it('list only published public documents', async () => {
    const res = await rest.get('/documents?limit=100')
    expect(res.status).toBe(200)
    expect(titles(res.json).sort()).toEqual(['Tiêu đề đã xuất bản', 'Văn bản công khai'])
  })

  it('never return drafts or draft revisions, even when asking for drafts', async () => {
    const res = await rest.get('/documents?limit=100&draft=true')
    expect(res.text).not.toContain('Bản nháp chưa duyệt')
    expect(res.text).not.toContain('Tiêu đề nháp bí mật chưa duyệt')
    const byId = await rest.get(`/documents/${docs.draft.id}`)
    expect([403, 404]).toContain(byId.status)
    const revised = await rest.get(`/documents/${docs.revised.id}?draft=true`)
    expect(revised.text).not.toContain('Tiêu đề nháp bí mật chưa duyệt')
  })

  it('never return members-only content, by list, id, query or versions', async () => {
    const byId = await rest.get(`/documents/${docs.members.id}`)
    expect([403, 404]).toContain(byId.status)
    const search = await rest.get(`/documents?where[audience][equals]=members`)
    expect(titles(search.json)).toEqual([])
    const versions = await rest.get('/documents/versions?limit=100')
    expect(versions.text).not.toContain('Kế hoạch nội bộ chi bộ')
    expect(versions.text).not.toContain('Bản nháp chưa duyệt')
  })

  it('apply the same rules through GraphQL', async () => {
    const res = await rest.graphql('{ Documents(limit: 100) { docs { title } } }')
    expect(res.json.data.Documents.docs.map((d: any) => d.title).sort()).toEqual(['Tiêu đề đã xuất bản', 'Văn bản công khai'])
    const drafts = await rest.graphql('{ Documents(limit: 100, draft: true) { docs { title audience } } }')
    const leaked = JSON.stringify(drafts.json)
    expect(leaked).not.toContain('Bản nháp chưa duyệt')
    expect(leaked).not.toContain('Tiêu đề nháp bí mật chưa duyệt')
    expect(leaked).not.toContain('Kế hoạch nội bộ chi bộ')
    expect(leaked).toContain('Văn bản công khai')
  })

  it('show members-only content to an authenticated member, but still no drafts', async () => {
    const res = await rest.get('/documents?limit=100', memberToken)
    expect(titles(res.json).sort()).toEqual(['Kế hoạch nội bộ chi bộ', 'Tiêu đề đã xuất bản', 'Văn bản công khai'])
  })

  it('show everything to the editorial board', async () => {
    const res = await rest.get('/documents?limit=100&draft=true', publisherToken)
    expect(titles(res.json)).toContain('Bản nháp chưa duyệt')
  })
})

describe('files follow the content that uses them', () => {
  it('serve a public document attachment to anyone', async () => {
    const meta = await rest.get(`/files/${files.public.id}`)
    expect(meta.status).toBe(200)
    const file = await rest.get(`/files/file/${encodeURIComponent(files.public.filename)}`)
    expect(file.status).toBe(200)
    expect(file.text.startsWith('%PDF')).toBe(true)
  })

  it('refuse members-only and unpublished attachments to anonymous readers', async () => {
    for (const name of ['members', 'draft']) {
      const meta = await rest.get(`/files/${files[name].id}`)
      expect([403, 404]).toContain(meta.status)
      const file = await rest.get(`/files/file/${encodeURIComponent(files[name].filename)}`)
      expect([403, 404]).toContain(file.status)
      expect(file.text.startsWith('%PDF')).toBe(false)
    }
    const list = await rest.get('/files?limit=100')
    expect(list.json.docs.map((f: any) => f.id)).toEqual([files.public.id])
  })

  it('let a member download a members-only attachment', async () => {
    const file = await rest.get(`/files/file/${encodeURIComponent(files.members.filename)}`, memberToken)
    expect(file.status).toBe(200)
  })

  it('close a file again when its document is unpublished', async () => {
    await payload.update({ collection: 'documents', id: docs.public.id, data: { _status: 'draft' } })
    const file = await rest.get(`/files/file/${encodeURIComponent(files.public.filename)}`)
    expect([403, 404]).toContain(file.status)
    await payload.update({ collection: 'documents', id: docs.public.id, data: { _status: 'published' } })
    expect((await rest.get(`/files/file/${encodeURIComponent(files.public.filename)}`)).status).toBe(200)
  })
})

describe('secrecy through REST', () => {
  it('refuses a publisher publishing a secret document, with the Vietnamese reason', async () => {
    const created = await rest.post(
      '/documents',
      { ...documentData(String(docs.public.issuer?.id ?? docs.public.issuer)), secrecy: 'tuyet-mat', _status: 'published' },
      publisherToken,
    )
    expect(created.status).toBe(400)
    expect(created.text).toContain('Tuyệt mật')
    expect(created.text).toContain('không được phép xuất bản')
    const draft = await rest.post(
      '/documents?draft=true',
      { ...documentData(String(docs.public.issuer?.id ?? docs.public.issuer)), secrecy: 'mat' },
      publisherToken,
    )
    expect(draft.status).toBe(201)
    const publish = await rest.patch(`/documents/${draft.json.doc.id}`, { _status: 'published' }, publisherToken)
    expect(publish.status).toBe(400)
    expect(publish.text).toContain('«Mật»')
    const anonymous = await rest.get(`/documents/${draft.json.doc.id}`)
    expect([403, 404]).toContain(anonymous.status)
  })
})
