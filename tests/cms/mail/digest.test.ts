import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runQueuedJobs } from '../../../cms/jobs/runner'
import { digestSlot } from '../../../cms/email/queue/digest'
import { tendMail } from '../../../cms/email/queue/tend'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { documentData } from '../../helpers/fixtures'
import { linkIn, tokenOf, type TestSmtpServer } from './helpers/smtp'
import { drainMail, SITE_URL, startMailWorld } from './helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']

const DAY = 24 * 60 * 60 * 1000
const address = 'bi.thu.chi.bo@example.vn'

beforeAll(async () => {
  ;({ payload, smtp, rest, orgs } = await startMailWorld({ MAIL_DIGEST_HOUR: '7' }))
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

const topic = (month: string, title: string) =>
  payload.create({
    collection: 'topics',
    data: {
      _status: 'published',
      month,
      title,
      theme: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      body: plainTextToLexical('Nội dung chuyên đề.'),
    } as never,
  })

describe('the daily digest', () => {
  it('computes the digest time in Vietnam time', () => {
    // 06:59 in Hà Nội is 23:59 UTC the day before: the last 07:00 was a day earlier.
    expect(digestSlot(new Date('2025-03-10T23:59:00Z'), 7).toISOString()).toBe('2025-03-10T00:00:00.000Z')
    expect(digestSlot(new Date('2025-03-11T00:00:00Z'), 7).toISOString()).toBe('2025-03-11T00:00:00.000Z')
    expect(digestSlot(new Date('2025-03-11T12:00:00Z'), 20).toISOString()).toBe('2025-03-10T13:00:00.000Z')
  })

  it('collects what matched since the subscription, without what was unpublished, in one message', async () => {
    const field = await payload.create({ collection: 'subjects', data: { name: 'Xây dựng Đảng' } })
    const other = await payload.create({ collection: 'subjects', data: { name: 'Kinh tế' } })
    const before = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { _status: 'published', subjects: [field.id], title: 'Công bố trước khi đăng ký' }),
    })

    await rest.post('/subscribers/subscribe', { email: address, frequency: 'daily', subjects: [field.id], topics: true })
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(1)
    expect(
      (await rest.post('/subscribers/confirm', { token: tokenOf(linkIn(smtp.to(address)[0].mail, `${SITE_URL}/nhan-thong-bao/xac-nhan?t=`)) })).json.outcome,
    ).toBe('confirmed')

    const kept = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, {
        _status: 'published',
        subjects: [field.id],
        number: '21-NQ/TW',
        title: 'Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng',
      }),
    })
    const withdrawnEarly = await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { _status: 'published', subjects: [field.id], title: 'Gỡ xuất bản trước khi tổng hợp' }),
    })
    await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { _status: 'published', subjects: [other.id], title: 'Lĩnh vực khác' }) })
    const monthly = await topic('2025-07', 'Chuyên đề tháng bảy')
    await payload.update({ collection: 'documents', id: withdrawnEarly.id, data: { _status: 'draft' } })
    // Daily subscribers get nothing right away.
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(1)

    // The next digest time comes: the housekeeping queues the digest, the digest job writes it.
    const slot = new Date(digestSlot(new Date()).getTime() + DAY)
    await tendMail(payload, new Date(slot.getTime() + 60_000))
    await runQueuedJobs(payload, 50)
    const deliveries = await payload.find({ collection: 'mail-deliveries', where: { kind: { equals: 'digest' } }, overrideAccess: true })
    expect(deliveries.docs).toHaveLength(1)
    const items = (deliveries.docs[0].items as Array<{ collection: string; id: string }>).map((i) => `${i.collection}:${i.id}`)
    expect(items.sort()).toEqual([`documents:${kept.id}`, `topics:${monthly.id}`].sort())
    expect(items).not.toContain(`documents:${before.id}`)

    // Unpublished after the digest was made but before it went out: left out of the message.
    await payload.update({ collection: 'topics', id: monthly.id, data: { _status: 'draft' } })
    await drainMail(payload)
    const mails = smtp.to(address)
    expect(mails).toHaveLength(2)
    const { mail } = mails[1]
    const day = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(slot)
    expect(mail.subject).toBe(`Bản tin ngày ${day}: 1 nội dung mới — Sổ tay đảng viên điện tử`)
    expect(mail.text).toContain('21-NQ/TW')
    expect(mail.text).toContain('Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng')
    expect(mail.text).toContain(`${SITE_URL}/van-ban/${kept.slug}/`)
    for (const absent of ['Gỡ xuất bản trước khi tổng hợp', 'Lĩnh vực khác', 'Chuyên đề tháng bảy', 'Công bố trước khi đăng ký']) {
      expect(mail.text).not.toContain(absent)
      expect(mail.html).not.toContain(absent)
    }
    expect(mail.headerLines.some((h) => h.key === 'list-unsubscribe-post')).toBe(true)
  })

  it('makes one digest per day: running again changes nothing, and an empty day sends nothing', async () => {
    const slot = new Date(digestSlot(new Date()).getTime() + DAY)
    await tendMail(payload, new Date(slot.getTime() + 120_000))
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(2)

    await tendMail(payload, new Date(slot.getTime() + DAY + 60_000))
    await drainMail(payload)
    expect(smtp.to(address)).toHaveLength(2)
    const [subscriber] = (await payload.find({ collection: 'subscribers', where: { email: { equals: address } }, overrideAccess: true })).docs
    expect(subscriber.lastDigestAt).toBe(new Date(slot.getTime() + DAY).toISOString())
  })
})
