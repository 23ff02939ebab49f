/**
 * The site equals the CMS, under any sequence of changes — a model-based (differential) test.
 *
 * fast-check generates sequences of editorial changes over a few documents (publish, edit the
 * title, save a draft over the live version, unpublish, switch audience, delete, attach and detach
 * an original, relate and unrelate two documents), with job runs and site requests interleaved at
 * random — including none at all between changes, which is when changes pile up in the library
 * store. After the jobs settle, every channel of the site must show exactly what the CMS shows an
 * anonymous visitor (the oracle is the CMS's own access-controlled view, not a model of it):
 * document pages (200 vs 404, title, originals, relations), the library listing and its facet
 * counts, each facet page, the feed, the sitemap, search hits and search facets, the files, and
 * /api/health.
 *
 * Runs MODEL_RUNS sequences (200 by default; MODEL_RUNS=5000 for the long run). A failure prints
 * the shrunk sequence and `MODEL_SEED=… MODEL_PATH=…`, which replays it.
 */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { listedDocumentSlugs, ROOT } from '../../helpers/site'

const RUNS = Number(process.env.MODEL_RUNS) || 200
const SEED = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : Date.now() % 2 ** 31
const PATH = process.env.MODEL_PATH || undefined

const SLOTS = 4
const TYPES = [
  { type: 'nghi-quyet', code: 'NQ' },
  { type: 'chi-thi', code: 'CT' },
  { type: 'ket-luan', code: 'KL' },
] as const
const RELATIONS = ['replaces', 'guides', 'implements', 'amends'] as const
const YEARS = ['2023', '2025'] as const
/** The public URL vocabulary of the validity facet. */
const VALIDITY_URL: Record<string, string> = { 'in-force': 'con-hieu-luc', expired: 'het-hieu-luc', superseded: 'bi-thay-the' }

/**
 * `doc` names a document by its position among the run's current documents (modulo their number),
 * so almost every action hits one; `create` fills the first free slot.
 */
type Action =
  | { op: 'create'; type: number; issuer: number; year: number; subject: number; audience: 'public' | 'members'; publish: boolean; expired: boolean }
  | { op: 'publish' | 'unpublish' | 'delete' | 'detach' | 'unrelate' | 'draftEdit'; doc: number }
  | { op: 'editTitle'; doc: number; variant: number }
  | { op: 'audience'; doc: number; to: 'public' | 'members' }
  | { op: 'attach'; doc: number; file: number }
  | { op: 'relate'; doc: number; target: number; relation: number }
  | { op: 'jobs' }
  | { op: 'request'; page: number; doc: number }

const doc = fc.nat(SLOTS - 1)
const mostly = <T>(usual: T, rare: T) => fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constant(rare) })
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      type: fc.nat(TYPES.length - 1),
      issuer: fc.nat(1),
      year: fc.nat(YEARS.length - 1),
      subject: fc.nat(1),
      audience: mostly('public' as const, 'members' as const),
      publish: mostly(true, false),
      expired: fc.boolean(),
    }),
  },
  { weight: 8, arbitrary: fc.record({ op: fc.constantFrom('publish' as const, 'unpublish' as const, 'delete' as const, 'draftEdit' as const), doc }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('audience' as const), doc, to: fc.constantFrom('public' as const, 'members' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editTitle' as const), doc, variant: fc.nat(9) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('detach' as const, 'unrelate' as const), doc }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('attach' as const), doc, file: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('relate' as const), doc, target: doc, relation: fc.nat(RELATIONS.length - 1) }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('jobs' as const) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('request' as const), page: fc.nat(7), doc }) },
)

const site = inject('site')
let world: LiveWorld
let payload: Payload
let issuers: Array<{ id: string; code: string; level: string }>
let subjects: string[]
let files: Array<{ id: string; filename: string }>

beforeAll(async () => {
  world = await startLiveWorld(site, 'model', 'empty')
  payload = world.payload
  const tw = await payload.create({ collection: 'organizations', data: { name: 'Ban Chấp hành Trung ương', code: 'TW', kind: 'trung-uong' } })
  const tu = await payload.create({ collection: 'organizations', data: { name: 'Tỉnh ủy Mô Hình', code: 'TU', kind: 'tinh-uy' } })
  issuers = [
    { id: String(tw.id), code: 'TW', level: 'trung-uong' },
    { id: String(tu.id), code: 'TU', level: 'tinh' },
  ]
  subjects = []
  for (const name of ['Xây dựng Đảng', 'Chuyển đổi số']) subjects.push(String((await payload.create({ collection: 'subjects', data: { name } })).id))
  const pdf = path.join(ROOT, 'tests/fixtures/attachments/nghi-quyet-mau.pdf')
  files = []
  for (const name of ['ban-goc-mo-hinh-a.pdf', 'ban-goc-mo-hinh-b.pdf']) {
    const file = await payload.create({
      collection: 'files',
      data: { title: `Bản gốc ${name}` } as never,
      file: { data: fs.readFileSync(pdf), mimetype: 'application/pdf', name, size: fs.statSync(pdf).size },
    })
    files.push({ id: String(file.id), filename: file.filename! })
  }
  await world.runJobs()
})

afterAll(async () => {
  await world?.stop()
})

let serial = 0
const TITLES = [
  'về công tác xây dựng Đảng',
  'về chuyển đổi số trong sinh hoạt chi bộ',
  'về học tập và làm theo tư tưởng Hồ Chí Minh',
  'về công tác kiểm tra, giám sát',
  'về phát triển đảng viên trẻ',
]
const title = (n: number, variant: number) => `Văn bản mô hình số ${n} ${TITLES[variant % TITLES.length]}${variant >= TITLES.length ? ' (sửa đổi)' : ''}`

/** One run: the CMS ids of the documents in each slot, and every slug the run ever created. */
interface Run {
  slots: Array<string | null>
  slugs: Set<string>
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

/** Every run starts from an empty library: whatever the previous run left is deleted (through the CMS, like any change). */
async function reset() {
  await payload.delete({ collection: 'documents', where: { id: { exists: true } }, overrideAccess: true })
  await settle()
}

const read = (id: string) => payload.findByID({ collection: 'documents', id, depth: 0, draft: false, overrideAccess: true })

async function apply(run: Run, a: Action): Promise<void> {
  if (a.op === 'jobs') return world.runJobs()
  if (a.op === 'request') return request(run, a.page, a.doc)
  if (a.op === 'create') {
    const free = run.slots.indexOf(null)
    if (free < 0) return
    const n = ++serial
    const t = TYPES[a.type]!
    const issuer = issuers[a.issuer]!
    const doc = await payload.create({
      collection: 'documents',
      draft: !a.publish,
      data: {
        type: t.type,
        number: `${n}-${t.code}/${issuer.code}`,
        title: title(n, 0),
        summary: plainTextToLexical(`Tóm tắt văn bản mô hình số ${n}.`),
        issuer: issuer.id,
        level: issuer.level,
        issuedAt: `${YEARS[a.year]}-0${1 + (n % 9)}-1${n % 10}`,
        subjects: [subjects[a.subject]!],
        status: a.expired ? 'expired' : 'in-force',
        audience: a.audience,
        secrecy: 'none',
        _status: a.publish ? 'published' : 'draft',
      } as never,
    })
    run.slots[free] = String(doc.id)
    run.slugs.add(doc.slug!)
    return
  }
  const current = run.slots.filter((s): s is string => s !== null)
  if (current.length === 0) return
  const id = current[a.doc % current.length]!
  const number = Number(/^(\d+)-/.exec((await read(id)).number)?.[1])
  const update = (data: Record<string, unknown>, draft = false) =>
    payload.update({ collection: 'documents', id, data: data as never, draft, overrideAccess: true })
  switch (a.op) {
    case 'publish':
      return void (await update({ _status: 'published' }))
    case 'unpublish':
      return void (await update({ _status: 'draft' }))
    case 'draftEdit':
      // A newer draft over the live version: readers keep seeing the published one.
      return void (await update({ title: `${title(number, 0)} — bản nháp chưa duyệt` }, true))
    case 'editTitle':
      return void (await update({ title: title(number, a.variant) }))
    case 'audience':
      return void (await update({ audience: a.to }))
    case 'delete':
      await payload.delete({ collection: 'documents', id, overrideAccess: true })
      run.slots[run.slots.indexOf(id)] = null
      return
    case 'attach':
      return void (await update({ attachments: [files[a.file]!.id] }))
    case 'detach':
      return void (await update({ attachments: [] }))
    case 'relate': {
      const target = current[a.target % current.length]!
      if (target === id) return
      return void (await update({ [RELATIONS[a.relation]!]: [target] }))
    }
    case 'unrelate':
      return void (await update(Object.fromEntries(RELATIONS.map((r) => [r, []]))))
  }
}

/** A site request in the middle of the sequence: it makes the site take in what is pending. */
async function request(run: Run, page: number, which: number) {
  const slugs = [...run.slugs]
  const slug = slugs[which % Math.max(1, slugs.length)]
  const paths = [
    '/',
    '/van-ban/',
    slug ? `/van-ban/${slug}/` : '/van-ban/',
    '/api/search?q=mo+hinh',
    '/van-ban/rss.xml',
    '/sitemap-0.xml',
    '/api/health',
    '/van-ban/loai/nghi-quyet/',
  ]
  const res = await world.get(paths[page % paths.length]!)
  if (res.status >= 500) throw new Error(`${paths[page % paths.length]} answered ${res.status}`)
}

interface PublicDoc {
  id: string
  slug: string
  title: string
  type: string
  issuer: string
  level: string
  issuedAt: string
  subjects: string[]
  status: string
  attachments: string[]
  relations: Record<(typeof RELATIONS)[number], string[]>
}

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map((v) => String(typeof v === 'object' && v ? (v as { id: unknown }).id : v))

/** The oracle: what the CMS shows an anonymous visitor. */
async function anonymousView(): Promise<PublicDoc[]> {
  const found = await payload.find({ collection: 'documents', overrideAccess: false, depth: 0, pagination: false, joins: false })
  return found.docs.map((d) => ({
    id: String(d.id),
    slug: d.slug!,
    title: d.title,
    type: d.type,
    issuer: ids(d.issuer)[0]!,
    level: d.level,
    issuedAt: String(d.issuedAt).slice(0, 10),
    subjects: ids(d.subjects),
    status: d.status ?? 'in-force',
    attachments: ids(d.attachments),
    relations: Object.fromEntries(RELATIONS.map((r) => [r, ids(d[r])])) as PublicDoc['relations'],
  }))
}

const sorted = (values: Iterable<string>) => [...values].sort()
const linkedSlugs = (html: string) => sorted(new Set([...html.matchAll(/href="\/van-ban\/([a-z0-9-]+)\/"/g)].map((m) => m[1]!)))

async function compare(run: Run): Promise<void> {
  const view = await anonymousView()
  const bySlug = new Map(view.map((d) => [d.slug, d]))
  const byId = new Map(view.map((d) => [d.id, d]))
  const orgSlug = new Map<string, string>()
  for (const o of (await payload.find({ collection: 'organizations', depth: 0, pagination: false })).docs) orgSlug.set(String(o.id), o.slug!)
  const subjectSlug = new Map<string, string>()
  for (const s of (await payload.find({ collection: 'subjects', depth: 0, pagination: false })).docs) subjectSlug.set(String(s.id), s.slug!)
  const filename = new Map(files.map((f) => [f.id, f.filename]))

  // Document pages.
  for (const slug of run.slugs) {
    const res = await world.get(`/van-ban/${slug}/`)
    const doc = bySlug.get(slug)
    expect(res.status, `/van-ban/${slug}/`).toBe(doc ? 200 : 404)
    if (!doc) continue
    expect(res.text, `title on /van-ban/${slug}/`).toContain(doc.title)
    const relatedSection = res.text.split('id="relations-heading"')[1] ?? ''
    const related = new Set<string>()
    for (const r of RELATIONS) {
      for (const target of doc.relations[r]) if (byId.has(target)) related.add(byId.get(target)!.slug)
      for (const other of view) if (other.relations[r].includes(doc.id)) related.add(other.slug)
    }
    expect(linkedSlugs(relatedSection), `relations on /van-ban/${slug}/`).toEqual(sorted(related))
    const originals = sorted([...res.text.matchAll(/href="\/tep\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!)))
    expect(originals, `originals on /van-ban/${slug}/`).toEqual(sorted(doc.attachments.map((id) => filename.get(id)!)))
  }

  // The library listing, in date order, and its facet counts.
  const facetMembers = new Map<string, Set<string>>()
  for (const d of view) {
    const keys = [
      `loai/${d.type}`,
      `co-quan/${orgSlug.get(d.issuer)}`,
      `cap/${d.level}`,
      `nam/${d.issuedAt.slice(0, 4)}`,
      ...d.subjects.map((s) => `linh-vuc/${subjectSlug.get(s)}`),
      `hieu-luc/${VALIDITY_URL[d.status]}`,
    ]
    for (const key of keys) facetMembers.set(key, (facetMembers.get(key) ?? new Set()).add(d.slug))
  }
  const library = await world.get('/van-ban/')
  expect(library.status).toBe(200)
  const listed = listedDocumentSlugs(library.text)
  expect(sorted(listed), '/van-ban/').toEqual(sorted(bySlug.keys()))
  const dates = listed.map((s) => bySlug.get(s)?.issuedAt ?? '')
  expect(dates, '/van-ban/ newest first').toEqual([...dates].sort().reverse())
  const shownFacets = new Map(
    [...library.text.matchAll(/href="\/van-ban\/([a-z-]+\/[a-z0-9-]+)\/"[^>]*>[^<]*<span class="count">\((\d+)\)<\/span>/g)].map((m) => [m[1]!, Number(m[2])]),
  )
  expect(Object.fromEntries(shownFacets), 'facet counts on /van-ban/').toEqual(Object.fromEntries([...facetMembers].map(([k, v]) => [k, v.size])))

  // Each facet page lists exactly its documents; a value nobody has any more is gone.
  const everyValue = new Set([
    ...facetMembers.keys(),
    'loai/nghi-quyet',
    'loai/chi-thi',
    'loai/ket-luan',
    ...YEARS.map((y) => `nam/${y}`),
    'hieu-luc/het-hieu-luc',
  ])
  for (const key of everyValue) {
    const res = await world.get(`/van-ban/${key}/`)
    const members = facetMembers.get(key)
    expect(res.status, `/van-ban/${key}/`).toBe(members ? 200 : 404)
    if (members) expect(sorted(listedDocumentSlugs(res.text)), `/van-ban/${key}/`).toEqual(sorted(members))
  }

  // Feed and sitemap.
  const feed = (await world.get('/van-ban/rss.xml')).text
  expect(sorted([...feed.matchAll(/<link>[^<]*\/van-ban\/([a-z0-9-]+)\/<\/link>/g)].map((m) => m[1]!)), 'feed').toEqual(sorted(bySlug.keys()))
  const sitemap = (await world.get('/sitemap-0.xml')).text
  const locs = [...sitemap.matchAll(/<loc>[^<]*?(\/van-ban\/[^<]*)<\/loc>/g)].map((m) => m[1]!)
  expect(
    sorted(locs.filter((l) => /^\/van-ban\/[a-z0-9-]+\/$/.test(l) && !l.startsWith('/van-ban/trang')).map((l) => l.slice(9, -1))),
    'sitemap documents',
  ).toEqual(sorted(bySlug.keys()))
  expect(sorted(locs.filter((l) => l.split('/').length === 5).map((l) => l.slice(9, -1))), 'sitemap facet pages').toEqual(sorted(facetMembers.keys()))

  // Search: a query every title matches, its facets, and each document by its number.
  const broad = JSON.parse((await world.get('/api/search?q=mo+hinh&limit=50')).text) as {
    total: number
    hits: Array<{ slug: string }>
    facets: Record<string, Array<{ value: string; count: number }>>
  }
  expect(sorted(broad.hits.map((h) => h.slug)), 'search hits').toEqual(sorted(bySlug.keys()))
  expect(broad.total).toBe(view.length)
  const count = (values: string[]) => Object.fromEntries([...new Set(values)].map((v) => [v, values.filter((x) => x === v).length]))
  const facetOf = (name: string) => Object.fromEntries((broad.facets[name] ?? []).filter((f) => f.count > 0).map((f) => [f.value, f.count]))
  expect(facetOf('type'), 'search facet type').toEqual(count(view.map((d) => d.type)))
  expect(facetOf('year'), 'search facet year').toEqual(count(view.map((d) => d.issuedAt.slice(0, 4))))
  expect(facetOf('status'), 'search facet status').toEqual(count(view.map((d) => d.status)))
  for (const slug of run.slugs) {
    const number = (await payload.find({ collection: 'documents', where: { slug: { equals: slug } }, depth: 0, limit: 1, overrideAccess: true, draft: true }))
      .docs[0]?.number
    if (!number) continue
    const hits = (JSON.parse((await world.get(`/api/search?q=${encodeURIComponent(number)}`)).text) as { hits: Array<{ slug: string }> }).hits
    expect(
      hits.some((h) => h.slug === slug),
      `search ${number}`,
    ).toBe(bySlug.has(slug))
  }

  // Originals are served while a public document shows them, and only then.
  for (const f of files) {
    const shown = view.some((d) => d.attachments.includes(f.id))
    expect((await world.get(`/tep/${f.filename}`)).status, `/tep/${f.filename}`).toBe(shown ? 200 : 404)
  }

  const health = await world.get('/api/health')
  expect(health.status).toBe(200)
  expect(JSON.parse(health.text)).toMatchObject({ documents: view.length, behind: 0 })
}

describe('the site under random sequences of changes', () => {
  it(`equals the CMS's anonymous view after every sequence (${RUNS} sequences)`, async () => {
    console.log(`› Model-based test: ${RUNS} sequences, MODEL_SEED=${SEED}${PATH ? ` MODEL_PATH=${PATH}` : ''}`)
    const started = Date.now()
    let dirty = false
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        // After a failure the site server's memory may be what is wrong: each sequence fast-check
        // then tries (while shrinking) starts on a fresh one, so the sequence it reports fails alone.
        if (dirty) await world.restartServer()
        dirty = true
        await reset()
        const run: Run = { slots: Array(SLOTS).fill(null), slugs: new Set() }
        for (const a of actions) await apply(run, a)
        await settle()
        await compare(run)
        dirty = false
      }),
      { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: !!process.env.MODEL_NO_SHRINK, verbose: 1 },
    )
    console.log(`› Model-based test: ${RUNS} sequences passed in ${((Date.now() - started) / 1000).toFixed(1)} s (MODEL_SEED=${SEED})`)
  }, 3_600_000)
})
