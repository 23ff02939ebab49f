import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runQueuedJobs } from '../../../cms/jobs/runner'
import { documentData } from '../../helpers/fixtures'
import type { TestSmtpServer } from './helpers/smtp'
import { confirmedSubscriber, startMailWorld } from './helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']

beforeAll(async () => {
  ;({ payload, smtp, orgs } = await startMailWorld({ MAIL_RATE_PER_MINUTE: '5' }))
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

describe('the sending rate limit', () => {
  it('sends no more than MAIL_RATE_PER_MINUTE messages a minute and schedules the rest', async () => {
    for (let i = 1; i <= 12; i++) await confirmedSubscriber(payload, `uy.vien.${i}@example.vn`)
    const started = Date.now()
    await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { _status: 'published' }) })
    for (let i = 0; i < 4; i++) {
      await runQueuedJobs(payload, 200)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(smtp.received).toHaveLength(5)
    const queued = await payload.count({ collection: 'mail-deliveries', where: { status: { equals: 'queued' } }, overrideAccess: true })
    expect(queued.totalDocs).toBe(7)
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'mailSend' } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const wait = new Date(docs[0].waitUntil!).getTime() - started
    expect(wait).toBeGreaterThan(55_000)
    expect(wait).toBeLessThan(65_000)
  })
})
