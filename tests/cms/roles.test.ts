import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asUser, documentData, startWorld, type TestRole } from '../helpers/fixtures'

let payload: Payload
let orgs: Awaited<ReturnType<typeof startWorld>>['orgs']
let users: Awaited<ReturnType<typeof startWorld>>['users']

beforeAll(async () => {
  ;({ payload, orgs, users } = await startWorld())
})
afterAll(async () => {
  await payload?.destroy()
})

/** Data a contributor may legitimately write: their own organization's document. */
const ownDocument = (overrides: Record<string, unknown> = {}) =>
  documentData(orgs.branch.id, { type: 'ke-hoach', number: `${Math.floor(Math.random() * 90000) + 10}-KH/CB`, level: 'co-so', ...overrides })

const allowed = async (action: () => Promise<unknown>) =>
  action().then(
    () => true,
    (error: { status?: number }) => {
      if (error?.status === 403 || error?.status === 401) return false
      throw error
    },
  )

// role → [create draft, update draft, publish, delete, edit live without review, unpublish]
const MATRIX: Record<TestRole, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, true, true, true, true],
  publisher: [true, true, true, true, true, true],
  editor: [true, true, false, false, false, false],
  contributor: [true, true, false, false, false, false],
  member: [false, false, false, false, false, false],
}

describe.each(Object.entries(MATRIX) as [TestRole, boolean[]][])('role %s', (role, expected) => {
  const [canCreate, canUpdate, canPublishIt, canDelete, canEditLive, canUnpublish] = expected
  const opts = async () => ({ user: await asUser(payload, users[role].id), overrideAccess: false })

  it(`${canCreate ? 'can' : 'cannot'} create a draft`, async () => {
    expect(await allowed(async () => payload.create({ collection: 'documents', data: ownDocument(), draft: true, ...(await opts()) }))).toBe(canCreate)
  })

  it(`${canUpdate ? 'can' : 'cannot'} update a draft`, async () => {
    const draft = await payload.create({ collection: 'documents', data: ownDocument(), draft: true })
    expect(await allowed(async () => payload.update({ collection: 'documents', id: draft.id, data: { title: 'Trích yếu mới' }, draft: true, ...(await opts()) }))).toBe(canUpdate)
  })

  it(`${canPublishIt ? 'can' : 'cannot'} publish`, async () => {
    const draft = await payload.create({ collection: 'documents', data: ownDocument(), draft: true })
    expect(await allowed(async () => payload.update({ collection: 'documents', id: draft.id, data: { _status: 'published' }, ...(await opts()) }))).toBe(canPublishIt)
    const after = await payload.findByID({ collection: 'documents', id: draft.id })
    expect(after._status).toBe(canPublishIt ? 'published' : 'draft')
  })

  it(`${canDelete ? 'can' : 'cannot'} delete`, async () => {
    const doc = await payload.create({ collection: 'documents', data: ownDocument(), draft: true })
    expect(await allowed(async () => payload.delete({ collection: 'documents', id: doc.id, ...(await opts()) }))).toBe(canDelete)
    const still = await payload.count({ collection: 'documents', where: { id: { equals: doc.id } } })
    expect(still.totalDocs).toBe(canDelete ? 0 : 1)
  })

  it(`${canEditLive ? 'can' : 'cannot'} change live content without review, and ${canUnpublish ? 'can' : 'cannot'} unpublish`, async () => {
    const live = await payload.create({ collection: 'documents', data: ownDocument({ _status: 'published' }) })
    expect(await allowed(async () => payload.update({ collection: 'documents', id: live.id, data: { title: 'Sửa trực tiếp' }, ...(await opts()) }))).toBe(canEditLive)
    expect(await allowed(async () => payload.update({ collection: 'documents', id: live.id, data: { _status: 'draft' }, ...(await opts()) }))).toBe(canUnpublish)
  })
})

describe('workflow details', () => {
  it('lets an editor save a draft over live content without touching what readers see', async () => {
    const live: any = await payload.create({ collection: 'documents', data: ownDocument({ _status: 'published', title: 'Bản đang xuất bản' }) })
    const user = await asUser(payload, users.editor.id)
    await payload.update({ collection: 'documents', id: live.id, data: { title: 'Bản nháp của biên tập viên' }, draft: true, user, overrideAccess: false })
    const published: any = await payload.findByID({ collection: 'documents', id: live.id, draft: false })
    expect(published.title).toBe('Bản đang xuất bản')
    expect(published._status).toBe('published')
    const draft: any = await payload.findByID({ collection: 'documents', id: live.id, draft: true })
    expect(draft.title).toBe('Bản nháp của biên tập viên')
  })

  it('explains the refusal in Vietnamese', async () => {
    const draft = await payload.create({ collection: 'documents', data: ownDocument(), draft: true })
    const user = await asUser(payload, users.editor.id)
    const error: any = await payload
      .update({ collection: 'documents', id: draft.id, data: { _status: 'published' }, user, overrideAccess: false })
      .catch((e) => e)
    expect(error.status).toBe(403)
    expect(error.message).toContain('Chỉ Tổng biên tập hoặc Quản trị viên được xuất bản')
  })

  it('keeps a contributor inside their own organization', async () => {
    const user = await asUser(payload, users.contributor.id)
    const other = documentData(orgs.tw.id)
    expect(await allowed(() => payload.create({ collection: 'documents', data: other, draft: true, user, overrideAccess: false }))).toBe(false)
    const theirs = await payload.create({ collection: 'documents', data: other, draft: true })
    expect(await allowed(() => payload.update({ collection: 'documents', id: theirs.id, data: { title: 'X' }, draft: true, user, overrideAccess: false }))).toBe(false)
    const own = await payload.create({ collection: 'documents', data: ownDocument(), draft: true, user, overrideAccess: false })
    expect(await allowed(() => payload.update({ collection: 'documents', id: own.id, data: { issuer: orgs.tw.id }, draft: true, user, overrideAccess: false }))).toBe(false)
    const visible = await payload.find({ collection: 'documents', user, overrideAccess: false, draft: true, limit: 500 })
    expect(visible.docs.some((d) => d.id === own.id)).toBe(true)
    expect(visible.docs.some((d) => d.id === theirs.id)).toBe(false)
  })

  it('lets only admins change roles', async () => {
    const editor = await asUser(payload, users.editor.id)
    const error: any = await payload
      .update({ collection: 'users', id: users.editor.id, data: { role: 'admin' } as any, user: editor, overrideAccess: false })
      .then((u: any) => u.role)
      .catch((e) => e)
    // Field access silently drops the change; either way the role must not become admin.
    const reread: any = await payload.findByID({ collection: 'users', id: users.editor.id })
    expect(reread.role).toBe('editor')
    expect(error).not.toBe('admin')
  })

  it('applies the same matrix to news, topics and announcements', async () => {
    const editor = await asUser(payload, users.editor.id)
    const { plainTextToLexical } = await import('../../cms/richtext/plainText')
    const news = await payload.create({
      collection: 'news',
      data: { title: 'Tin thử', category: 'quoc-te', lead: 'Sa-pô', body: plainTextToLexical('Nội dung'), publishedAt: '2024-01-01' } as any,
      draft: true,
      user: editor,
      overrideAccess: false,
    })
    expect(await allowed(() => payload.update({ collection: 'news', id: news.id, data: { _status: 'published' }, user: editor, overrideAccess: false }))).toBe(false)
    expect(await allowed(() => payload.delete({ collection: 'news', id: news.id, user: editor, overrideAccess: false }))).toBe(false)
    const publisher = await asUser(payload, users.publisher.id)
    expect(await allowed(() => payload.update({ collection: 'news', id: news.id, data: { _status: 'published' }, user: publisher, overrideAccess: false }))).toBe(true)
    const log = await payload.find({ collection: 'audit-logs', where: { documentId: { equals: news.id } } })
    expect(log.docs.map((l: any) => [l.action, l.userEmail])).toEqual([['publish', users.publisher.email]])
  })
})
