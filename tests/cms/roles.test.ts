import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plainTextToLexical } from '../../cms/richtext/plainText'
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
    expect(
      await allowed(async () => payload.update({ collection: 'documents', id: draft.id, data: { title: 'Trích yếu mới' }, draft: true, ...(await opts()) })),
    ).toBe(canUpdate)
  })

  it(`${canPublishIt ? 'can' : 'cannot'} publish`, async () => {
    const draft = await payload.create({ collection: 'documents', data: ownDocument(), draft: true })
    expect(await allowed(async () => payload.update({ collection: 'documents', id: draft.id, data: { _status: 'published' }, ...(await opts()) }))).toBe(
      canPublishIt,
    )
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
    expect(await allowed(async () => payload.update({ collection: 'documents', id: live.id, data: { title: 'Sửa trực tiếp' }, ...(await opts()) }))).toBe(
      canEditLive,
    )
    expect(await allowed(async () => payload.update({ collection: 'documents', id: live.id, data: { _status: 'draft' }, ...(await opts()) }))).toBe(
      canUnpublish,
    )
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
    expect(
      await allowed(() => payload.update({ collection: 'documents', id: theirs.id, data: { title: 'X' }, draft: true, user, overrideAccess: false })),
    ).toBe(false)
    const own = await payload.create({ collection: 'documents', data: ownDocument(), draft: true, user, overrideAccess: false })
    expect(
      await allowed(() => payload.update({ collection: 'documents', id: own.id, data: { issuer: orgs.tw.id }, draft: true, user, overrideAccess: false })),
    ).toBe(false)
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
    expect(await allowed(() => payload.update({ collection: 'news', id: news.id, data: { _status: 'published' }, user: editor, overrideAccess: false }))).toBe(
      false,
    )
    expect(await allowed(() => payload.delete({ collection: 'news', id: news.id, user: editor, overrideAccess: false }))).toBe(false)
    const publisher = await asUser(payload, users.publisher.id)
    expect(
      await allowed(() => payload.update({ collection: 'news', id: news.id, data: { _status: 'published' }, user: publisher, overrideAccess: false })),
    ).toBe(true)
    const log = await payload.find({ collection: 'audit-logs', where: { documentId: { equals: news.id } } })
    expect(log.docs.map((l: any) => [l.action, l.userEmail])).toEqual([['publish', users.publisher.email]])
  })
})

// ---------------------------------------------------------------------------
// Uploads and versions follow the same workflow and read rules as the content
// ---------------------------------------------------------------------------

const FIXTURE_PDF = path.resolve(__dirname, '../fixtures/attachments/nghi-quyet-mau.pdf')
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#b71c1c' } })
    .png()
    .toBuffer()

/** An upload of `org` (null: the editorial board's), unpublished unless `live`: then a published public item uses it. */
async function upload(collection: 'files' | 'media', org: string | null, live = false) {
  const data = collection === 'files' ? { title: 'Bản gốc', organization: org } : { alt: 'Ảnh bìa', organization: org }
  const created =
    collection === 'files'
      ? await payload.create({ collection, data: data as any, filePath: FIXTURE_PDF })
      : await payload.create({ collection, data: data as any, file: { data: await png(), mimetype: 'image/png', name: 'anh.png', size: 1 } })
  if (live) {
    if (collection === 'files') await payload.create({ collection: 'documents', data: ownDocument({ attachments: [created.id], _status: 'published' }) })
    else await payload.create({ collection: 'news', data: newsData({ cover: created.id, _status: 'published' }) })
    expect((await payload.findByID({ collection, id: created.id })).visibility).toBe('public')
  }
  return created
}

const newsData = (overrides: Record<string, unknown> = {}) =>
  ({ title: `Tin ${Math.random()}`, category: 'quoc-te', lead: 'Sa-pô', body: plainTextToLexical('Nội dung'), publishedAt: '2024-01-01', ...overrides }) as any

// role → [create, update unpublished, update live, delete unpublished, delete live, read another organization's unpublished]
// (a contributor's "unpublished" upload is their own organization's; the others' is the board's)
const UPLOAD_MATRIX: Record<TestRole, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
  admin: [true, true, true, true, true, true],
  publisher: [true, true, true, true, true, true],
  editor: [true, true, false, true, false, true],
  contributor: [true, true, false, true, false, false],
  member: [false, false, false, false, false, false],
}

describe.each(['files', 'media'] as const)('%s follow the workflow', (collection) => {
  describe.each(Object.entries(UPLOAD_MATRIX) as [TestRole, boolean[]][])('role %s', (role, expected) => {
    const [canCreate, canUpdate, canUpdateLive, canDelete, canDeleteLive, canReadOthers] = expected
    const opts = async () => ({ user: await asUser(payload, users[role].id), overrideAccess: false })
    const ownOrg = () => (role === 'contributor' ? orgs.branch.id : null)
    const titleField = collection === 'files' ? 'title' : 'alt'

    it(`${canCreate ? 'can' : 'cannot'} upload`, async () => {
      const create = async () =>
        collection === 'files'
          ? payload.create({ collection, data: { title: 'Tải lên' } as any, filePath: FIXTURE_PDF, ...(await opts()) })
          : payload.create({
              collection,
              data: { alt: 'Tải lên' } as any,
              file: { data: await png(), mimetype: 'image/png', name: 'anh.png', size: 1 },
              ...(await opts()),
            })
      expect(await allowed(create)).toBe(canCreate)
    })

    it(`${canUpdate ? 'can' : 'cannot'} change an unpublished upload, and ${canUpdateLive ? 'can' : 'cannot'} change a live one`, async () => {
      const draft = await upload(collection, ownOrg())
      expect(await allowed(async () => payload.update({ collection, id: draft.id, data: { [titleField]: 'Đã sửa' }, ...(await opts()) }))).toBe(canUpdate)
      const live = await upload(collection, ownOrg(), true)
      expect(await allowed(async () => payload.update({ collection, id: live.id, data: { [titleField]: 'Sửa bản đang dùng' }, ...(await opts()) }))).toBe(
        canUpdateLive,
      )
      const after: any = await payload.findByID({ collection, id: live.id })
      expect(after[titleField]).toBe(canUpdateLive ? 'Sửa bản đang dùng' : collection === 'files' ? 'Bản gốc' : 'Ảnh bìa')
    })

    it(`${canDelete ? 'can' : 'cannot'} delete an unpublished upload, and ${canDeleteLive ? 'can' : 'cannot'} delete a live one`, async () => {
      const draft = await upload(collection, ownOrg())
      expect(await allowed(async () => payload.delete({ collection, id: draft.id, ...(await opts()) }))).toBe(canDelete)
      const live = await upload(collection, ownOrg(), true)
      expect(await allowed(async () => payload.delete({ collection, id: live.id, ...(await opts()) }))).toBe(canDeleteLive)
      expect((await payload.count({ collection, where: { id: { in: [draft.id, live.id] } } })).totalDocs).toBe(2 - Number(canDelete) - Number(canDeleteLive))
    })

    it(`${canReadOthers ? 'can' : 'cannot'} read another organization's unpublished upload`, async () => {
      const theirs = await upload(collection, orgs.tw.id)
      const found = await payload.find({ collection, where: { id: { equals: theirs.id } }, ...(await opts()) })
      expect(found.docs.length).toBe(canReadOthers ? 1 : 0)
    })
  })

  it('keep a contributor to their own organization', async () => {
    const user = await asUser(payload, users.contributor.id)
    const as = { user, overrideAccess: false }
    const other = await upload(collection, orgs.tw.id)
    expect(await allowed(() => payload.update({ collection, id: other.id, data: { [collection === 'files' ? 'title' : 'alt']: 'X' }, ...as }))).toBe(false)
    expect(await allowed(() => payload.delete({ collection, id: other.id, ...as }))).toBe(false)
    const foreign = collection === 'files' ? { title: 'Của tổ chức khác', organization: orgs.tw.id } : { alt: 'Của tổ chức khác', organization: orgs.tw.id }
    const createForeign = () =>
      collection === 'files'
        ? payload.create({ collection, data: foreign as any, filePath: FIXTURE_PDF, ...as })
        : png().then((data) => payload.create({ collection, data: foreign as any, file: { data, mimetype: 'image/png', name: 'anh.png', size: 1 }, ...as }))
    expect(await allowed(createForeign)).toBe(false)
    // Their own upload is filed under their organization, and cannot be moved out of it.
    const own: any =
      collection === 'files'
        ? await payload.create({ collection, data: { title: 'Của chi bộ' } as any, filePath: FIXTURE_PDF, ...as })
        : await payload.create({
            collection,
            data: { alt: 'Của chi bộ' } as any,
            file: { data: await png(), mimetype: 'image/png', name: 'anh.png', size: 1 },
            ...as,
          })
    expect(own.organization?.id ?? own.organization).toBe(orgs.branch.id)
    await payload.update({ collection, id: own.id, data: { organization: orgs.tw.id } as any, ...as }).catch(() => null)
    const reread: any = await payload.findByID({ collection, id: own.id, depth: 0 })
    expect(reread.organization).toBe(orgs.branch.id)
  })
})

describe('versions follow the content read rule', () => {
  it.each([
    ['admin', true, true],
    ['publisher', true, true],
    ['editor', true, true],
    ['contributor', true, false],
    ['member', false, false],
  ] as const)('%s: own organization %s, another organization (secret draft) %s', async (role, own, others) => {
    const ownDraft = await payload.create({ collection: 'documents', data: ownDocument({ title: 'Nháp của chi bộ' }), draft: true })
    const secret = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { title: 'Dự thảo mật của Trung ương', secrecy: 'mat' }),
      draft: true,
    })
    const user = await asUser(payload, users[role].id)
    const read = (id: string) =>
      payload.findVersions({ collection: 'documents', where: { parent: { equals: id } }, user, overrideAccess: false }).then(
        (r) => r.docs.length > 0,
        (error: { status?: number }) => {
          if (error?.status === 403) return false
          throw error
        },
      )
    expect(await read(String(ownDraft.id))).toBe(own)
    expect(await read(String(secret.id))).toBe(others)
  })

  it('applies to every editorial collection (news by its organization)', async () => {
    const theirs = await payload.create({ collection: 'news', data: newsData({ title: 'Tin nháp của Trung ương', organization: orgs.tw.id }), draft: true })
    const mine = await payload.create({ collection: 'news', data: newsData({ title: 'Tin nháp của chi bộ', organization: orgs.branch.id }), draft: true })
    const user = await asUser(payload, users.contributor.id)
    const { docs } = await payload.findVersions({ collection: 'news', user, overrideAccess: false, limit: 500 })
    const parents = new Set(docs.map((v) => String((v.parent as { id?: string } | null)?.id ?? v.parent)))
    expect(parents.has(String(mine.id))).toBe(true)
    expect(parents.has(String(theirs.id))).toBe(false)
  })
})
