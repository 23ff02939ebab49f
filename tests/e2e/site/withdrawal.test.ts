/**
 * Withdrawn content leaves the site at once, whatever happened between two site requests. The
 * reproduction of the bug a hostile tester found: with no site traffic, B is switched to
 * members-only while F is published and unpublished again; the site then answered 500 on its home
 * page and kept serving B for ever. Real CMS, real site server, real library store.
 */
import { DatabaseSync } from 'node:sqlite'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'

const site = inject('site')
let world: LiveWorld
let payload: Payload
let issuer: string

beforeAll(async () => {
  world = await startLiveWorld(site, 'withdrawal', 'demo')
  payload = world.payload
  issuer = String((await payload.find({ collection: 'organizations', where: { code: { equals: 'TW' } }, limit: 1, depth: 0 })).docs[0]!.id)
})

afterAll(async () => {
  await world?.stop()
})

let counter = 700
function publicDocument() {
  counter += 1
  return {
    type: 'chi-thi',
    number: `${counter}-CT/TW`,
    title: `Chỉ thị thử nghiệm số ${counter} về rút văn bản khỏi thư viện`,
    summary: plainTextToLexical(`Tóm tắt chỉ thị thử nghiệm số ${counter}.`),
    issuer,
    level: 'trung-uong',
    issuedAt: '2026-10-01',
    audience: 'public',
    secrecy: 'none',
    _status: 'published',
  } as never
}

async function health() {
  const res = await world.get('/api/health')
  return {
    status: res.status,
    body: JSON.parse(res.text) as { status: string; documents: number; position: number; store: number; behind: number; error?: string },
  }
}

async function searchSlugs(q: string) {
  const res = await world.get(`/api/search?q=${encodeURIComponent(q)}`)
  expect(res.status, `/api/search?q=${q}`).toBe(200)
  return (JSON.parse(res.text) as { hits: Array<{ slug: string }> }).hits.map((h) => h.slug)
}

const publicCount = async () => (await payload.count({ collection: 'documents', overrideAccess: false })).totalDocs

describe('changes that pile up between two site requests', () => {
  it.each([
    ['switched to members-only', { audience: 'members' }],
    ['unpublished', { _status: 'draft' }],
    ['deleted', null],
  ] as const)('B %s while F is published and unpublished: B leaves every channel, nothing answers 500', async (_, change) => {
    const b = await payload.create({ collection: 'documents', data: publicDocument() })
    await world.runJobs()
    expect((await world.get(`/van-ban/${b.slug}/`)).status).toBe(200)
    expect((await world.get('/')).text).toContain(`/van-ban/${b.slug}/`)
    expect(await searchSlugs(b.number)).toContain(b.slug)

    // No site request from here on until every change is in the library store.
    if (change) await payload.update({ collection: 'documents', id: b.id, data: change as never })
    else await payload.delete({ collection: 'documents', id: b.id })
    await world.runJobs()
    const f = await payload.create({ collection: 'documents', data: publicDocument() })
    await world.runJobs()
    await payload.update({ collection: 'documents', id: f.id, data: { _status: 'draft' } as never })
    await world.runJobs()

    const home = await world.get('/')
    expect(home.status).toBe(200)
    expect(home.text).not.toContain(`/van-ban/${b.slug}/`)
    expect((await world.get(`/van-ban/${b.slug}/`)).status).toBe(404)
    expect((await world.get(`/van-ban/${f.slug}/`)).status).toBe(404)
    expect((await world.get('/van-ban/')).text).not.toContain(b.title)
    expect((await world.get('/van-ban/rss.xml')).text).not.toContain(b.title)
    expect(await searchSlugs(b.number)).not.toContain(b.slug)
    expect(await searchSlugs(f.number)).not.toContain(f.slug)
    const h = await health()
    expect(h.status).toBe(200)
    expect(h.body.behind).toBe(0)
    expect(h.body.documents).toBe(await publicCount())
  })
})

describe('a library store the site cannot read', () => {
  it('keeps serving the last good library, reports 503 on /api/health, and catches up once the store is readable', async () => {
    const doc = await payload.create({ collection: 'documents', data: publicDocument() })
    await world.runJobs()
    const page = `/van-ban/${doc.slug}/`
    const before = await world.get(page)
    expect(before.status).toBe(200)
    expect((await health()).status).toBe(200)

    // A damaged entry (as a disk error or a bad hand edit would leave it), announced in the change log.
    const store = new DatabaseSync(path.join(world.env.DATA_DIR!, 'site', 'library.sqlite'))
    const good = (store.prepare("SELECT data FROM entries WHERE collection = 'documents' AND id = ?").get(String(doc.id)) as { data: string }).data
    store.prepare("UPDATE entries SET data = '{\"id\": broken' WHERE collection = 'documents' AND id = ?").run(String(doc.id))
    store.prepare("INSERT INTO changes (collection, id) VALUES ('documents', ?)").run(String(doc.id))

    const during = await world.get(page)
    expect(during.status).toBe(200)
    expect(during.text).toContain(doc.title)
    expect((await world.get('/')).status).toBe(200)
    const broken = await health()
    expect(broken.status).toBe(503)
    expect(broken.body.behind).toBeGreaterThan(0)
    expect(broken.body.error).toMatch(/JSON/)

    store.prepare("UPDATE entries SET data = ? WHERE collection = 'documents' AND id = ?").run(good, String(doc.id))
    store.prepare("INSERT INTO changes (collection, id) VALUES ('documents', ?)").run(String(doc.id))
    store.close()
    const repaired = await health()
    expect(repaired.status).toBe(200)
    expect(repaired.body.behind).toBe(0)
    expect(repaired.body.position).toBe(repaired.body.store)
    expect((await world.get(page)).text).toContain(doc.title)
  })
})
