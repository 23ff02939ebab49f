/**
 * The access rules a hostile tester probed over HTTP against the running server (`next start`):
 * attachments of published content, versions and private files, unlocking accounts, running the
 * job queue, and ids of members-only documents in relation fields. tests/cms/roles.test.ts holds
 * the full role matrix through the Local API.
 */
import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { call, cms, createWorld, PDF, sendJson, uploadForm } from './world'

let world: Awaited<ReturnType<typeof createWorld>>
const tag = crypto.randomBytes(3).toString('hex')

beforeAll(async () => {
  world = await createWorld(`truy-cap-${tag}`)
})

/** A PDF attached to a published public document (so it is live on the site), uploaded by the admin. */
async function liveAttachment(title: string) {
  const up = await call('/api/files', { method: 'POST', token: world.admin, body: uploadForm(PDF, 'ban-goc.pdf', 'application/pdf', { title }) })
  expect(up.status).toBe(201)
  const file = up.json.doc
  const doc = await sendJson('POST', '/api/documents', world.document(world.orgs.central, { attachments: [file.id], _status: 'published' }), world.admin)
  expect(doc.status).toBe(201)
  const meta = await call(`/api/files/${file.id}`)
  expect(meta.json.visibility).toBe('public')
  return file as { id: string; filename: string; filesize: number; title: string }
}

const download = async (filename: string) => Buffer.from(await (await fetch(`${cms.url}/api/files/file/${encodeURIComponent(filename)}`)).arrayBuffer())

describe('attachments used by published content', () => {
  it('cannot be retitled, replaced or deleted by a contributor or an editor; only by a publisher', async () => {
    const file = await liveAttachment('Bản gốc đang xuất bản')
    const { contributor, editor, publisher } = world.users
    const before = await download(file.filename)

    const retitle = await sendJson('PATCH', `/api/files/${file.id}`, { title: 'Đã bị đổi tên' }, contributor.token)
    expect([403, 404]).toContain(retitle.status)
    const altered = Buffer.from(PDF.toString('latin1').replace('%PDF-', '%PDF-\n%thay-the\n'), 'latin1')
    for (const token of [contributor.token, editor.token]) {
      const replace = await call(`/api/files/${file.id}`, {
        method: 'PATCH',
        token,
        body: uploadForm(altered, 'thay-the.pdf', 'application/pdf', { title: 'Bản thay thế' }),
      })
      expect([403, 404]).toContain(replace.status)
    }
    const remove = await call(`/api/files/${file.id}`, { method: 'DELETE', token: editor.token })
    expect([403, 404]).toContain(remove.status)

    const after = await call(`/api/files/${file.id}`)
    expect(after.status).toBe(200)
    expect(after.json.title).toBe('Bản gốc đang xuất bản')
    expect((await download(after.json.filename)).equals(before)).toBe(true)

    const byPublisher = await sendJson('PATCH', `/api/files/${file.id}`, { title: 'Tổng biên tập đổi tên' }, publisher.token)
    expect(byPublisher.status).toBe(200)
  })

  it('an editor still manages unpublished uploads', async () => {
    const up = await call('/api/files', {
      method: 'POST',
      token: world.users.editor.token,
      body: uploadForm(PDF, 'nhap.pdf', 'application/pdf', { title: 'Tệp chưa dùng' }),
    })
    expect(up.status).toBe(201)
    expect((await sendJson('PATCH', `/api/files/${up.json.doc.id}`, { title: 'Tệp chưa dùng (sửa)' }, world.users.editor.token)).status).toBe(200)
    expect((await call(`/api/files/${up.json.doc.id}`, { method: 'DELETE', token: world.users.editor.token })).status).toBe(200)
  })
})

describe('a contributor reads only their own organization’s drafts, versions and private files', () => {
  it('through /api/documents/versions, /api/files and GraphQL', async () => {
    const secretTitle = `Dự thảo mật của Trung ương ${tag}`
    const secret = await sendJson('POST', '/api/documents?draft=true', world.document(world.orgs.central, { title: secretTitle, secrecy: 'mat' }), world.admin)
    expect(secret.status).toBe(201)
    const privateUp = await call('/api/files', {
      method: 'POST',
      token: world.admin,
      body: uploadForm(PDF, 'noi-bo.pdf', 'application/pdf', { title: `Tệp nội bộ ${tag}`, organization: world.orgs.central }),
    })
    expect(privateUp.status).toBe(201)
    const ownTitle = `Kế hoạch nháp của chi bộ ${tag}`
    const own = await sendJson(
      'POST',
      '/api/documents?draft=true',
      world.document(world.orgs.branch, { type: 'ke-hoach', number: `${Math.floor(Math.random() * 9000) + 10}-KH/CB`, level: 'co-so', title: ownTitle }),
      world.users.contributor.token,
    )
    expect(own.status).toBe(201)
    const token = world.users.contributor.token

    const versions = await call('/api/documents/versions?limit=500&depth=0', { token })
    expect(versions.status).toBe(200)
    expect(versions.text).toContain(ownTitle)
    expect(versions.text).not.toContain(secretTitle)
    const secretVersion = await call(`/api/documents/versions?where[parent][equals]=${secret.json.doc.id}`, { token: world.admin })
    const versionId = secretVersion.json.docs[0].id
    expect([403, 404]).toContain((await call(`/api/documents/versions/${versionId}`, { token })).status)

    // Only what members read (files of published content) and their own organization's uploads.
    const files = await call('/api/files?limit=500&depth=0', { token })
    expect(files.text).not.toContain(`Tệp nội bộ ${tag}`)
    for (const f of files.json.docs) expect(f.visibility !== 'private' || f.organization === world.orgs.branch, f.title).toBe(true)
    expect([403, 404]).toContain((await call(`/api/files/${privateUp.json.doc.id}`, { token })).status)

    const graphql = await sendJson('POST', '/api/graphql', { query: '{ versionsDocuments(limit: 500) { docs { version { title } } } }' }, token)
    expect(graphql.text).toContain(ownTitle)
    expect(graphql.text).not.toContain(secretTitle)

    // Staff still read them all.
    expect((await call('/api/documents/versions?limit=500&depth=0', { token: world.users.editor.token })).text).toContain(secretTitle)
  })
})

describe('unlocking an account', () => {
  it('is refused to everyone but admins, the same for existing and unknown addresses; an admin unlocks', async () => {
    const target = world.users.publisher
    for (let i = 0; i < 5; i++) expect((await sendJson('POST', '/api/users/login', { email: target.email, password: `Sai-mat-khau-${i}!` })).status).toBe(401)
    expect((await sendJson('POST', '/api/users/login', { email: target.email, password: target.password })).status).not.toBe(200)

    for (const token of [undefined, world.users.member.token, world.users.editor.token]) {
      const known = await sendJson('POST', '/api/users/unlock', { email: target.email }, token)
      const unknown = await sendJson('POST', '/api/users/unlock', { email: `khong-co-${tag}@sotay.example.vn` }, token)
      expect(known.status).toBe(403)
      expect(unknown.status).toBe(known.status)
      expect(unknown.text).toBe(known.text)
    }
    expect((await sendJson('POST', '/api/users/login', { email: target.email, password: target.password })).status).not.toBe(200)

    expect((await sendJson('POST', '/api/users/unlock', { email: target.email }, world.admin)).status).toBe(200)
    expect((await sendJson('POST', '/api/users/login', { email: target.email, password: target.password })).status).toBe(200)
  })
})

describe('the job queue over HTTP', () => {
  it('runs for admins only', async () => {
    for (const role of ['member', 'contributor', 'editor', 'publisher'] as const) {
      const res = await call('/api/payload-jobs/run', { token: world.users[role].token })
      expect([401, 403], role).toContain(res.status)
    }
    expect([401, 403]).toContain((await call('/api/payload-jobs/run')).status)
    expect((await call('/api/payload-jobs/run?limit=1', { token: world.admin })).status).toBe(200)
  })
})

describe('relations seen by readers', () => {
  it('never show the id of a members-only or unpublished document to anonymous readers (REST and GraphQL)', async () => {
    const members = await sendJson('POST', '/api/documents', world.document(world.orgs.central, { audience: 'members', _status: 'published' }), world.admin)
    const draft = await sendJson('POST', '/api/documents?draft=true', world.document(world.orgs.central), world.admin)
    const open = await sendJson('POST', '/api/documents', world.document(world.orgs.central, { _status: 'published' }), world.admin)
    const pointing = await sendJson(
      'POST',
      '/api/documents',
      world.document(world.orgs.central, { replaces: [members.json.doc.id, draft.json.doc.id, open.json.doc.id], _status: 'published' }),
      world.admin,
    )
    const hidden = [members.json.doc.id, draft.json.doc.id]
    for (const depth of [0, 1]) {
      const res = await call(`/api/documents/${pointing.json.doc.id}?depth=${depth}`)
      expect(res.status).toBe(200)
      for (const id of hidden) expect(res.text, `depth ${depth}`).not.toContain(id)
      expect(res.text).toContain(open.json.doc.id)
    }
    const list = await call(`/api/documents?where[id][equals]=${pointing.json.doc.id}&depth=0`)
    for (const id of hidden) expect(list.text).not.toContain(id)
    const graphql = await sendJson('POST', '/api/graphql', { query: `{ Document(id: "${pointing.json.doc.id}") { replaces { id } } }` })
    expect(graphql.json.data.Document.replaces).toEqual([{ id: open.json.doc.id }])

    // A member sees the members-only one, still not the draft; the editorial board sees all.
    const member = await call(`/api/documents/${pointing.json.doc.id}?depth=0`, { token: world.users.member.token })
    expect(member.json.replaces).toEqual([members.json.doc.id, open.json.doc.id])
    const editor = await call(`/api/documents/${pointing.json.doc.id}?depth=0`, { token: world.users.editor.token })
    expect(editor.json.replaces).toEqual([members.json.doc.id, draft.json.doc.id, open.json.doc.id])
  })
})
