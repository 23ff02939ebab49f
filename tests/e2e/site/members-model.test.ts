/**
 * Members see what their organization allows, under any sequence of changes — a model-based
 * (differential) test of the members' channels.
 *
 * fast-check generates sequences over a few documents and announcements: create (any audience:
 * public, all members, chi bộ A, chi bộ B, their đảng bộ P), publish, unpublish, switch audience,
 * edit the title, delete, with job runs and members' requests interleaved at random (including none
 * between changes). After the jobs settle, for a member of A, of B and of P, the site must show
 * exactly what the CMS shows that member (the oracle is the CMS's own access-controlled view as the
 * member, not a model of it): each item's members' page (200 vs 404, title), "Của tôi", the
 * members' search and the private feed; and anonymous visitors must find only public items.
 *
 * Runs MEMBERS_MODEL_RUNS sequences (40 by default). A failure prints the shrunk sequence and
 * `MODEL_SEED=… MODEL_PATH=…`, which replays it.
 */
import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { PASSWORD } from '../../helpers/fixtures'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { textOf } from '../../helpers/site'
import { startCmsHttp } from '../../cms/mail/helpers/cmsHttp'

const RUNS = Number(process.env.MEMBERS_MODEL_RUNS) || 40
const SEED = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : Date.now() % 2 ** 31
const PATH = process.env.MODEL_PATH || undefined
const SLOTS = 4

type Audience = 'public' | 'members' | 'A' | 'B' | 'P'
type Collection = 'documents' | 'announcements'
type Action =
  | { op: 'create'; collection: Collection; audience: Audience; publish: boolean }
  | { op: 'publish' | 'unpublish' | 'delete'; item: number }
  | { op: 'audience'; item: number; to: Audience }
  | { op: 'editTitle'; item: number; variant: number }
  | { op: 'jobs' }
  | { op: 'request'; reader: number; item: number }

const AUDIENCES: Audience[] = ['public', 'members', 'A', 'B', 'P']
const item = fc.nat(SLOTS - 1)
const audience = fc.constantFrom(...AUDIENCES)
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      collection: fc.constantFrom('documents' as const, 'announcements' as const),
      audience,
      publish: fc.boolean(),
    }),
  },
  { weight: 6, arbitrary: fc.record({ op: fc.constantFrom('publish' as const, 'unpublish' as const, 'delete' as const), item }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('audience' as const), item, to: audience }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editTitle' as const), item, variant: fc.nat(3) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('jobs' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('request' as const), reader: fc.nat(2), item }) },
)

const site = inject('site')
let world: LiveWorld
let payload: Payload
let cms: Awaited<ReturnType<typeof startCmsHttp>>
const orgs = {} as Record<'A' | 'B' | 'P', string>
const READERS = ['a', 'b', 'p'] as const
type Reader = (typeof READERS)[number]
const cookies = {} as Record<Reader, string>
const members = {} as Record<Reader, { id: string }>

beforeAll(async () => {
  world = await startLiveWorld(site, 'members-model', 'empty')
  payload = world.payload
  cms = await startCmsHttp()
  world.env.CMS_INTERNAL_URL = cms.url
  await world.restartServer()
  orgs.P = String(
    (await payload.create({ collection: 'organizations', data: { name: 'Đảng bộ xã Mô Hình', code: 'DBMH', kind: 'dang-bo-co-so' } as never })).id,
  )
  orgs.A = String(
    (await payload.create({ collection: 'organizations', data: { name: 'Chi bộ Mô Hình A', code: 'CBA', kind: 'chi-bo', parent: orgs.P } as never })).id,
  )
  orgs.B = String(
    (await payload.create({ collection: 'organizations', data: { name: 'Chi bộ Mô Hình B', code: 'CBB', kind: 'chi-bo', parent: orgs.P } as never })).id,
  )
  const homes: Record<Reader, string> = { a: orgs.A, b: orgs.B, p: orgs.P }
  for (const [i, reader] of READERS.entries()) {
    const phone = `091300000${i}`
    const m = await payload.create({
      collection: 'members',
      data: { name: `Đảng viên ${reader}`, phone, organization: homes[reader], password: PASSWORD, status: 'active' } as never,
    })
    members[reader] = { id: String(m.id) }
    const res = await fetch(new URL('/dang-nhap/', world.server.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.server.url },
      body: new URLSearchParams({ identifier: phone, password: PASSWORD }).toString(),
    })
    expect(res.status).toBe(303)
    cookies[reader] = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  }
})

afterAll(async () => {
  await cms?.close()
  await world?.stop()
})

let serial = 0
const VARIANTS = ['về lịch sinh hoạt', 'về phân công nhiệm vụ', 'về học tập chuyên đề', 'về kiểm tra đảng viên']
/** Every title holds "mô hình" (the broad search) and its own number word, "mhs<n>". */
const title = (n: number, variant: number) => `Mô hình mhs${n} ${VARIANTS[variant % VARIANTS.length]}`
const audienceData = (a: Audience) =>
  a === 'public' || a === 'members' ? { audience: a, audienceOrganization: null } : { audience: 'organization', audienceOrganization: orgs[a] }

interface Slot {
  collection: Collection
  id: string
  slug: string
  n: number
}
interface Run {
  slots: Array<Slot | null>
  seen: Slot[]
}

async function settle() {
  for (let i = 0; i < 20; i++) {
    await world.runJobs()
    const open = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      overrideAccess: true,
    })
    if (open.totalDocs === 0) return
  }
  throw new Error('The jobs did not settle')
}

async function reset() {
  for (const collection of ['documents', 'announcements'] as const) await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
  await settle()
}

const memberPath = (s: Slot) => (s.collection === 'documents' ? `/ca-nhan/van-ban/${s.slug}/` : `/ca-nhan/thong-bao/${s.slug}/`)

async function get(pathname: string, reader?: Reader) {
  const res = await fetch(new URL(pathname, world.server.url), { redirect: 'manual', headers: reader ? { cookie: cookies[reader] } : {} })
  return { status: res.status, text: await res.text() }
}

async function apply(run: Run, a: Action): Promise<void> {
  if (a.op === 'jobs') return world.runJobs()
  if (a.op === 'create') {
    const free = run.slots.indexOf(null)
    if (free < 0) return
    const n = ++serial
    const common = { title: title(n, 0), ...audienceData(a.audience), _status: a.publish ? 'published' : 'draft' }
    const created =
      a.collection === 'documents'
        ? await payload.create({
            collection: 'documents',
            draft: !a.publish,
            data: {
              ...common,
              type: 'nghi-quyet',
              number: `${n}-NQ/ĐU`,
              summary: plainTextToLexical(`Tóm tắt mhs${n}.`),
              issuer: orgs.P,
              level: 'co-so',
              issuedAt: `2026-0${1 + (n % 9)}-1${n % 10}`,
              secrecy: 'none',
            } as never,
          })
        : await payload.create({
            collection: 'announcements',
            draft: !a.publish,
            data: { ...common, organization: orgs.A, body: plainTextToLexical(`Nội dung mhs${n}.`), publishedAt: `2026-0${1 + (n % 9)}-1${n % 10}` } as never,
          })
    const slot = { collection: a.collection, id: String(created.id), slug: String(created.slug), n }
    run.slots[free] = slot
    run.seen.push(slot)
    return
  }
  const current = run.slots.filter((s): s is Slot => s !== null)
  if (current.length === 0) return
  const slot = current[a.item % current.length]!
  if (a.op === 'request') {
    await get(memberPath(slot), READERS[a.reader % READERS.length])
    return
  }
  const update = (data: Record<string, unknown>) => payload.update({ collection: slot.collection, id: slot.id, data: data as never, overrideAccess: true })
  switch (a.op) {
    case 'publish':
      return void (await update({ _status: 'published' }))
    case 'unpublish':
      return void (await update({ _status: 'draft' }))
    case 'audience':
      return void (await update(audienceData(a.to)))
    case 'editTitle':
      return void (await update({ title: title(slot.n, a.variant) }))
    case 'delete':
      await payload.delete({ collection: slot.collection, id: slot.id, overrideAccess: true })
      run.slots[run.slots.indexOf(slot)] = null
  }
}

/** The CMS's own view as a member: what Payload's access rules let them read, with titles. */
async function oracle(reader: Reader): Promise<Map<string, { title: string; audience: string }>> {
  const user = { ...(await payload.findByID({ collection: 'members', id: members[reader].id, depth: 0 })), collection: 'members' as const }
  const view = new Map<string, { title: string; audience: string }>()
  for (const collection of ['documents', 'announcements'] as const) {
    const { docs } = await payload.find({ collection, overrideAccess: false, user, depth: 0, pagination: false, draft: false })
    for (const d of docs) view.set(`${collection}:${d.slug}`, { title: d.title, audience: String(d.audience) })
  }
  return view
}

async function compare(run: Run) {
  for (const reader of READERS) {
    const view = await oracle(reader)
    for (const slot of run.seen) {
      const key = `${slot.collection}:${slot.slug}`
      const res = await get(memberPath(slot), reader)
      expect(res.status, `${reader} ${memberPath(slot)}`).toBe(view.has(key) ? 200 : 404)
      if (view.has(key)) expect(textOf(res.text), `${reader} ${memberPath(slot)}`).toContain(view.get(key)!.title)
    }
    const mine = textOf((await get('/ca-nhan/', reader)).text)
    const search = textOf((await get('/ca-nhan/tim-kiem?q=mo+hinh+mhs', reader)).text)
    for (const slot of run.seen) {
      const key = `${slot.collection}:${slot.slug}`
      const seen = view.get(key)
      const word = `mhs${slot.n} `
      // "Của tôi" lists announcements and non-public items.
      const inInbox = Boolean(seen && (slot.collection === 'announcements' || seen.audience !== 'public'))
      expect(mine.includes(word), `${reader} Của tôi ${key}`).toBe(inInbox)
      expect(search.includes(word), `${reader} search ${key}`).toBe(Boolean(seen))
    }
  }
  // Anonymous visitors: public documents only, in the public search.
  const open = textOf((await get('/tim-kiem?q=mo+hinh+mhs')).text)
  const publicView = new Set(
    (await payload.find({ collection: 'documents', overrideAccess: false, depth: 0, pagination: false, draft: false })).docs.map(
      (d) => `mhs${/mhs(\d+)/.exec(d.title)?.[1]} `,
    ),
  )
  for (const slot of run.seen) expect(open.includes(`mhs${slot.n} `), `anonymous search ${slot.slug}`).toBe(publicView.has(`mhs${slot.n} `))
}

describe("the members' channels under random sequences of changes", () => {
  it(`equal the CMS's view as each member after every sequence (${RUNS} sequences)`, async () => {
    console.log(`› Members model-based test: ${RUNS} sequences, MODEL_SEED=${SEED}${PATH ? ` MODEL_PATH=${PATH}` : ''}`)
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        await reset()
        const run: Run = { slots: Array(SLOTS).fill(null), seen: [] }
        for (const a of actions) await apply(run, a)
        await settle()
        await compare(run)
      }),
      { numRuns: RUNS, seed: SEED, path: PATH, verbose: 1 },
    )
  }, 3_600_000)
})
