import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runQueuedJobs } from '../../../cms/jobs/runner'
import { documentData, PASSWORD } from '../../helpers/fixtures'
import type { TestSmtpServer } from './helpers/smtp'
import { confirmedSubscriber, drainMail, startMailWorld } from './helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']
let users: Awaited<ReturnType<typeof startMailWorld>>['users']

beforeAll(async () => {
  ;({ payload, smtp, rest, orgs, users } = await startMailWorld())
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const publish = (title: string) => payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { _status: 'published', title }) })
const deliveriesTo = async (to: string) =>
  (await payload.find({ collection: 'mail-deliveries', where: { to: { equals: to } }, overrideAccess: true, sort: 'createdAt' })).docs

describe('sending through the queue', () => {
  it('delivers exactly one message to each of 200 subscribers when the mail server goes down mid-fan-out and comes back', async () => {
    const addresses = Array.from({ length: 200 }, (_, i) => `dang.vien.${String(i + 1).padStart(3, '0')}@example.vn`)
    for (const email of addresses) await confirmedSubscriber(payload, email)

    // After 50 messages the server goes away without answering the 51st (which therefore is not delivered).
    smtp.behaviour.beforeAccept = () => {
      if (smtp.received.length < 50) return
      smtp.behaviour.beforeAccept = undefined
      void smtp.stop()
      return 'drop'
    }
    await publish('Về công tác phát triển đảng viên trong tình hình mới')
    for (let i = 0; i < 8; i++) {
      await runQueuedJobs(payload, 200)
      await sleep(250)
    }
    expect(smtp.received).toHaveLength(50)
    const waiting = await payload.count({ collection: 'mail-deliveries', where: { status: { equals: 'queued' } }, overrideAccess: true })
    expect(waiting.totalDocs).toBe(150)
    // The outage does not count against any recipient, and nothing was given up.
    const failed = await payload.count({ collection: 'mail-deliveries', where: { status: { equals: 'failed' } }, overrideAccess: true })
    expect(failed.totalDocs).toBe(0)

    await smtp.start()
    await drainMail(payload, 90_000)
    const counts = smtp.countByRecipient()
    expect(addresses.filter((a) => counts.get(a) !== 1)).toEqual([])
    expect(smtp.received).toHaveLength(200)
    const sent = await payload.count({ collection: 'mail-deliveries', where: { status: { equals: 'sent' } }, overrideAccess: true })
    expect(sent.totalDocs).toBe(200)
  }, 180_000)

  it('records a permanent 550 for one address, stops writing to it, and delivers to the others', async () => {
    await payload.delete({ collection: 'subscribers', where: { email: { like: 'dang.vien.' } }, overrideAccess: true })
    smtp.received = []
    const bad = 'khong.ton.tai@example.vn'
    const good = ['a.nguyen@example.vn', 'b.tran@example.vn', 'c.le@example.vn']
    for (const email of [bad, ...good]) await confirmedSubscriber(payload, email)
    smtp.behaviour.rcpt = (address) =>
      address === bad ? { code: 550, message: '5.1.1 <khong.ton.tai@example.vn>: Recipient address rejected: User unknown' } : undefined

    await publish('Về tổ chức đại hội chi bộ nhiệm kỳ mới')
    await drainMail(payload)
    expect(good.map((a) => smtp.to(a).length)).toEqual([1, 1, 1])
    expect(smtp.to(bad)).toHaveLength(0)
    const [failure] = await deliveriesTo(bad)
    expect(failure).toMatchObject({ status: 'failed', smtpCode: 550, attempts: 1 })
    expect(failure.lastError).toMatch(/550.*User unknown/)
    const [subscriber] = (await payload.find({ collection: 'subscribers', where: { email: { equals: bad } }, overrideAccess: true })).docs
    expect(subscriber.status).toBe('bounced')
    expect(subscriber.bounceReason).toMatch(/550/)

    // Not retried, and not written to again.
    await publish('Về công tác kiểm tra, giám sát của chi bộ')
    await drainMail(payload)
    expect(smtp.to(bad)).toHaveLength(0)
    expect(await deliveriesTo(bad)).toHaveLength(1)
    expect(good.map((a) => smtp.to(a).length)).toEqual([2, 2, 2])

    // The admin sees the failure in the list of sent mail; others cannot read it.
    const admin = await rest.login(users.admin.email, PASSWORD)
    const list = await rest.get('/mail-deliveries?where[status][equals]=failed&depth=0', admin)
    expect(list.status).toBe(200)
    expect(list.json.docs.map((d: { to: string }) => d.to)).toEqual([bad])
    const editor = await rest.login(users.editor.email, PASSWORD)
    expect((await rest.get('/mail-deliveries', editor)).status).toBe(403)
    expect((await rest.get('/mail-deliveries')).status).toBe(403)
    smtp.behaviour.rcpt = undefined
  })

  it('retries a temporary 4xx with backoff and delivers once', async () => {
    const busy = 'hop.thu.day@example.vn'
    await confirmedSubscriber(payload, busy)
    let refusals = 0
    smtp.behaviour.rcpt = (address) => {
      if (address !== busy || refusals >= 2) return undefined
      refusals++
      return { code: 452, message: '4.2.2 Mailbox full, try again later' }
    }
    await publish('Về sinh hoạt chuyên đề hằng tháng')
    await drainMail(payload)
    expect(refusals).toBe(2)
    expect(smtp.to(busy)).toHaveLength(1)
    const [delivery] = await deliveriesTo(busy)
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3 })
    smtp.behaviour.rcpt = undefined
  })
})
