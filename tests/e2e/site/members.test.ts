/**
 * The members' leak matrix: an anonymous visitor, a member of chi bộ A, a member of chi bộ B and a
 * member of their parent đảng bộ P each see exactly what their scope allows, on every channel —
 * the members' pages, "Của tôi", the members' search, the private feed, files, the public pages,
 * search, feeds and sitemap, and the CMS's REST and GraphQL APIs. Real servers: Payload's REST
 * handlers over HTTP, the built site server, one SQLite database and data folder. Then: no member
 * page or member search answer is ever served from the shared cache to another visitor.
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { PASSWORD } from '../../helpers/fixtures'
import { ROOT, textOf } from '../../helpers/site'
import { startCmsHttp } from '../../cms/mail/helpers/cmsHttp'

const site = inject('site')
let world: LiveWorld
let payload: Payload
let cms: Awaited<ReturnType<typeof startCmsHttp>>

type Reader = 'anonymous' | 'a' | 'b' | 'p'
type Item = 'pub' | 'members' | 'forA' | 'forB' | 'forP' | 'noticeA'
const READERS: Reader[] = ['anonymous', 'a', 'b', 'p']

/** Who may read what: public for all, "members" for every member, an organization's items for it and those below. */
const ALLOWED: Record<Reader, Item[]> = {
  anonymous: ['pub'],
  a: ['pub', 'members', 'forA', 'forP', 'noticeA'],
  b: ['pub', 'members', 'forB', 'forP'],
  p: ['pub', 'members', 'forP'],
}

/** Titles with words no other item has, so a search for them finds that item alone. */
const TITLES: Record<Item, string> = {
  pub: 'Hướng dẫn phát triển du lịch cộng đồng bản Lác',
  members: 'Thông báo kết luận học tập chuyên đề quý tư',
  forA: 'Kế hoạch trồng keo lai ven suối Đông Hòa',
  forB: 'Kế hoạch nuôi cá rô đồng Tây Hòa',
  forP: 'Nghị quyết phát triển chè Shan tuyết toàn đảng bộ',
  noticeA: 'Họp chi bộ bàn việc đổ bê tông đường nội thôn',
}
const QUERIES: Record<Item, string> = {
  pub: 'du lich cong dong ban lac',
  members: 'ket luan hoc tap chuyen de quy tu',
  forA: 'trong keo lai ven suoi',
  forB: 'nuoi ca ro dong',
  forP: 'che shan tuyet',
  noticeA: 'do be tong duong noi thon',
}

const slugs = {} as Record<Item, string>
const ids = {} as Record<Item, string>
let fileA = ''
const cookies = {} as Record<Exclude<Reader, 'anonymous'>, string>
const tokens = {} as Record<Exclude<Reader, 'anonymous'>, string>

async function request(pathname: string, reader: Reader, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (reader !== 'anonymous') headers.set('cookie', cookies[reader])
  const res = await fetch(new URL(pathname, world.server.url), { ...init, headers, redirect: 'manual' })
  return { status: res.status, text: await res.text(), headers: res.headers }
}

async function signIn(identifier: string) {
  const res = await fetch(new URL('/dang-nhap/', world.server.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.server.url },
    body: new URLSearchParams({ identifier, password: PASSWORD, remember: '1', tiep: '/ca-nhan/' }).toString(),
  })
  expect(res.status, await res.clone().text()).toBe(303)
  expect(res.headers.get('location')).toBe('/ca-nhan/')
  // The site is served over https here (SITE_URL): the session cookie never travels in the clear,
  // and no script can read it.
  expect(res.headers.getSetCookie().find((c) => c.startsWith('sotay_phien='))).toMatch(/; HttpOnly; SameSite=Lax; Secure; Max-Age=7776000$/)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

beforeAll(async () => {
  world = await startLiveWorld(site, 'members', 'empty')
  payload = world.payload
  cms = await startCmsHttp()
  world.env.CMS_INTERNAL_URL = cms.url
  await world.restartServer()

  const org = async (name: string, code: string, kind: string, parent?: string) =>
    String((await payload.create({ collection: 'organizations', data: { name, code, kind, parent } as never })).id)
  const p = await org('Đảng bộ xã Hòa Bình', 'DBX', 'dang-bo-co-so')
  const a = await org('Chi bộ thôn Đông Hòa', 'CBA', 'chi-bo', p)
  const b = await org('Chi bộ thôn Tây Hòa', 'CBB', 'chi-bo', p)
  const organizationOf: Record<Item, string | undefined> = { pub: undefined, members: undefined, forA: a, forB: b, forP: p, noticeA: a }

  const file = await payload.create({
    collection: 'files',
    data: { title: 'Dự toán đường keo lai' },
    filePath: path.join(ROOT, 'tests/fixtures/attachments/nghi-quyet-mau.pdf'),
  })
  fileA = String(file.filename)
  let n = 600
  for (const item of ['pub', 'members', 'forA', 'forB', 'forP'] as const) {
    n += 1
    const doc = await payload.create({
      collection: 'documents',
      data: {
        type: 'nghi-quyet',
        number: `${n}-NQ/ĐU`,
        title: TITLES[item],
        summary: plainTextToLexical(`Tóm tắt: ${TITLES[item]}.`),
        issuer: p,
        level: 'co-so',
        issuedAt: `2026-11-0${n % 9 || 1}`,
        audience: item === 'pub' ? 'public' : item === 'members' ? 'members' : 'organization',
        audienceOrganization: organizationOf[item],
        attachments: item === 'forA' ? [String(file.id)] : [],
        _status: 'published',
      } as never,
    })
    slugs[item] = String(doc.slug)
    ids[item] = String(doc.id)
  }
  const notice = await payload.create({
    collection: 'announcements',
    data: {
      title: TITLES.noticeA,
      organization: a,
      body: plainTextToLexical('Nội dung: bàn phương án góp công, góp vật liệu.'),
      meetingAt: '2026-12-20T12:30:00.000Z',
      location: 'Nhà văn hóa thôn Đông Hòa',
      publishedAt: '2026-12-02',
      _status: 'published',
    } as never,
  })
  slugs.noticeA = String(notice.slug)
  ids.noticeA = String(notice.id)

  const member = async (name: string, phone: string, organization: string) =>
    payload.create({ collection: 'members', data: { name, phone, organization, password: PASSWORD, status: 'active' } as never })
  await member('Nguyễn Văn An', '0912000001', a)
  await member('Trần Thị Bình', '0912000002', b)
  await member('Lê Văn Phúc', '0912000003', p)
  await world.runJobs()
  for (const [reader, phone] of [
    ['a', '0912 000 001'],
    ['b', '+84 912 000 002'],
    ['p', '0912.000.003'],
  ] as const) {
    cookies[reader] = await signIn(phone)
    const login = await fetch(`${cms.url}/api/members/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: phone.replace(/\D/g, '').replace(/^84/, '0'), password: PASSWORD }),
    })
    tokens[reader] = ((await login.json()) as { token: string }).token
  }
})

afterAll(async () => {
  await cms?.close()
  await world?.stop()
})

const memberPage = (item: Item) => (item === 'noticeA' ? `/ca-nhan/thong-bao/${slugs[item]}/` : `/ca-nhan/van-ban/${slugs[item]}/`)
const ITEMS = Object.keys(TITLES) as Item[]

describe.each(READERS)('%s', (reader) => {
  const allowed = new Set(ALLOWED[reader])

  it("opens exactly the members' pages of its scope (anonymous: sent to sign in)", async () => {
    for (const item of ITEMS) {
      const res = await request(memberPage(item), reader)
      if (reader === 'anonymous') {
        expect(res.status, item).toBe(303)
        expect(res.headers.get('location')).toMatch(/^\/dang-nhap\/\?tiep=/)
        continue
      }
      expect(res.status, `${reader} ${item}`).toBe(allowed.has(item) ? 200 : 404)
      if (allowed.has(item)) expect(textOf(res.text)).toContain(TITLES[item])
      else expect(res.text).not.toContain(TITLES[item])
      expect(res.headers.get('cache-control')).toBe('private, no-store')
    }
  })

  it("finds exactly its scope in the members' search, and only public items in the public search", async () => {
    for (const item of ITEMS) {
      const q = encodeURIComponent(QUERIES[item])
      if (reader !== 'anonymous') {
        const mine = await request(`/ca-nhan/tim-kiem?q=${q}`, reader)
        expect(mine.status).toBe(200)
        expect(textOf(mine.text).includes(TITLES[item]), `${reader} searching ${item}`).toBe(allowed.has(item))
      }
      const open = await request(`/api/search?q=${q}`, reader)
      expect(open.text.includes(TITLES[item]), `public search for ${item}`).toBe(item === 'pub')
      const page = await request(`/tim-kiem?q=${q}`, reader)
      expect(textOf(page.text).includes(TITLES[item])).toBe(item === 'pub')
    }
  })

  it('lists in "Của tôi" and its private feed exactly the internal items of its scope', async () => {
    if (reader === 'anonymous') {
      expect((await request('/ca-nhan/', reader)).status).toBe(303)
      return
    }
    const mine = await request('/ca-nhan/', reader)
    expect(mine.status).toBe(200)
    const feedUrl = /<code class="feed-url"[^>]*>([^<]+)<\/code>/.exec(mine.text)?.[1]
    expect(feedUrl).toMatch(/\/ca-nhan\/rss\/[A-Za-z0-9_-]+\.xml$/)
    const feed = await request(new URL(feedUrl!).pathname, 'anonymous')
    expect(feed.status).toBe(200)
    for (const item of ITEMS.filter((i) => i !== 'pub')) {
      expect(textOf(mine.text).includes(TITLES[item]), `${reader} inbox ${item}`).toBe(allowed.has(item))
      expect(feed.text.includes(TITLES[item]), `${reader} feed ${item}`).toBe(allowed.has(item))
    }
  })

  it('downloads a members-only original only within its scope', async () => {
    const res = await request(`/ca-nhan/tep/${encodeURIComponent(fileA)}`, reader)
    if (reader === 'anonymous') expect(res.status).toBe(303)
    else expect(res.status, reader).toBe(allowed.has('forA') ? 200 : 404)
    if (res.status === 200) expect(res.text.startsWith('%PDF')).toBe(true)
    expect((await request(`/tep/${encodeURIComponent(fileA)}`, reader)).status).toBe(404)
  })

  it('reads through the CMS API (REST and GraphQL) exactly its scope', async () => {
    const auth: Record<string, string> = reader === 'anonymous' ? {} : { authorization: `JWT ${tokens[reader]}` }
    for (const item of ITEMS) {
      const collection = item === 'noticeA' ? 'announcements' : 'documents'
      const res = await fetch(`${cms.url}/api/${collection}/${ids[item]}?depth=0`, { headers: auth })
      expect(res.status, `${reader} REST ${item}`).toBe(allowed.has(item) ? 200 : 404)
      await res.body?.cancel()
    }
    const graphql = await fetch(`${cms.url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ query: '{ Documents(limit: 100) { docs { title } } Announcements(limit: 100) { docs { title } } }' }),
    })
    const body = JSON.stringify(await graphql.json())
    for (const item of ITEMS) expect(body.includes(TITLES[item]), `${reader} GraphQL ${item}: ${body.slice(0, 300)}`).toBe(allowed.has(item))
  })

  it('never meets a non-public title on the public pages, feeds or sitemap', async () => {
    for (const pathname of ['/', '/van-ban/', '/van-ban/rss.xml', '/sitemap-0.xml', `/van-ban/${slugs.forA}/`, `/van-ban/${slugs.members}/`]) {
      const res = await request(pathname, reader)
      for (const item of ITEMS.filter((i) => i !== 'pub')) expect(res.text, `${reader} ${pathname}`).not.toContain(TITLES[item])
    }
  })
})

describe('the shared cache', () => {
  it("never serves a member's page or search answer to another visitor", async () => {
    const pages = ['/ca-nhan/', `/ca-nhan/tim-kiem?q=${encodeURIComponent(QUERIES.forA)}`, '/ca-nhan/van-ban/', memberPage('forA'), memberPage('noticeA')]
    for (const pathname of pages) {
      // A first: whatever a cache could keep, it would keep now.
      const first = await request(pathname, 'a')
      expect(first.status, pathname).toBe(200)
      expect(first.text).toContain('Nguyễn Văn An')
      expect(first.headers.get('cache-control')).toBe('private, no-store')
      expect(first.headers.get('vary') ?? '').toMatch(/cookie/i)
      // Then the same address, byte for byte, for someone else.
      const anonymous = await request(pathname, 'anonymous')
      expect(anonymous.status).toBe(303)
      expect(anonymous.text).not.toContain('Nguyễn Văn An')
      const other = await request(pathname, 'b')
      expect(other.text).not.toContain('Nguyễn Văn An')
      expect(other.text).not.toContain(TITLES.forA)
      expect(other.text).not.toContain(TITLES.noticeA)
    }
  })

  it('ends a session everywhere on sign-out: the cookie no longer opens anything', async () => {
    const before = cookies.p
    const out = await request('/dang-xuat/', 'p', { method: 'POST', headers: { origin: world.server.url } })
    expect(out.status).toBe(303)
    expect(out.headers.getSetCookie().join(';')).toMatch(/sotay_phien=;/)
    cookies.p = before
    const after = await request('/ca-nhan/', 'p')
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toMatch(/^\/dang-nhap\//)
  })
})
