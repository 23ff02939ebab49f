import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchEngine, SearchItem, SearchQuery } from '../../search/contract'
import { setSearchEngine } from '../../search/engine'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { checkDrift, reindexAll } from '../../cms/publish/search/reindex'
import { runQueuedJobs } from '../../cms/jobs/runner'
import { documentData, startWorld } from '../helpers/fixtures'

/** The real embedded engine, with a switch that makes every call fail like an unreachable server. */
function flakyEngine(inner: SearchEngine) {
  const state = { down: false, upserts: new Map<string, number>(), calls: 0 }
  const guard = () => {
    state.calls++
    if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:7700')
  }
  const engine: SearchEngine = {
    name: `flaky ${inner.name}`,
    index: inner.index,
    search: async (q) => (guard(), inner.search(q)),
    upsert: async (items: SearchItem[]) => {
      guard()
      await inner.upsert(items)
      for (const item of items) state.upserts.set(item.id, (state.upserts.get(item.id) ?? 0) + 1)
    },
    remove: async (ids) => (guard(), inner.remove(ids)),
    replaceAll: async (batches) => (guard(), inner.replaceAll(batches)),
    entries: async () => (guard(), inner.entries()),
    close: () => inner.close(),
  }
  return { engine, state }
}

const query = (q: string, filters: SearchQuery['filters'] = {}): SearchQuery => ({ q, filters, page: 1, limit: 50 })
const runJobs = (payload: Payload) => runQueuedJobs(payload, 200)

let payload: Payload
let issuer: string
let inner: SearchEngine
let flaky: ReturnType<typeof flakyEngine>
let members: SearchEngine
let orgs: Awaited<ReturnType<typeof startWorld>>['orgs']

beforeAll(async () => {
  const world = await startWorld()
  payload = world.payload
  issuer = world.orgs.tw.id
  inner = createSqliteEngine({ path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-index-')), 'index.sqlite') })
  flaky = flakyEngine(inner)
  setSearchEngine(flaky.engine)
  orgs = world.orgs
  members = createSqliteEngine({ path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-index-')), 'members.sqlite'), which: 'members' })
  setSearchEngine(members, 'members')
})

afterAll(async () => {
  setSearchEngine(undefined)
  setSearchEngine(undefined, 'members')
  await members?.close()
  await inner?.close()
  await payload?.destroy()
})

const publish = (overrides: Record<string, unknown>) =>
  payload.create({ collection: 'documents', data: documentData(issuer, { _status: 'published', ...overrides }) })

const titles = async (q: string) => (await inner.search(query(q))).hits.map((h) => h.title)

describe('search sync through the jobs queue', () => {
  it('finds a document once it is published, and not while it is a draft', async () => {
    const draft = await payload.create({ collection: 'documents', data: documentData(issuer, { title: 'Về công tác thủy lợi nội đồng' }), draft: true })
    await runJobs(payload)
    expect(await titles('thuy loi noi dong')).not.toContain('Về công tác thủy lợi nội đồng')

    await payload.update({ collection: 'documents', id: draft.id, data: { _status: 'published' } })
    await runJobs(payload)
    expect(await titles('thuy loi noi dong')).toEqual(['Về công tác thủy lợi nội đồng'])
  })

  it('drops a document that is unpublished, switched to members-only or deleted', async () => {
    const a = await publish({ title: 'Về phát triển chè Shan tuyết vùng cao' })
    const b = await publish({ title: 'Về bảo tồn nhà sàn truyền thống' })
    const c = await publish({ title: 'Về nuôi ong lấy mật rừng' })
    await runJobs(payload)
    expect(await titles('che shan tuyet')).toHaveLength(1)
    expect(await titles('nha san truyen thong')).toHaveLength(1)
    expect(await titles('nuoi ong mat rung')).toHaveLength(1)

    await payload.update({ collection: 'documents', id: a.id, data: { _status: 'draft' } })
    await payload.update({ collection: 'documents', id: b.id, data: { audience: 'members' } })
    await payload.delete({ collection: 'documents', id: c.id })
    await runJobs(payload)

    // The engine relaxes a query that matches nothing, so other items may come back: not these.
    expect(await titles('che shan tuyet')).not.toContain('Về phát triển chè Shan tuyết vùng cao')
    expect(await titles('nha san truyen thong')).not.toContain('Về bảo tồn nhà sàn truyền thống')
    expect(await titles('nuoi ong mat rung')).not.toContain('Về nuôi ong lấy mật rừng')
    const indexed = new Set((await inner.entries()).map((e) => e.id))
    expect([a, b, c].filter((d) => indexed.has(`document:${d.id}`))).toEqual([])
  })

  it('keeps the published version searchable while a newer draft is being edited', async () => {
    const doc = await publish({ title: 'Về xây dựng nông thôn mới kiểu mẫu' })
    await payload.update({ collection: 'documents', id: doc.id, data: { title: 'Bản nháp chưa duyệt về đường giao thông' }, draft: true })
    await runJobs(payload)
    expect(await titles('nong thon moi kieu mau')).toEqual(['Về xây dựng nông thôn mới kiểu mẫu'])
    expect(await titles('ban nhap chua duyet')).not.toContain('Bản nháp chưa duyệt về đường giao thông')
  })

  it('publishes 50 documents while the engine is down, then indexes each exactly once after it recovers', async () => {
    flaky.state.down = true
    const callsBefore = flaky.state.calls
    const created: string[] = []
    for (let i = 1; i <= 50; i++) {
      const doc = await publish({ number: `${900 + i}-NQ/TW`, title: `Về mô hình hợp tác xã kiểu mới số ${i}` })
      created.push(`document:${doc.id}`)
    }
    // Publishing only queued jobs: it never touched the (failing) engine.
    expect(flaky.state.calls).toBe(callsBefore)

    await runJobs(payload) // every job fails once and is scheduled for a retry with backoff
    expect(created.filter((id) => flaky.state.upserts.has(id))).toEqual([])

    flaky.state.down = false
    // The first retry waits ≈ 2 s (exponential backoff from 2 s); run until the queue is drained.
    for (let round = 0; round < 10; round++) {
      await new Promise((resolve) => setTimeout(resolve, 1500))
      await runJobs(payload)
      if (created.every((id) => flaky.state.upserts.has(id))) break
    }
    expect(created.map((id) => flaky.state.upserts.get(id))).toEqual(created.map(() => 1))
    const found = await inner.search(query('hop tac xa kieu moi'))
    expect(found.total).toBe(50)
    const pending = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    })
    expect(pending.totalDocs).toBe(0)
  }, 120_000)

  it('reindex --check reports drift, and a full reindex repairs it', async () => {
    const doc = await publish({ title: 'Về trồng rừng gỗ lớn' })
    // Not running the jobs: the index misses the new document.
    let drift = await checkDrift(payload, inner)
    expect(drift.missing).toContain(`document:${doc.id}`)

    const ghost: SearchItem = {
      id: 'document:khong-con-trong-cms',
      kind: 'document',
      slug: 'khong-con',
      url: '/van-ban/khong-con/',
      title: 'Văn bản đã xóa khỏi CMS',
      number: null,
      numberKey: null,
      numberShortKey: null,
      numberCompactKey: null,
      type: 'nghi-quyet',
      issuer: null,
      issuerName: null,
      level: 'tinh',
      issuedAt: '2020-01-01',
      year: 2020,
      fields: [],
      fieldNames: [],
      status: 'in-force',
      summary: '',
      body: '',
      attachmentText: '',
      updatedAt: '2020-01-01T00:00:00.000Z',
      scope: 'public',
    }
    await inner.upsert([ghost])
    drift = await checkDrift(payload, inner)
    expect(drift.extra).toEqual(['document:khong-con-trong-cms'])

    const { count } = await reindexAll(payload, inner)
    expect(count).toBeGreaterThan(50)
    drift = await checkDrift(payload, inner)
    expect(drift).toEqual({ missing: [], stale: [], extra: [] })
    expect(await titles('trong rung go lon')).toEqual(['Về trồng rừng gỗ lớn'])
  })

  it("keeps each item's scope in the members' index, and only public items in the public one", async () => {
    const branchOnly = await publish({ title: 'Về lịch sinh hoạt chi bộ thôn Đông Hòa', audience: 'organization', audienceOrganization: orgs.branch.id })
    const allMembers = await publish({ title: 'Về học tập nghị quyết cho mọi đảng viên', audience: 'members' })
    const open = await publish({ title: 'Về phát triển du lịch cộng đồng' })
    const secret = await payload.create({
      collection: 'documents',
      data: documentData(issuer, { title: 'Về phương án bảo vệ bí mật', secrecy: 'mat' }),
      draft: true,
    })
    const notice = await payload.create({
      collection: 'announcements',
      data: {
        title: 'Thông báo họp chi bộ tháng mười hai',
        organization: orgs.branch.id,
        body: documentData(issuer).summary,
        publishedAt: '2026-12-01',
        _status: 'published',
      } as never,
    })
    await runJobs(payload)
    const scopesOf = async (q: string, scopes?: SearchQuery['scopes']) =>
      Object.fromEntries((await members.search({ ...query(q), scopes })).hits.map((h) => [h.title, h.url]))

    const BRANCH = 'Về lịch sinh hoạt chi bộ thôn Đông Hòa'
    expect(Object.keys(await scopesOf('lich sinh hoat chi bo dong hoa', [`org:${orgs.branch.id}`]))).toEqual([BRANCH])
    expect(Object.keys(await scopesOf('lich sinh hoat chi bo dong hoa', ['public', 'members', `org:${orgs.tw.id}`]))).not.toContain(BRANCH)
    expect((await scopesOf('hoc tap nghi quyet moi dang vien', ['members']))['Về học tập nghị quyết cho mọi đảng viên']).toMatch(/^\/ca-nhan\/van-ban\//)
    expect((await scopesOf('du lich cong dong', ['public']))['Về phát triển du lịch cộng đồng']).toMatch(/^\/van-ban\//)
    expect((await scopesOf('hop chi bo thang muoi hai', [`org:${orgs.branch.id}`]))['Thông báo họp chi bộ tháng mười hai']).toMatch(/^\/ca-nhan\/thong-bao\//)
    expect(Object.keys(await scopesOf('bao ve bi mat'))).not.toContain('Về phương án bảo vệ bí mật')
    // The public index holds the public one only.
    expect(await titles('lich sinh hoat chi bo dong hoa')).not.toContain(BRANCH)
    expect(await titles('hop chi bo thang muoi hai')).not.toContain('Thông báo họp chi bộ tháng mười hai')
    expect(await titles('du lich cong dong')).toContain('Về phát triển du lịch cộng đồng')

    // Widening and withdrawing move the item between indexes and scopes at once.
    await payload.update({ collection: 'documents', id: branchOnly.id, data: { audience: 'public' } })
    await payload.update({ collection: 'documents', id: allMembers.id, data: { _status: 'draft' } })
    await payload.delete({ collection: 'announcements', id: notice.id })
    await runJobs(payload)
    expect(await titles('lich sinh hoat chi bo dong hoa')).toContain(BRANCH)
    expect(Object.keys(await scopesOf('lich sinh hoat chi bo dong hoa', ['public']))).toContain(BRANCH)
    expect(Object.keys(await scopesOf('hoc tap nghi quyet moi dang vien'))).not.toContain('Về học tập nghị quyết cho mọi đảng viên')
    expect(Object.keys(await scopesOf('hop chi bo thang muoi hai'))).not.toContain('Thông báo họp chi bộ tháng mười hai')
    expect(await checkDrift(payload, members)).toEqual({ missing: [], stale: [], extra: [] })
    expect(open.id && secret.id).toBeTruthy()
  })
})
