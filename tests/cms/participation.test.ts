/**
 * Chi bộ meetings and questions to the committee, over Payload's real REST handlers on SQLite with a
 * real SMTP server: who may answer a meeting and how answers change, the secretary's list and roll
 * call, reminders sent exactly once, calendars read back by ical.js; questions routed to the asker's
 * organization, hidden from other organizations, answered with a trace and a mail, published without
 * the asker.
 */
import ICAL from 'ical.js'
import type { Payload } from 'payload'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUESTION_MESSAGES, RSVP_MESSAGES } from '../../core/participation'
import { tendMail } from '../../cms/email/queue/tend'
import { queueMeetingReminders } from '../../cms/meetings/reminders'
import { plainTextToLexical } from '../../cms/richtext/plainText'
import { PASSWORD, createMember } from '../helpers/fixtures'
import type { TestSmtpServer } from './mail/helpers/smtp'
import { SERVER_URL, drainMail, startMailWorld } from './mail/helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']
let contributor: string
let otherContributor: string
let publisher: string
let otherBranch: string

type Account = Awaited<ReturnType<typeof createMember>> & { token: string; name: string }
let hoa: Account
let binh: Account
let chua: Account
let tay: Account

const HOUR = 60 * 60 * 1000

async function member(organization: string, name: string): Promise<Account> {
  const created = await createMember(payload, organization, { name })
  const token = await rest.login(created.email, PASSWORD, 'members')
  return { ...created, token, name }
}

async function meeting(title: string, at: Date, organization = orgs.branch.id, extra: Record<string, unknown> = {}) {
  const doc = await payload.create({
    collection: 'announcements',
    data: {
      title,
      organization,
      body: plainTextToLexical('Kính mời các đồng chí đảng viên dự họp.'),
      meetingAt: at.toISOString(),
      location: 'Nhà văn hóa thôn Đông Hòa',
      meetingKind: 'thuong-ky',
      agenda: 'Kiểm điểm công tác tháng\nBàn kế hoạch làm đường',
      publishedAt: new Date().toISOString().slice(0, 10),
      _status: 'published',
      ...extra,
    } as never,
  })
  return { id: String(doc.id), slug: String(doc.slug) }
}

beforeAll(async () => {
  const world = await startMailWorld()
  ;({ payload, smtp, rest, orgs } = world)
  contributor = await rest.login(world.users.contributor.email, PASSWORD)
  publisher = await rest.login(world.users.publisher.email, PASSWORD)
  const other = await payload.create({
    collection: 'organizations',
    data: { name: 'Chi bộ thôn Tây Hòa', code: 'CBT', kind: 'chi-bo', parent: orgs.province.id },
  })
  otherBranch = String(other.id)
  await payload.create({
    collection: 'users',
    data: { email: 'bi-thu-tay-hoa@so-tay.test', password: PASSWORD, name: 'Bí thư Tây Hòa', role: 'contributor', organization: otherBranch },
  })
  otherContributor = await rest.login('bi-thu-tay-hoa@so-tay.test', PASSWORD)
  hoa = await member(orgs.branch.id, 'Nguyễn Thị Hoa')
  binh = await member(orgs.branch.id, 'Trần Văn Bình')
  chua = await member(orgs.branch.id, 'Lê Văn Chưa')
  tay = await member(otherBranch, 'Phạm Văn Tây')
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

describe('meetings', () => {
  let tomorrow: { id: string; slug: string }

  beforeAll(async () => {
    tomorrow = await meeting('Họp chi bộ thường kỳ tháng Mười hai', new Date(Date.now() + 20 * HOUR))
  })

  it('are answered only by members of their scope, and an answer changes instead of piling up', async () => {
    const rsvp = (who: Account, body: unknown) => rest.post(`/members/meetings/${tomorrow.slug}/rsvp`, body, who.token)
    // A sibling chi bộ's member neither sees nor answers the meeting.
    expect((await rest.get(`/members/meetings/${tomorrow.slug}`, tay.token)).status).toBe(404)
    expect((await rsvp(tay, { response: 'attend' })).status).toBe(404)
    expect(JSON.stringify((await rest.get('/members/meetings', tay.token)).json)).not.toContain(tomorrow.slug)
    expect((await rsvp({ ...hoa, token: '' }, { response: 'attend' })).status).toBe(401)

    const attend = await rsvp(hoa, { response: 'attend' })
    expect(attend.status, attend.text).toBe(200)
    expect(attend.json.rsvp.response).toBe('attend')
    // Absent without a reason: refused in Vietnamese, and the earlier answer stays.
    const noReason = await rsvp(hoa, { response: 'absent', reason: '   ' })
    expect(noReason.status).toBe(400)
    expect(noReason.json.errors.reason).toBe(RSVP_MESSAGES.reasonRequired)
    expect((await rsvp(hoa, { response: 'maybe' })).json.message).toBe(RSVP_MESSAGES.badResponse)
    expect((await rest.get(`/members/meetings/${tomorrow.slug}`, hoa.token)).json.rsvp.response).toBe('attend')
    const absent = await rsvp(hoa, { response: 'absent', reason: 'Đi công tác huyện' })
    expect(absent.status).toBe(200)
    expect(absent.json.rsvp).toMatchObject({ response: 'absent', reason: 'Đi công tác huyện' })
    expect((await rsvp(binh, { response: 'attend', reason: 'không cần' })).json.rsvp).toMatchObject({ response: 'attend', reason: '' })

    // One row per invited member since publication (the roll call); answers change it in place.
    const rows = await payload.find({ collection: 'meeting-responses', where: { announcement: { equals: tomorrow.id } }, overrideAccess: true, depth: 0 })
    const byName = Object.fromEntries(rows.docs.map((r) => [r.memberName, r.response]))
    expect(byName).toEqual({
      'Nguyễn Thị Hoa': 'absent',
      'Trần Văn Bình': 'attend',
      'Lê Văn Chưa': 'none',
      [rows.docs.find((r) => r.memberName?.startsWith('Đảng viên thử nghiệm'))!.memberName!]: 'none',
    })
    const list = (await rest.get('/members/meetings', hoa.token)).json.items
    expect(list.find((m: { slug: string }) => m.slug === tomorrow.slug)).toMatchObject({ kindLabel: 'Sinh hoạt thường kỳ', closed: false })
  })

  it('close once they have started', async () => {
    const past = await meeting('Họp chi bộ tháng trước', new Date(Date.now() - 2 * HOUR))
    const late = await rest.post(`/members/meetings/${past.slug}/rsvp`, { response: 'attend' }, hoa.token)
    expect(late.status).toBe(409)
    expect(late.json.message).toBe(RSVP_MESSAGES.closed)
  })

  it("give the secretary the list, a CSV of everyone invited and a roll call; not another organization's", async () => {
    const own = await rest.get(`/meeting-responses?where[announcement][equals]=${tomorrow.id}&depth=0`, contributor)
    expect(own.json.docs).toHaveLength(4)
    expect((await rest.get(`/meeting-responses?where[announcement][equals]=${tomorrow.id}`, otherContributor)).json.docs).toEqual([])
    expect((await rest.get(`/meeting-responses?depth=0`, hoa.token)).json.docs ?? []).toEqual([])

    const csv = await rest.get(`/meeting-responses/export?announcement=${tomorrow.id}`, contributor)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toContain('Họ và tên')
    expect(lines.find((l) => l.includes('Nguyễn Thị Hoa'))).toContain('Đi công tác huyện')
    expect(lines.find((l) => l.includes('Lê Văn Chưa'))).toContain('Chưa trả lời')
    expect(csv.text).not.toContain('Phạm Văn Tây')
    expect((await rest.get(`/meeting-responses/export?announcement=${tomorrow.id}`, otherContributor)).status).toBe(403)

    const row = own.json.docs.find((r: { memberName: string }) => r.memberName === 'Trần Văn Bình')
    const roll = await rest.patch(`/meeting-responses/${row.id}`, { attendance: 'present', response: 'absent' }, contributor)
    expect(roll.status, roll.text).toBe(200)
    // The secretary records attendance; the member's own answer is not theirs to change.
    expect(roll.json.doc).toMatchObject({ attendance: 'present', response: 'attend' })
    expect((await rest.patch(`/meeting-responses/${row.id}`, { attendance: 'absent' }, otherContributor)).status).toBe(403)
    // Attendance is recorded for a member who never answered too.
    const silent = own.json.docs.find((r: { memberName: string }) => r.memberName === 'Lê Văn Chưa')
    expect(silent.response).toBe('none')
    expect((await rest.patch(`/meeting-responses/${silent.id}`, { attendance: 'absent' }, contributor)).json.doc.attendance).toBe('absent')
    // A member who joins the chi bộ later is added when the announcement is saved again.
    const late = await member(orgs.branch.id, 'Đỗ Văn Mới')
    await payload.update({ collection: 'announcements', id: tomorrow.id, data: { location: 'Nhà văn hóa thôn Đông Hòa' } as never })
    const again = await rest.get(`/meeting-responses?where[announcement][equals]=${tomorrow.id}&depth=0`, contributor)
    expect(again.json.docs.map((r: { memberName: string }) => r.memberName)).toContain(late.name)
    await payload.update({ collection: 'members', id: late.id, data: { status: 'disabled' } as never })
  })

  it('remind those who have not answered the day before, exactly once however often the reminder runs', async () => {
    await meeting('Họp chuyên đề tuần sau', new Date(Date.now() + 5 * 24 * HOUR))
    const first = await queueMeetingReminders(payload)
    // Chưa and the world's member account are the invited members of tomorrow's meeting without an
    // answer; next week's meeting is not due yet.
    expect(first.queued).toBe(2)
    expect((await queueMeetingReminders(payload)).queued).toBe(0)
    await tendMail(payload)
    await drainMail(payload)
    await queueMeetingReminders(payload)
    await tendMail(payload)
    await drainMail(payload)
    const received = smtp.to(chua.email)
    expect(received).toHaveLength(1)
    expect(received[0]!.mail.subject).toBe('Nhắc lịch họp: Họp chi bộ thường kỳ tháng Mười hai')
    expect(received[0]!.mail.text).toContain('Kính gửi đồng chí Lê Văn Chưa')
    expect(received[0]!.mail.text).toContain(`/ca-nhan/thong-bao/${tomorrow.slug}/`)
    expect(smtp.to('member@so-tay.test')).toHaveLength(1)
    for (const who of [hoa, binh, tay]) expect(smtp.to(who.email)).toHaveLength(0)
    const rows = await payload.find({ collection: 'mail-deliveries', where: { kind: { equals: 'meetingReminder' } }, overrideAccess: true })
    expect(rows.docs.map((d) => d.status)).toEqual(['sent', 'sent'])
  })

  it('drop a queued reminder when the member answers before it goes out', async () => {
    const soon = await meeting('Họp chi bộ đột xuất', new Date(Date.now() + 3 * HOUR))
    expect((await queueMeetingReminders(payload)).queued).toBe(4)
    for (const who of [hoa, binh, chua]) await rest.post(`/members/meetings/${soon.slug}/rsvp`, { response: 'attend' }, who.token)
    await drainMail(payload)
    const rows = await payload.find({ collection: 'mail-deliveries', where: { key: { contains: `meeting-reminder:${soon.id}:` } }, overrideAccess: true })
    const byTo = Object.fromEntries(rows.docs.map((d) => [d.to, d.status]))
    expect(byTo).toEqual({ [hoa.email]: 'cancelled', [binh.email]: 'cancelled', [chua.email]: 'cancelled', 'member@so-tay.test': 'sent' })
    expect(smtp.to(chua.email)).toHaveLength(1)
  })

  it('export a valid iCalendar file per meeting and a private calendar feed', async () => {
    const ics = await rest.get(`/members/meetings/${tomorrow.slug}/ics`, hoa.token)
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-type')).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse(ics.text))
    const [vevent] = calendar.getAllSubcomponents('vevent')
    const event = new ICAL.Event(vevent)
    expect(event.summary).toBe('Họp chi bộ thường kỳ tháng Mười hai')
    expect(event.location).toBe('Nhà văn hóa thôn Đông Hòa')
    const stored = await payload.findByID({ collection: 'announcements', id: tomorrow.id })
    // iCalendar keeps whole seconds.
    expect(event.startDate.toJSDate().getTime()).toBe(Math.floor(new Date(stored.meetingAt!).getTime() / 1000) * 1000)
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(2 * HOUR)
    expect(event.description).toContain('Bàn kế hoạch làm đường')
    expect(event.uid).toContain(`meeting-${tomorrow.id}@`)
    expect((await rest.get(`/members/meetings/${tomorrow.slug}/ics`, tay.token)).status).toBe(404)

    const { feedToken } = (await rest.post('/members/feed-token', {}, hoa.token)).json
    const feed = await rest.get(`/members/calendar/${feedToken}`)
    expect(feed.status).toBe(200)
    const feedEvents = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary)
    expect(feedEvents).toContain('Họp chi bộ thường kỳ tháng Mười hai')
    expect(feedEvents).toContain('Họp chuyên đề tuần sau')
    const tayToken = (await rest.post('/members/feed-token', {}, tay.token)).json.feedToken
    expect((await rest.get(`/members/calendar/${tayToken}`)).text).not.toContain('Họp chi bộ thường kỳ')
    expect((await rest.get('/members/calendar/khong-co-ma-nay-dau-1234')).status).toBe(404)
  })

  it('carry the minutes attached afterwards to the same members', async () => {
    await payload.update({
      collection: 'announcements',
      id: tomorrow.id,
      data: { minutes: plainTextToLexical('Kết luận: chi bộ thống nhất làm đường bê tông trong quý I.') } as never,
    })
    const read = await rest.get(`/members/content/announcements/${tomorrow.slug}`, hoa.token)
    expect(read.json.entry.minutesHtml).toContain('thống nhất làm đường bê tông')
    expect((await rest.get(`/members/content/announcements/${tomorrow.slug}`, tay.token)).status).toBe(404)
    expect((await rest.get('/members/meetings', hoa.token)).json.items.find((m: { slug: string }) => m.slug === tomorrow.slug).hasMinutes).toBe(true)
  })
})

/** A multipart POST to /api/members/questions, as the site's form forwards it. */
async function askWithFile(token: string, text: string, file: { name: string; type: string; bytes: Buffer }) {
  const form = new FormData()
  form.set('text', text)
  form.set('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
  const { default: config } = await import('../../cms/payload.config')
  const handler = REST_POST(config) as (r: Request, a: { params: Promise<{ slug: string[] }> }) => Promise<Response>
  const response = await handler(
    new Request(`${SERVER_URL}/api/members/questions`, { method: 'POST', headers: { authorization: `JWT ${token}` }, body: form }),
    {
      params: Promise.resolve({ slug: ['members', 'questions'] }),
    },
  )
  return { status: response.status, json: (await response.json()) as any }
}

describe('questions to the committee', () => {
  let questionId = ''

  it("reach the asker's own organization, with an optional photo or PDF within the limits", async () => {
    const short = await rest.post('/members/questions', { text: 'Hỏi?' }, hoa.token)
    expect(short.status).toBe(400)
    expect(short.json.message).toBe(QUESTION_MESSAGES.tooShort)
    const text = `Tôi là Nguyễn Thị Hoa, số ${hoa.phone}, thư ${hoa.email}. Xin hỏi mức đóng đảng phí của đảng viên đã nghỉ hưu là bao nhiêu? Hoa cảm ơn.`
    const { default: sharp } = await import('sharp')
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#d9c7a7' } })
      .jpeg()
      .toBuffer()
    const asked = await askWithFile(hoa.token, text, { name: 'phieu-luong.jpg', type: 'image/jpeg', bytes: photo })
    expect(asked.status, JSON.stringify(asked.json)).toBe(201)
    expect(asked.json.question).toMatchObject({ status: 'new', statusLabel: 'Mới', organizationName: 'Chi bộ thôn Đông Hòa' })
    expect(asked.json.question.attachmentName).toMatch(/\.jpg$/)
    questionId = asked.json.question.id
    const stored = await payload.findByID({ collection: 'questions', id: questionId, depth: 0, overrideAccess: true })
    expect(stored.organization).toBe(orgs.branch.id)

    const wrongType = await askWithFile(hoa.token, 'Câu hỏi có tệp không đúng loại nhé.', { name: 'a.txt', type: 'text/plain', bytes: Buffer.from('xin chào') })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json.message).toBe(QUESTION_MESSAGES.badFile)
    const tooBig = await askWithFile(hoa.token, 'Câu hỏi có ảnh quá lớn, xin lỗi.', {
      name: 'a.jpg',
      type: 'image/jpeg',
      bytes: Buffer.alloc(3 * 1024 * 1024 + 1),
    })
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.message).toBe(QUESTION_MESSAGES.fileTooLarge)
    // Refused questions store nothing.
    expect((await payload.count({ collection: 'questions', overrideAccess: true })).totalDocs).toBe(1)
    expect((await payload.count({ collection: 'question-files', overrideAccess: true })).totalDocs).toBe(1)
  })

  it('are read by the staff of that organization only, and by the asker alone among members', async () => {
    const inbox = await rest.get('/questions?depth=0', contributor)
    expect(inbox.json.docs.map((q: { id: string }) => q.id)).toEqual([questionId])
    expect((await rest.get(`/questions/${questionId}`, otherContributor)).status).toBe(404)
    expect((await rest.get('/questions', otherContributor)).json.docs).toEqual([])
    expect((await rest.get(`/questions/${questionId}`, binh.token)).status).toBe(404)
    expect((await rest.get(`/questions/${questionId}`, hoa.token)).status).toBe(200)
    expect((await rest.patch(`/questions/${questionId}`, { answer: 'Trả lời sai chỗ.' }, otherContributor)).status).toBe(403)
    // The attachment follows the question.
    const file = (await payload.find({ collection: 'question-files', overrideAccess: true })).docs[0]!
    expect((await rest.get(`/question-files/${file.id}`, contributor)).status).toBe(200)
    expect((await rest.get(`/question-files/${file.id}`, otherContributor)).status).toBe(404)
    expect((await rest.get(`/question-files/${file.id}`, binh.token)).status).toBe(404)
  })

  it('are assigned and answered with every step in the audit log, and the asker is told once', async () => {
    const contributorUser = (await payload.find({ collection: 'users', where: { email: { equals: 'contributor@so-tay.test' } }, limit: 1 })).docs[0]!
    const assigned = await rest.patch(`/questions/${questionId}`, { assignee: contributorUser.id }, contributor)
    expect(assigned.status, assigned.text).toBe(200)
    expect(assigned.json.doc.status).toBe('in-progress')
    const early = await rest.patch(`/questions/${questionId}`, { publication: 'public' }, contributor)
    expect(early.status).toBe(400)
    expect(early.text).toContain('Chỉ công bố được câu hỏi đã trả lời')
    const noAnswer = await rest.patch(`/questions/${questionId}`, { status: 'answered' }, contributor)
    expect(noAnswer.status).toBe(400)
    expect(noAnswer.text).toContain('Hãy viết câu trả lời')

    const answer = 'Theo Quy định 01-QĐ/TW, đảng viên đã nghỉ hưu đóng 0,5% lương hưu. Chi bộ sẽ hướng dẫn đồng chí Hoa tại kỳ họp tới.'
    const answered = await rest.patch(`/questions/${questionId}`, { answer }, contributor)
    expect(answered.status, answered.text).toBe(200)
    expect(answered.json.doc.status).toBe('answered')
    expect(answered.json.doc.answeredAt).toBeTruthy()
    await drainMail(payload)
    await rest.patch(`/questions/${questionId}`, { answer: `${answer} Bổ sung: đóng theo quý.` }, contributor)
    await drainMail(payload)
    const mails = smtp.to(hoa.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.mail.subject).toBe('Câu hỏi của đồng chí đã được trả lời')
    // The answer itself stays behind the sign-in.
    expect(mails[0]!.mail.text).not.toContain('0,5% lương hưu')

    const mine = (await rest.get('/members/questions', hoa.token)).json.items
    expect(mine[0]).toMatchObject({ id: questionId, status: 'answered', statusLabel: 'Đã trả lời' })
    expect(mine[0].answer).toContain('Bổ sung: đóng theo quý.')
    expect((await rest.get('/members/questions', binh.token)).json.items).toEqual([])

    const trail = await rest.get(`/audit-logs?where[documentId][equals]=${questionId}&sort=at&limit=50`, publisher)
    const actions = trail.json.docs.map((d: { action: string; detail: string }) => `${d.action}: ${d.detail}`)
    expect(actions).toContain('status: Mới → Đang xử lý')
    expect(actions).toContain('status: Đang xử lý → Đã trả lời')
    expect(actions.some((a: string) => a.startsWith('assign: Giao cho'))).toBe(true)
    expect(actions.filter((a: string) => a.startsWith('answer:'))).toHaveLength(2)
  })

  it('are published to the FAQ without the asker', async () => {
    const published = await rest.patch(`/questions/${questionId}`, { publication: 'public' }, contributor)
    expect(published.status, published.text).toBe(200)
    const faq = await rest.get('/questions/faq')
    expect(faq.status).toBe(200)
    const [item] = faq.json.items
    expect(item.question).toContain('mức đóng đảng phí')
    expect(item.answer).toContain('0,5% lương hưu')
    const everything = JSON.stringify(faq.json)
    for (const leak of ['Nguyễn Thị Hoa', 'Hoa', hoa.phone, hoa.email, hoa.id, 'member']) expect(everything).not.toContain(leak)
    expect(item.question).toContain('[người hỏi]')
    expect(item.question).toContain('[số điện thoại]')
    // The members' FAQ shows it too; a question for members only stays out of the public one.
    expect((await rest.get('/members/faq', binh.token)).json.items).toHaveLength(1)
    await rest.patch(`/questions/${questionId}`, { publication: 'members' }, contributor)
    expect((await rest.get('/questions/faq')).json.items).toEqual([])
    expect((await rest.get('/members/faq', tay.token)).json.items).toHaveLength(1)
    const trail = await rest.get(`/audit-logs?where[documentId][equals]=${questionId}&where[action][equals]=publish`, publisher)
    expect(trail.json.docs.map((d: { detail: string }) => d.detail)).toEqual(expect.arrayContaining(['Hỏi đáp công khai', 'Hỏi đáp dành cho đảng viên']))
  })

  it('are limited per member per day', async () => {
    // Five questions a day: the sixth waits for tomorrow.
    for (let i = 0; i < 4; i++)
      expect((await rest.post('/members/questions', { text: `Câu hỏi thứ ${i + 2} của đồng chí Bình.` }, binh.token)).status).toBe(201)
    expect((await rest.post('/members/questions', { text: 'Câu hỏi thứ sáu của đồng chí Bình.' }, binh.token)).status).toBe(201)
    const sixth = await rest.post('/members/questions', { text: 'Câu hỏi thứ bảy của đồng chí Bình.' }, binh.token)
    expect(sixth.status).toBe(429)
    expect(sixth.json.message).toBe(QUESTION_MESSAGES.tooMany)
    // Another member is not held back by Bình's questions.
    expect((await rest.post('/members/questions', { text: 'Câu hỏi của đồng chí Tây về đảng phí.' }, tay.token)).status).toBe(201)
    const tayQuestion = (await payload.find({ collection: 'questions', where: { memberName: { equals: 'Phạm Văn Tây' } }, depth: 0, overrideAccess: true }))
      .docs[0]!
    expect(tayQuestion.organization).toBe(otherBranch)
    expect((await rest.get(`/questions/${tayQuestion.id}`, otherContributor)).status).toBe(200)
    expect((await rest.get(`/questions/${tayQuestion.id}`, contributor)).status).toBe(404)
  })
})
