import type { Payload } from 'payload'
import { runQueuedJobs } from '../../../../cms/jobs/runner'
import { restClient } from '../../../helpers/rest'
import { startWorld } from '../../../helpers/fixtures'
import { startSmtpServer } from './smtp'

export const SITE_URL = 'https://sotay.example.vn'
export const SERVER_URL = 'https://cms.sotay.example.vn'
export const MAIL_FROM = 'thongbao@sotay.example.vn'
export const REPLY_TO = 'bantuyengiao@sotay.example.vn'

/**
 * A fresh CMS (SQLite, migrations, the three test organizations, one user per role) sending to a
 * real SMTP server started here. Mail settings can be overridden per test file; by default retries
 * start after 1 s and the sending rate and form limits are out of the way.
 */
export async function startMailWorld(mailEnv: Record<string, string> = {}) {
  const smtp = await startSmtpServer()
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    SITE_URL,
    SERVER_URL,
    MAIL_FROM,
    MAIL_FROM_NAME: 'Sổ tay đảng viên điện tử',
    MAIL_REPLY_TO: REPLY_TO,
    MAIL_RATE_PER_MINUTE: '100000',
    MAIL_RETRY_BASE_SECONDS: '1',
    MAIL_MAX_ATTEMPTS: '5',
    MAIL_LEASE_SECONDS: '600',
    // The form limits are tested on their own (tests/cms/mail/form-limits.test.ts).
    MAIL_FORM_LIMIT_PER_IP: '100000',
    MAIL_FORM_LIMIT_PER_ADDRESS: '1000',
    ...mailEnv,
  })
  const world = await startWorld()
  const { default: config } = await import('../../../../cms/payload.config')
  return { ...world, smtp, rest: restClient(config, SERVER_URL) }
}

/** Mail work still to do: deliveries not yet sent, or due mail jobs (the minute housekeeping aside). */
async function pending(payload: Payload) {
  const deliveries = await payload.count({ collection: 'mail-deliveries', where: { status: { in: ['queued', 'sending'] } }, overrideAccess: true })
  const jobs = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { taskSlug: { not_equals: 'mailTend' } },
        { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
      ],
    },
    overrideAccess: true,
  })
  return deliveries.totalDocs + jobs.totalDocs
}

/**
 * Runs the queue the way the CMS's job runner does (cms/jobs/runner.ts) until no mail is left to
 * send, waiting out retry backoffs; fails after `timeoutMs`.
 */
export async function drainMail(payload: Payload, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await runQueuedJobs(payload, 200)
    if ((await pending(payload)) === 0) return
    if (Date.now() > deadline) throw new Error(`Mail still pending after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** A confirmed subscriber written directly (for the fan-out tests, which are not about the form). */
export async function confirmedSubscriber(
  payload: Payload,
  email: string,
  choices: Partial<{ documents: boolean; documentTypes: string[]; subjects: string[]; issuers: string[]; topics: boolean; news: boolean }> = {
    documents: true,
  },
  frequency: 'immediate' | 'daily' = 'immediate',
) {
  const past = new Date(Date.now() - 60 * 60 * 1000).toISOString()
  return payload.create({
    collection: 'subscribers',
    data: { email, status: 'confirmed', frequency, ...choices, requestedAt: past, confirmedAt: past, consentAt: past, tokenKey: 'test-key' } as never,
    overrideAccess: true,
  })
}
