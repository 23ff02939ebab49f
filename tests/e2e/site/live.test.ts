/**
 * Publish to live: a real CMS (Payload on a copy of the fixture's SQLite database, jobs run as the
 * worker would) and a real site server (the fixture's build on that copy's library store). Every
 * page is fetched once before a change so it sits in the route cache; the change must still show
 * everywhere — on the document, its listings and facet pages, the home page, the feed, the sitemap,
 * the pages of related documents, and search.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { lastChange, openStore } from '../../../library/store'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { get, type Env, type RunningServer } from '../../helpers/site'

const site = inject('site')
let world: LiveWorld
let env: Env
let payload: Payload
let server: RunningServer
let runJobs: () => Promise<void>
let target: { id: string; slug: string; title: string }
let issuer: { id: string; slug: string }
let subject: { id: string; slug: string }

beforeAll(async () => {
  world = await startLiveWorld(site, 'live', 'demo')
  ;({ payload, server, runJobs, env } = world)
  const doc = (await payload.find({ collection: 'documents', where: { slug: { equals: 'quyet-dinh-27-tw-2021' } }, depth: 0, limit: 1 })).docs[0]!
  target = { id: String(doc.id), slug: doc.slug!, title: doc.title }
  const org = await payload.findByID({ collection: 'organizations', id: String(doc.issuer), depth: 0 })
  issuer = { id: String(org.id), slug: org.slug! }
  const s = (await payload.find({ collection: 'subjects', limit: 1, depth: 0, sort: 'name' })).docs[0]!
  subject = { id: String(s.id), slug: s.slug! }
})

afterAll(async () => {
  await world?.stop()
})

let counter = 950
function newDocument(overrides: Record<string, unknown> = {}) {
  counter += 1
  return {
    type: 'quyet-dinh',
    number: `${counter}-QĐ/TW`,
    title: `Quyết định thử nghiệm số ${counter} về đưa văn bản lên thư viện ngay khi xuất bản`,
    summary: plainTextToLexical(`Tóm tắt quyết định thử nghiệm số ${counter}.`),
    issuer: issuer.id,
    level: 'trung-uong',
    issuedAt: '2026-11-20',
    subjects: [subject.id],
    implements: [target.id],
    audience: 'public',
    secrecy: 'none',
    _status: 'published',
    ...overrides,
  } as never
}

/** Every page a new document of newDocument() shows up on. */
const placesOf = (slug: string) => [
  `/van-ban/${slug}/`,
  '/',
  '/van-ban/',
  '/van-ban/loai/quyet-dinh/',
  `/van-ban/co-quan/${issuer.slug}/`,
  '/van-ban/cap/trung-uong/',
  '/van-ban/nam/2026/',
  `/van-ban/linh-vuc/${subject.slug}/`,
  '/van-ban/hieu-luc/con-hieu-luc/',
  '/van-ban/rss.xml',
  `/van-ban/${target.slug}/`, // the document it implements lists it
]

/** Fetches each page twice, so the second answer comes from the route cache. */
async function warm(paths: string[]) {
  for (const p of paths) {
    await get(server.url, p)
    const again = await get(server.url, p)
    if (again.status === 200 && !p.endsWith('.xml')) expect(again.headers.get('x-astro-cache'), p).toBe('HIT')
  }
}

async function searchSlugs(q: string): Promise<string[]> {
  const res = await get(server.url, `/api/search?q=${encodeURIComponent(q)}`)
  expect(res.status).toBe(200)
  return (JSON.parse(res.text) as { hits: Array<{ slug: string }> }).hits.map((h) => h.slug)
}

async function sitemapText() {
  return (await get(server.url, '/sitemap-0.xml')).text
}

describe('publish, edit, unpublish', () => {
  it('a published document appears on every page it belongs to and in search', async () => {
    const slugGuess = `quyet-dinh-${counter + 1}-tw-2026`
    await warm([...placesOf(slugGuess).slice(1), '/sitemap-0.xml'])
    const created = await payload.create({ collection: 'documents', data: newDocument() })
    expect(created.slug).toBe(slugGuess)
    await runJobs()
    for (const p of placesOf(created.slug!)) {
      const res = await get(server.url, p)
      expect(res.status, p).toBe(200)
      expect(res.text, p).toContain(p === `/van-ban/${created.slug}/` || p.endsWith('.xml') ? created.title : `/van-ban/${created.slug}/`)
    }
    expect(await sitemapText()).toContain(`/van-ban/${created.slug}/`)
    expect((await searchSlugs(`${counter} qd tw`))[0]).toBe(created.slug)
  })

  it('an edited title shows everywhere and the old one nowhere', async () => {
    const created = await payload.create({ collection: 'documents', data: newDocument() })
    await runJobs()
    await warm(placesOf(created.slug!))
    const newTitle = `Tiêu đề đã sửa của quyết định ${counter} về thư viện trực tuyến`
    await payload.update({ collection: 'documents', id: created.id, data: { title: newTitle } as never })
    await runJobs()
    for (const p of placesOf(created.slug!)) {
      const res = await get(server.url, p)
      expect(res.status, p).toBe(200)
      // The home page and listings show the 6/20 newest; each of these lists it with its title.
      expect(res.text, p).toContain(newTitle)
      expect(res.text, p).not.toContain(created.title)
    }
    const hit = JSON.parse((await get(server.url, `/api/search?q=${encodeURIComponent(`${counter} qd tw`)}`)).text).hits[0]
    expect(hit.title).toBe(newTitle)
  })

  it.each([
    ['unpublished', { _status: 'draft' }],
    ['switched to members-only', { audience: 'members' }],
    ['deleted', null],
  ] as const)('a document %s is gone from its page, listings, feeds, sitemap, related pages and search', async (_, change) => {
    const created = await payload.create({ collection: 'documents', data: newDocument() })
    await runJobs()
    const places = placesOf(created.slug!)
    await warm([...places, '/sitemap-0.xml'])
    expect((await get(server.url, places[0]!)).text).toContain(created.title)
    if (change) await payload.update({ collection: 'documents', id: created.id, data: change as never })
    else await payload.delete({ collection: 'documents', id: created.id })
    await runJobs()
    expect((await get(server.url, `/van-ban/${created.slug}/`)).status).toBe(404)
    for (const p of places.slice(1)) {
      const res = await get(server.url, p)
      expect(res.status, p).toBe(200)
      expect(res.text, p).not.toContain(`/van-ban/${created.slug}/`)
      expect(res.text, p).not.toContain(created.title)
    }
    expect(await sitemapText()).not.toContain(`/van-ban/${created.slug}/`)
    expect(await searchSlugs(`${counter} qd tw`)).not.toContain(created.slug)
  })
})

describe('a failed update', () => {
  it('leaves the site serving the previous version whole, then lands in full once it can', async () => {
    const created = await payload.create({ collection: 'documents', data: newDocument() })
    await runJobs()
    const page = `/van-ban/${created.slug}/`
    const before = await get(server.url, page)
    expect(before.status).toBe(200)

    // The edit adds an attachment whose stored bytes vanish before the site sync copies them.
    const pdf = fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/attachments/nghi-quyet-mau.pdf'))
    const file = await payload.create({
      collection: 'files',
      data: { title: 'Bản gốc quyết định thử nghiệm' } as never,
      file: { data: pdf, mimetype: 'application/pdf', name: `ban-goc-${counter}.pdf`, size: pdf.length },
    })
    const newTitle = `Tiêu đề mới kèm bản gốc của quyết định ${counter}`
    await payload.update({ collection: 'documents', id: created.id, data: { title: newTitle, attachments: [file.id] } as never })
    const stored = path.join(env.DATA_DIR!, 'files', file.filename!)
    const moved = `${stored}.away`
    fs.renameSync(stored, moved)
    const store = openStore(env.DATA_DIR!)
    const seqBefore = lastChange(store)
    await runJobs()

    expect(lastChange(store), 'nothing was committed to the library store').toBe(seqBefore)
    const during = await get(server.url, page)
    expect(during.status).toBe(200)
    expect(during.text).toBe(before.text)
    expect(during.text).not.toContain(newTitle)
    expect((await get(server.url, `/tep/${file.filename}`)).status).toBe(404)
    expect(fs.existsSync(path.join(env.DATA_DIR!, 'site', 'files', file.filename!))).toBe(false)
    // The job failed, is kept, and will be retried after its backoff.
    const pending = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'syncSite' } }, { completedAt: { exists: false } }] },
      depth: 0,
    })
    const tried = pending.docs.filter((j) => JSON.stringify(j.log ?? []).includes('Could not copy the upload'))
    expect(tried.length).toBeGreaterThan(0)

    // The bytes are back; the retried job (run here without waiting for its backoff) lands it all.
    fs.renameSync(moved, stored)
    const { syncEntries } = await import('../../../cms/publish/site/sync')
    await syncEntries(payload, env.DATA_DIR!, [{ collection: 'documents', id: String(created.id) }])
    const after = await get(server.url, page)
    expect(after.text).toContain(newTitle)
    const link = after.text.match(/href="(\/tep\/[^"]+\.pdf)"/)?.[1]
    expect(link).toBe(`/tep/${file.filename}`)
    const download = await get(server.url, link!)
    expect(download.status).toBe(200)
    expect(download.bytes.equals(pdf)).toBe(true)
    store.close()
  })
})
