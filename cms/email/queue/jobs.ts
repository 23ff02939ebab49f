import type { Payload, PayloadRequest, Where } from 'payload'
import type { PayloadJob } from '../../payload-types'
import { mailSettings } from '../settings'

/** The mail tasks (cms/jobs/mail*.ts). */
export const MAIL_TASKS = ['mailFanOut', 'mailSend', 'mailDigest', 'mailTend'] as const
export type MailTask = (typeof MAIL_TASKS)[number]

export const isMailTask = (slug: unknown): slug is MailTask => (MAIL_TASKS as readonly unknown[]).includes(slug)

/** A job's input as an object (a JSON field; every mail task's input is one). */
export const inputOf = (job: PayloadJob): Record<string, unknown> =>
  typeof job.input === 'object' && job.input !== null && !Array.isArray(job.input) ? job.input : {}

const open: Where[] = [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }]

/** Jobs of a task that have neither completed nor failed for good. */
export async function openJobs(payload: Payload, task: MailTask, exceptId?: string | number): Promise<PayloadJob[]> {
  const where: Where = { and: [{ taskSlug: { equals: task } }, ...open, ...(exceptId !== undefined ? [{ id: { not_equals: exceptId } }] : [])] }
  const { docs } = await payload.find({ collection: 'payload-jobs', where, depth: 0, limit: 20, pagination: false, overrideAccess: true, sort: 'createdAt' })
  return docs
}

/**
 * A job marked processing whose row has not moved for a lease is one a crashed process left
 * behind: Payload never picks such a job up again, so it is closed with a note and (by the caller)
 * replaced by a fresh one. Every mail task is idempotent, so a false alarm only costs a rerun.
 */
export const isAbandoned = (job: PayloadJob, now = Date.now()) => Boolean(job.processing) && now - new Date(job.updatedAt).getTime() > mailSettings().leaseMs

export async function closeAbandoned(payload: Payload, job: PayloadJob): Promise<void> {
  await payload.update({
    collection: 'payload-jobs',
    id: job.id,
    data: { processing: false, hasError: true, error: { message: 'Bị bỏ dở: tiến trình chạy việc này đã dừng đột ngột; một việc mới đã thay thế.' } },
    depth: 0,
    overrideAccess: true,
  })
}

export async function queueMailJob(payload: Payload, task: MailTask, input: Record<string, unknown>, options: { waitUntil?: Date; req?: PayloadRequest } = {}) {
  const waitUntil = options.waitUntil && options.waitUntil.getTime() > Date.now() ? options.waitUntil : undefined
  // Cast: Payload types `input` by a literal task slug, and `task` here is any of the four. Callers
  // pass what the task's inputSchema (cms/jobs/mail*.ts) asks for, or a stored job's own input.
  await payload.jobs.queue({ task, input: input as never, waitUntil, req: options.req })
}

/**
 * Makes sure a sender run is due no later than `at`: moves a waiting run earlier, or queues one.
 * A run already in progress does not count, since it may have looked at the queue before the new
 * deliveries were written. A run waiting out a mail-server outage keeps its backoff.
 */
export async function scheduleSender(payload: Payload, at: Date = new Date(), options: { outages?: number; exceptJobId?: string | number } = {}) {
  const jobs = (await openJobs(payload, 'mailSend', options.exceptJobId)).filter((j) => !j.processing)
  const due = (j: PayloadJob) => (j.waitUntil ? new Date(j.waitUntil).getTime() : 0)
  if (jobs.some((j) => due(j) <= at.getTime())) return
  const pausedForOutage = jobs.find((j) => Number(inputOf(j).outages ?? 0) > 0)
  if (pausedForOutage && !options.outages) return
  const input = { outages: options.outages ?? 0 }
  if (jobs[0]) {
    await payload.update({ collection: 'payload-jobs', id: jobs[0].id, data: { waitUntil: at.toISOString(), input }, depth: 0, overrideAccess: true })
    return
  }
  await queueMailJob(payload, 'mailSend', input, { waitUntil: at })
}

/** Keeps one housekeeping run (queue/tend) scheduled while there is anyone to write to. */
export async function ensureTend(payload: Payload, options: { at?: Date; exceptJobId?: string | number } = {}) {
  const jobs = await openJobs(payload, 'mailTend', options.exceptJobId)
  let alive = false
  for (const job of jobs) {
    if (isAbandoned(job)) await closeAbandoned(payload, job)
    else alive = true
  }
  if (!alive) await queueMailJob(payload, 'mailTend', {}, { waitUntil: options.at })
}

/** Queues a job unless an identical one (same task and input) is already waiting or running. */
export async function ensureJob(payload: Payload, task: MailTask, input: Record<string, unknown>) {
  const same = (await openJobs(payload, task)).filter((j) => JSON.stringify(j.input ?? {}) === JSON.stringify(input) && !isAbandoned(j))
  if (same.length === 0) await queueMailJob(payload, task, input)
}
