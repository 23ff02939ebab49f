/**
 * Study (issue 16) in the CMS, over Payload's REST handlers with a real SMTP server: quiz scoring
 * and the one counted attempt, reading marks, campaign progress, reminders sent exactly once, the
 * ranking and its hide option, the statistics rollup over an organization tree with known answers,
 * and the committees' scope.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { POINT_RULES } from '../../core/study/points'
import { plainTextToLexical } from '../../cms/richtext/plainText'
import { rollupBatch, countMembers } from '../../cms/study/rollup'
import { tendStudy } from '../../cms/study/tend'
import { queueStudyReminders } from '../../cms/study/reminders'
import { vietnamDay } from '../../core/dates'
import { PASSWORD, createMember, documentData } from '../helpers/fixtures'
import type { TestSmtpServer } from './mail/helpers/smtp'
import { drainMail, startMailWorld } from './mail/helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']
let admin: string
/** Province → district → chi bộ A, chi bộ B; and chi bộ C straight under the province. */
const tree = { district: '', a: '', b: '', c: '' }
let secretaryA: string

const DAY = 86_400_000

beforeAll(async () => {
  const world = await startMailWorld()
  ;({ payload, smtp, rest, orgs } = world)
  admin = await rest.login(world.users.admin.email, PASSWORD)
  const org = async (name: string, code: string, kind: string, parent: string) =>
    String((await payload.create({ collection: 'organizations', data: { name, code, kind, parent } as never })).id)
  tree.district = await org('Đảng bộ huyện Mẫu Sơn', 'HMS', 'dang-bo-truc-thuoc', String(orgs.province.id))
  tree.a = await org('Chi bộ thôn Bắc Sơn', 'CBA', 'chi-bo', tree.district)
  tree.b = await org('Chi bộ thôn Nam Sơn', 'CBB', 'chi-bo', tree.district)
  tree.c = await org('Chi bộ cơ quan Văn phòng', 'CBC', 'chi-bo', String(orgs.province.id))
  await payload.create({
    collection: 'users',
    data: { email: 'bi-thu-bac-son@so-tay.test', password: PASSWORD, name: 'Bí thư chi bộ Bắc Sơn', role: 'contributor', organization: tree.a },
  })
  secretaryA = await rest.login('bi-thu-bac-son@so-tay.test', PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

let months = 0
async function topic(questions: { question: string; choices: string[]; answer: number; explanation?: string }[], extra: Record<string, unknown> = {}) {
  months += 1
  const doc = await payload.create({
    collection: 'topics',
    data: {
      _status: 'published',
      month: `2031-${String(months).padStart(2, '0')}`,
      title: `Chuyên đề thử nghiệm ${months}`,
      theme: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      body: plainTextToLexical('Nội dung chuyên đề.'),
      audience: 'members',
      questions: questions.map((q) => ({ ...q, choices: q.choices.map((text) => ({ text })) })),
      ...extra,
    } as never,
  })
  return { id: String(doc.id), slug: String(doc.slug) }
}

async function document(extra: Record<string, unknown> = {}) {
  const doc = await payload.create({ collection: 'documents', data: { ...documentData(String(orgs.tw.id)), _status: 'published', ...extra } })
  return { id: String(doc.id), slug: String(doc.slug) }
}

const THREE = [
  { question: 'Câu một?', choices: ['Đúng', 'Sai'], answer: 1, explanation: 'Vì đó là câu một.' },
  { question: 'Câu hai?', choices: ['Một', 'Hai', 'Ba'], answer: 2, explanation: 'Vì hai là hai.' },
  { question: 'Câu ba?', choices: ['X', 'Y'], answer: 2 },
]

async function signedIn(organization: string, extra: Record<string, unknown> = {}) {
  const member = await createMember(payload, organization, extra)
  return { ...member, token: await rest.login(member.email, PASSWORD, 'members') }
}

const points = async (id: string) => (await payload.findByID({ collection: 'members', id, depth: 0 })).studyPoints ?? 0

describe('quizzes', () => {
  it('score the answers, count the first attempt only and explain every question', async () => {
    const t = await topic(THREE)
    const member = await signedIn(tree.a)
    const first = await rest.post('/members/study/quiz', { slug: t.slug, answers: [1, 1, null] }, member.token)
    expect(first.status, first.text).toBe(200)
    expect(first.json).toMatchObject({ correct: 1, total: 3, percent: 33, counted: true, countedPercent: 33, pointsEarned: POINT_RULES.quizCorrect.points })
    expect(first.json.results.map((r: { correct: boolean }) => r.correct)).toEqual([true, false, false])
    expect(first.json.results[1]).toMatchObject({ chosen: 1, answer: 2, explanation: 'Vì hai là hai.' })
    expect(await points(member.id)).toBe(POINT_RULES.quizCorrect.points)

    // Practice: scored and explained, but the counted attempt and the points stay.
    const again = await rest.post('/members/study/quiz', { slug: t.slug, answers: [1, 2, 2] }, member.token)
    expect(again.json).toMatchObject({ correct: 3, percent: 100, counted: false, countedPercent: 33, pointsEarned: 0 })
    expect(await points(member.id)).toBe(POINT_RULES.quizCorrect.points)
    const stored = await payload.find({ collection: 'study-events', where: { and: [{ member: { equals: member.id } }, { kind: { equals: 'quiz' } }] } })
    expect(stored.docs.map((d) => [d.value, d.answers])).toEqual([[33, [1, 1, null]]])
  })

  it('refuse malformed answers and topics the member may not read', async () => {
    const member = await signedIn(tree.a)
    const hidden = await topic(THREE, { audience: 'organization', audienceOrganization: tree.c, organization: tree.c })
    const bad = await rest.post('/members/study/quiz', { slug: hidden.slug, answers: ['A'] }, member.token)
    expect(bad.status).toBe(400)
    expect(bad.json.message).toBe('Yêu cầu không hợp lệ.')
    const refused = await rest.post('/members/study/quiz', { slug: hidden.slug, answers: [1, 2, 2] }, member.token)
    expect(refused.status).toBe(404)
    expect(refused.json.message).toContain('không có quyền')
    expect((await rest.post('/members/study/quiz', { slug: hidden.slug, answers: [] })).status).toBe(401)
  })
})

describe('reading', () => {
  it('earns the reading point once per item, whether read or listened to', async () => {
    const doc = await document({ audience: 'members' })
    const member = await signedIn(tree.b)
    const read = await rest.post('/members/study/read', { collection: 'documents', slug: doc.slug }, member.token)
    expect(read.json).toMatchObject({ firstTime: true })
    const listened = await rest.post('/members/study/read', { collection: 'documents', slug: doc.slug, via: 'listen' }, member.token)
    expect(listened.json).toMatchObject({ firstTime: false })
    expect(await points(member.id)).toBe(POINT_RULES.read.points)
    const member2 = await payload.findByID({ collection: 'members', id: member.id })
    expect(member2.lastStudyDay).toBe(vietnamDay())
  })
})

describe('study campaigns', () => {
  it('refuse items some members in scope could not read', async () => {
    const other = await document({ audience: 'organization', audienceOrganization: tree.c })
    const res = await rest.post(
      '/study-campaigns',
      { title: 'Đợt sai', organization: tree.district, deadline: '2031-12-01', items: [{ relationTo: 'documents', value: other.id }] },
      admin,
    )
    expect(res.status).toBe(400)
    expect(res.text).toContain('chỉ dành cho một tổ chức khác')
  })

  it('track progress: an item is done when read, a topic with questions when its quiz is taken too', async () => {
    const doc = await document({ audience: 'members' })
    const t = await topic(THREE)
    const deadline = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10)
    const made = await rest.post(
      '/study-campaigns',
      {
        title: 'Học tập Nghị quyết thử nghiệm',
        organization: tree.district,
        deadline,
        items: [
          { relationTo: 'documents', value: doc.id },
          { relationTo: 'topics', value: t.id },
        ],
      },
      admin,
    )
    expect(made.status, made.text).toBe(201)
    const member = await signedIn(tree.a)
    const progress = async () => (await rest.get('/members/study', member.token)).json.campaigns.find((c: { id: string }) => c.id === String(made.json.doc.id))
    expect(await progress()).toMatchObject({ done: 0, total: 2, completed: false })
    await rest.post('/members/study/read', { collection: 'documents', slug: doc.slug }, member.token)
    expect(await progress()).toMatchObject({ done: 1, completed: false })
    await rest.post('/members/study/read', { collection: 'topics', slug: t.slug }, member.token)
    const halfway = await progress()
    expect(halfway.done).toBe(1)
    expect(halfway.items[1]).toMatchObject({ read: true, quizNeeded: true, quizScore: null })
    await rest.post('/members/study/quiz', { slug: t.slug, answers: [1, 2, 2] }, member.token)
    expect(await progress()).toMatchObject({ done: 2, completed: true })
    // Reading, the quiz (3 right answers) and the campaign, each once.
    expect(await points(member.id)).toBe(2 * POINT_RULES.read.points + 3 * POINT_RULES.quizCorrect.points + POINT_RULES.campaign.points)
    await rest.post('/members/study/read', { collection: 'documents', slug: doc.slug }, member.token)
    const completions = await payload.count({
      collection: 'study-events',
      where: { and: [{ member: { equals: member.id } }, { kind: { equals: 'complete' } }] },
    })
    expect(completions.totalDocs).toBe(1)
    // A member of another part of the province never sees it.
    const outside = await signedIn(tree.c)
    expect((await rest.get('/members/study', outside.token)).json.campaigns.map((c: { id: string }) => c.id)).not.toContain(String(made.json.doc.id))
  })

  it('remind each member who has not completed it once, by e-mail, before the deadline', async () => {
    const doc = await document({ audience: 'members' })
    const deadline = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10)
    const done = await signedIn(tree.b)
    const late = await signedIn(tree.b)
    const noMail = await createMember(payload, tree.b, { email: null })
    const campaign = await payload.create({
      collection: 'study-campaigns',
      data: {
        title: 'Quán triệt Chỉ thị thử nghiệm',
        organization: tree.b,
        deadline,
        remindDaysBefore: 3,
        items: [{ relationTo: 'documents', value: doc.id }],
      },
    })
    await rest.post('/members/study/read', { collection: 'documents', slug: doc.slug }, done.token)
    // As on the first run of a new day.
    await payload.delete({ collection: 'study-stats', where: { period: { equals: 'now' } } })
    const run = await tendStudy(payload)
    expect(run.newDay).toBe(true)
    expect(run.reminders).toBeGreaterThanOrEqual(1)
    await drainMail(payload)
    // Again the same day, and on the next day: nothing new.
    expect((await tendStudy(payload)).reminders).toBe(0)
    expect(await queueStudyReminders(payload, new Date(Date.now() + DAY))).toBe(0)
    await drainMail(payload)
    const mails = smtp.to(late.email).filter((m) => m.mail.subject?.includes('Quán triệt Chỉ thị thử nghiệm'))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.mail.subject).toMatch(/^Nhắc học tập: Quán triệt Chỉ thị thử nghiệm — hạn \d{2}\/\d{2}\/\d{4}$/)
    expect(mails[0]!.mail.text).toContain('Đồng chí đã hoàn thành 0/1 nội dung')
    expect(mails[0]!.mail.html).toContain('/ca-nhan/hoc-tap/')
    expect(smtp.to(done.email).filter((m) => m.mail.subject?.includes('Quán triệt Chỉ thị thử nghiệm'))).toHaveLength(0)
    const keys = await payload.find({ collection: 'mail-deliveries', where: { kind: { equals: 'studyReminder' } }, limit: 100, depth: 0 })
    const reminded = keys.docs.filter((d) => d.key.endsWith(`:${campaign.id}`)).map((d) => String(d.member))
    expect(reminded).toContain(late.id)
    expect(reminded).not.toContain(done.id)
    expect(new Set(reminded).size).toBe(reminded.length)
    expect(keys.docs.some((d) => String(d.member) === noMail.id)).toBe(false)
  })
})

describe('the ranking', () => {
  it('orders by points, shares places on ties and leaves hidden names out of wider rankings only', async () => {
    // A fresh district so earlier tests' points do not mix in.
    const district = String(
      (
        await payload.create({
          collection: 'organizations',
          data: { name: 'Đảng bộ xã Xếp Hạng', code: 'XH', kind: 'dang-bo-co-so', parent: tree.district } as never,
        })
      ).id,
    )
    const x = String(
      (await payload.create({ collection: 'organizations', data: { name: 'Chi bộ Xếp Hạng 1', code: 'XH1', kind: 'chi-bo', parent: district } as never })).id,
    )
    const y = String(
      (await payload.create({ collection: 'organizations', data: { name: 'Chi bộ Xếp Hạng 2', code: 'XH2', kind: 'chi-bo', parent: district } as never })).id,
    )
    const withPoints = async (org: string, studyPoints: number, extra: Record<string, unknown> = {}) => {
      const m = await signedIn(org, extra)
      await payload.update({ collection: 'members', id: m.id, data: { studyPoints } })
      return m
    }
    const a30 = await withPoints(x, 30)
    const a20 = await withPoints(x, 20)
    const b20 = await withPoints(x, 20)
    const hiddenTop = await withPoints(y, 40, { hideFromRanking: true })
    const y10 = await withPoints(y, 10)
    const rankings = (await rest.get('/members/study', b20.token)).json.rankings
    const own = rankings[0]
    expect(own.organization.id).toBe(x)
    expect(own.wide).toBe(false)
    expect(own.entries.map((e: { points: number; rank: number }) => [e.points, e.rank])).toEqual([
      [30, 1],
      [20, 2],
      [20, 2],
    ])
    expect(own.me).toEqual({ rank: 2, points: 20 })
    const wide = rankings[1]
    expect(wide.organization.id).toBe(district)
    expect(wide.entries.map((e: { points: number }) => e.points)).toEqual([30, 20, 20, 10])
    expect(wide.members).toBe(4)
    expect(wide.me).toEqual({ rank: 2, points: 20 })
    // The member who hid their name: first in their own chi bộ, absent (and unranked) above it.
    const theirs = (await rest.get('/members/study', hiddenTop.token)).json.rankings
    expect(theirs[0].entries[0]).toMatchObject({ points: 40, rank: 1, isMe: true })
    expect(theirs[1].me).toBeNull()
    expect(theirs[1].entries.some((e: { points: number }) => e.points === 40)).toBe(false)
    // The option is the member's own to change.
    const shown = await rest.post('/members/study/privacy', { hideFromRanking: false }, hiddenTop.token)
    expect(shown.json.hideFromRanking).toBe(false)
    expect((await rest.get('/members/study', y10.token)).json.rankings[1].entries[0]).toMatchObject({ points: 40, rank: 1, isMe: false })
    expect([a30, a20].length).toBe(2)
  })
})

describe('statistics', () => {
  it('sum each organization’s subtree, per month, with known answers', async () => {
    // Start from a clean slate of figures: fold everything earlier tests did, then compare deltas.
    while ((await rollupBatch(payload)).more);
    const stats = async (org: string, month: string) => (await rest.get(`/study-stats/overview?organization=${org}&month=${month}`, admin)).json
    const before = {
      a: await stats(tree.a, '2030-05'),
      district: await stats(tree.district, '2030-05'),
      province: await stats(String(orgs.province.id), '2030-05'),
    }
    expect(before.a.organization.month.reads).toBe(0)

    const m1 = await createMember(payload, tree.a)
    const m2 = await createMember(payload, tree.a)
    const m3 = await createMember(payload, tree.b)
    const m4 = await createMember(payload, tree.c)
    const ev = (member: string, organization: string, kind: string, item: string, day: string, value?: number) =>
      payload.create({ collection: 'study-events', data: { key: `${kind}:${member}:${item}:${day}`, kind, member, organization, item, day, value } as never })
    // May 2030: m1 reads two documents on two days and takes one quiz (80); m2 reads one (60 in a quiz);
    // m3 in chi bộ B reads one; m4 outside the district reads one. June: m1 reads once.
    for (const [m, org] of [
      [m1.id, tree.a],
      [m2.id, tree.a],
      [m3.id, tree.b],
      [m4.id, tree.c],
    ] as const)
      await ev(m, org, 'active', '2030-05', '2030-05-03')
    await ev(m1.id, tree.a, 'read', 'documents:d1', '2030-05-03')
    await ev(m1.id, tree.a, 'read', 'documents:d1', '2030-05-04')
    await ev(m1.id, tree.a, 'read', 'documents:d2', '2030-05-04')
    await ev(m1.id, tree.a, 'quiz', 'topics:t1', '2030-05-04', 80)
    await ev(m2.id, tree.a, 'listen', 'documents:d1', '2030-05-05')
    await ev(m2.id, tree.a, 'quiz', 'topics:t1', '2030-05-05', 60)
    await ev(m3.id, tree.b, 'read', 'documents:d2', '2030-05-06')
    await ev(m4.id, tree.c, 'read', 'documents:d1', '2030-05-06')
    await ev(m1.id, tree.a, 'active', '2030-06', '2030-06-01')
    await ev(m1.id, tree.a, 'read', 'documents:d2', '2030-06-01')
    expect((await rollupBatch(payload, 3)).more).toBe(true)
    while ((await rollupBatch(payload, 3)).more);
    // Folding again changes nothing: every event is counted once.
    expect((await rollupBatch(payload)).counted).toBe(0)

    const a = await stats(tree.a, '2030-05')
    expect(a.organization.month).toMatchObject({ readers: 2, reads: 4, quizzes: 2, averageScore: 70 })
    const district = await stats(tree.district, '2030-05')
    expect(district.organization.month).toMatchObject({ readers: 3, reads: 5, quizzes: 2, averageScore: 70 })
    const inTree = district.children.filter((c: { id: string }) => c.id === tree.a || c.id === tree.b)
    expect(inTree.map((c: { id: string; month: { reads: number } }) => [c.id, c.month.reads]).sort()).toEqual(
      [
        [tree.a, 4],
        [tree.b, 1],
      ].sort(),
    )
    const province = await stats(String(orgs.province.id), '2030-05')
    expect(province.organization.month.reads - before.province.organization.month.reads).toBe(6)
    expect(province.organization.month.readers - before.province.organization.month.readers).toBe(4)
    const june = await stats(tree.district, '2030-06')
    expect(june.organization.month).toMatchObject({ readers: 1, reads: 1 })
    expect(june.months.map((m: { month: string; reads: number }) => [m.month, m.reads]).slice(-2)).toEqual([
      ['2030-05', 5],
      ['2030-06', 1],
    ])
    // The most-read documents of the district in May: d1 three times (m1 twice, m2), d2 twice.
    expect(district.topDocuments.map((d: { item: string; reads: number }) => [d.item, d.reads])).toEqual([
      ['documents:d1', 3],
      ['documents:d2', 2],
    ])
  })

  it('count members and those active in the last 30 days for every subtree', async () => {
    const today = vietnamDay()
    const fresh = String(
      (await payload.create({ collection: 'organizations', data: { name: 'Chi bộ Đếm', code: 'DEM', kind: 'chi-bo', parent: tree.district } as never })).id,
    )
    const recent = await createMember(payload, fresh)
    await createMember(payload, fresh)
    const old = await createMember(payload, fresh)
    await payload.update({ collection: 'members', id: recent.id, data: { lastStudyDay: today } })
    await payload.update({ collection: 'members', id: old.id, data: { lastStudyDay: vietnamDay(new Date(Date.now() - 45 * DAY)) } })
    await countMembers(payload, today)
    const stats = (await rest.get(`/study-stats/overview?organization=${fresh}`, admin)).json
    expect(stats.organization).toMatchObject({ members: 3, active: 1, activePercent: 33.3 })
    const district = (await rest.get(`/study-stats/overview?organization=${tree.district}`, admin)).json
    const members = await payload.count({
      collection: 'members',
      where: { and: [{ organization: { in: [tree.district, tree.a, tree.b, fresh] } }, { status: { equals: 'active' } }] },
    })
    expect(district.organization.members).toBeGreaterThanOrEqual(members.totalDocs)
    expect(district.countedDay).toBe(today)
  })

  it('show a chi bộ secretary their own subtree only, and export every table as CSV', async () => {
    const own = await rest.get('/study-stats/overview', secretaryA)
    expect(own.status).toBe(200)
    expect(own.json.organization.id).toBe(tree.a)
    expect(own.json.choices.map((c: { id: string }) => c.id)).toEqual([tree.a])
    for (const org of [tree.district, tree.b, String(orgs.province.id)]) {
      const refused = await rest.get(`/study-stats/overview?organization=${org}`, secretaryA)
      expect(refused.status, org).toBe(403)
      expect(refused.json.message).toBe('Tài khoản không được xem số liệu của tổ chức này.')
    }
    const rows = await rest.get('/study-stats?limit=500&depth=0', secretaryA)
    expect(rows.json.docs.length).toBeGreaterThan(0)
    expect(rows.json.docs.every((d: { organization: string }) => d.organization === tree.a)).toBe(true)
    expect((await rest.get('/study-stats/overview')).status).toBe(401)
    expect((await rest.get('/study-stats/overview?month=2030-13', admin)).status).toBe(400)

    const csv = await rest.get(`/study-stats/export/thang?organization=${tree.district}&month=2030-05`, admin)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('Tháng,Đảng viên có học tập,Lượt đọc,Bài trắc nghiệm,Điểm trung bình (%),Hoàn thành đợt học tập')
    expect(lines).toHaveLength(13)
    expect(lines.at(-1)).toBe('2030-05,3,5,2,70,0')
    for (const table of ['to-chuc', 'dot-hoc-tap', 'doc-nhieu'])
      expect((await rest.get(`/study-stats/export/${table}?organization=${tree.a}`, secretaryA)).status, table).toBe(200)
    expect((await rest.get(`/study-stats/export/thang?organization=${tree.b}`, secretaryA)).status).toBe(403)
  })
})
