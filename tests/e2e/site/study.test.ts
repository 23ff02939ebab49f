/**
 * Study on the site (issue 16), through the built site server and the CMS over HTTP, with the forms
 * a phone without JavaScript sends: a member opens "Học tập", reads a campaign's document to the end
 * and marks it, takes the topic's quiz, sees the score with explanations and their place in the
 * ranking; a second attempt is practice only. Nothing of it is cached for another reader.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { startCmsHttp } from '../../cms/mail/helpers/cmsHttp'
import { PASSWORD, createMember } from '../../helpers/fixtures'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { textOf } from '../../helpers/site'

const site = inject('site')
let world: LiveWorld
let payload: Payload
let cms: Awaited<ReturnType<typeof startCmsHttp>>
const slugs = { doc: '', topic: '' }
let cookie = ''
let otherCookie = ''

async function signIn(identifier: string) {
  const res = await fetch(new URL('/dang-nhap/', world.server.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: world.server.url },
    body: new URLSearchParams({ identifier, password: PASSWORD, tiep: '/ca-nhan/' }).toString(),
  })
  expect(res.status).toBe(303)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}

async function page(pathname: string, who = cookie) {
  const res = await fetch(new URL(pathname, world.server.url), { headers: { cookie: who }, redirect: 'manual' })
  return { status: res.status, text: textOf(await res.text()), headers: res.headers }
}

async function post(pathname: string, form: Record<string, string>, who = cookie) {
  const res = await fetch(new URL(pathname, world.server.url), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: who, 'content-type': 'application/x-www-form-urlencoded', origin: world.server.url },
    body: new URLSearchParams(form).toString(),
  })
  return { status: res.status, location: res.headers.get('location'), text: textOf(await res.text()), headers: res.headers }
}

beforeAll(async () => {
  world = await startLiveWorld(site, 'study', 'empty')
  payload = world.payload
  cms = await startCmsHttp()
  world.env.CMS_INTERNAL_URL = cms.url
  await world.restartServer()
  const org = async (name: string, code: string, kind: string, parent?: string) =>
    String((await payload.create({ collection: 'organizations', data: { name, code, kind, parent } as never })).id)
  const p = await org('Đảng bộ xã Hòa Bình', 'DBX', 'dang-bo-co-so')
  const a = await org('Chi bộ thôn Đông Hòa', 'CBA', 'chi-bo', p)
  const doc = await payload.create({
    collection: 'documents',
    data: {
      type: 'nghi-quyet',
      number: '15-NQ/ĐU',
      title: 'Về phát triển kinh tế đồi rừng giai đoạn 2026 - 2030',
      summary: plainTextToLexical('Tóm tắt: trồng rừng gỗ lớn, giữ đất, giữ nước.'),
      issuer: p,
      level: 'co-so',
      issuedAt: '2026-10-01',
      audience: 'members',
      _status: 'published',
    } as never,
  })
  slugs.doc = String(doc.slug)
  const topic = await payload.create({
    collection: 'topics',
    data: {
      _status: 'published',
      month: '2026-12',
      title: 'Chuyên đề: kinh tế đồi rừng',
      theme: 'Phát triển kinh tế đồi rừng bền vững',
      body: plainTextToLexical('Nội dung chuyên đề về rừng gỗ lớn.'),
      audience: 'members',
      questions: [
        {
          question: 'Rừng gỗ lớn có chu kỳ bao lâu?',
          choices: [{ text: '5 năm' }, { text: 'Trên 10 năm' }],
          answer: 2,
          explanation: 'Gỗ lớn cần trên 10 năm.',
        },
        { question: 'Trồng rừng giúp giữ gì?', choices: [{ text: 'Đất và nước' }, { text: 'Không gì' }], answer: 1, explanation: 'Rừng giữ đất, giữ nước.' },
      ],
    } as never,
  })
  slugs.topic = String(topic.slug)
  await payload.create({
    collection: 'study-campaigns',
    data: {
      title: 'Học tập Nghị quyết 15 về kinh tế đồi rừng',
      organization: p,
      deadline: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      items: [
        { relationTo: 'documents', value: String(doc.id) },
        { relationTo: 'topics', value: String(topic.id) },
      ],
    } as never,
  })
  const me = await createMember(payload, a, { name: 'Nguyễn Thị Học' })
  const other = await createMember(payload, a, { name: 'Trần Văn Bạn' })
  await payload.update({ collection: 'members', id: other.id, data: { studyPoints: 100 } })
  cookie = await signIn(me.phone)
  otherCookie = await signIn(other.phone)
})
afterAll(async () => {
  await cms?.close()
  await world?.stop()
})

describe('a member studying a campaign', () => {
  it('sees what is due, marks the document read, takes the quiz, and sees the score and the rank', async () => {
    // "Của tôi" names what is due.
    const mine = await page('/ca-nhan/')
    expect(mine.text).toMatch(/Cần học Học tập Nghị quyết 15 về kinh tế đồi rừng — hạn \d{2}\/\d{2}\/\d{4}, đã xong 0\/2 nội dung/)
    const start = await page('/ca-nhan/hoc-tap/')
    expect(start.status).toBe(200)
    expect(start.headers.get('cache-control')).toBe('private, no-store')
    expect(start.text).toContain('Học tập Nghị quyết 15 về kinh tế đồi rừng')
    expect(start.text).toContain('Tiến độ: 0/2 nội dung')
    expect(start.text).toContain('Điểm học tập: 0')

    // The document's page ends with the mark; posting it comes back with the confirmation.
    const docPage = await page(`/ca-nhan/van-ban/${slugs.doc}/`)
    expect(docPage.text).toContain('Tôi đã đọc hết')
    const marked = await post('/ca-nhan/hoc-tap/da-doc', { collection: 'documents', slug: slugs.doc, via: 'read' })
    expect(marked.status).toBe(303)
    expect(marked.location).toBe(`/ca-nhan/van-ban/${slugs.doc}/?da-hoc=moi#ghi-nhan`)
    expect((await page(marked.location!)).text).toContain('Đồng chí được cộng điểm học tập')

    // The topic: read it, then the quiz (one right, one wrong).
    await post('/ca-nhan/hoc-tap/da-doc', { collection: 'topics', slug: slugs.topic, via: 'listen' })
    const topicPage = await page(`/ca-nhan/chuyen-de/${slugs.topic}/`)
    expect(topicPage.text).toContain('Nộp bài')
    // The page holds no answers: the CMS scores.
    expect(topicPage.text).not.toContain('Gỗ lớn cần trên 10 năm')
    const result = await post(`/ca-nhan/chuyen-de/${slugs.topic}/lam-bai`, { 'cau-1': '2', 'cau-2': '2' })
    expect(result.status).toBe(200)
    expect(result.text).toContain('Đồng chí trả lời đúng 1/2 câu (50%)')
    expect(result.text).toContain('Đây là lần làm bài được tính điểm: đồng chí được cộng 2 điểm học tập')
    expect(result.text).toContain('Đáp án đúng: A. Đất và nước')
    expect(result.text).toContain('Rừng giữ đất, giữ nước.')

    const practice = await post(`/ca-nhan/chuyen-de/${slugs.topic}/lam-bai`, { 'cau-1': '2', 'cau-2': '1' })
    expect(practice.text).toContain('Đồng chí trả lời đúng 2/2 câu (100%)')
    expect(practice.text).toContain('Lần này để ôn tập; kết quả được tính vẫn là lần đầu (50%)')

    // Two readings (1 + 1), one right answer (2), the campaign on time (10).
    const after = await page('/ca-nhan/hoc-tap/')
    expect(after.text).toContain('Tiến độ: 2/2 nội dung')
    expect(after.text).toContain('Đã hoàn thành')
    expect(after.text).toContain('Điểm học tập: 14')
    expect(after.text).toMatch(/Xếp thứ 2 ?\/2 trong Chi bộ thôn Đông Hòa/)

    expect((await page('/ca-nhan/')).text).not.toContain('Cần học')
    const ranking = await page('/ca-nhan/hoc-tap/xep-hang/')
    expect(ranking.text).toMatch(/1 Trần Văn Bạn 100 2 Nguyễn Thị Học \(đồng chí\) 14/)
    // Hiding from wider rankings: the own chi bộ still lists the member, the đảng bộ does not.
    const hidden = await post('/ca-nhan/hoc-tap/xep-hang/', { 'an-ten': '1' })
    expect(hidden.location).toBe('/ca-nhan/hoc-tap/xep-hang/?da-luu=1')
    const seenByOther = await page('/ca-nhan/hoc-tap/xep-hang/', otherCookie)
    const [own, wide] = seenByOther.text.split('Đảng bộ xã Hòa Bình')
    expect(own).toContain('Nguyễn Thị Học')
    expect(wide).not.toContain('Nguyễn Thị Học')
  })

  it('is not available signed out, and nothing of it is shared through a cache', async () => {
    const anonymous = await fetch(new URL('/ca-nhan/hoc-tap/', world.server.url), { redirect: 'manual' })
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toContain('/dang-nhap/')
    const other = await page('/ca-nhan/hoc-tap/', otherCookie)
    expect(other.text).toContain('Điểm học tập: 100')
    expect(other.text).not.toContain('Điểm học tập: 14')
    const noForm = await post('/ca-nhan/hoc-tap/da-doc', { collection: 'documents', slug: 'khong-co-van-ban-nay', via: 'read' })
    expect(noForm.status).toBe(404)
  })
})
