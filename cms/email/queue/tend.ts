import type { Payload } from 'payload'
import { mailSettings } from '../settings'
import { CONFIRM_VALID_MS } from '../subscriptions/subscribe'
import { digestSlot, dueForDigest } from './digest'
import { closeAbandoned, ensureJob, inputOf, isAbandoned, isMailTask, MAIL_TASKS, openJobs, queueMailJob } from './jobs'
import { nextQueuedAt } from './send'
import { queueMeetingReminders } from '../../meetings/reminders'

/** Unsubscribed addresses are kept this long (to answer a second click kindly), then deleted. */
export const UNSUBSCRIBED_KEPT_MS = 30 * 24 * 60 * 60 * 1000

export interface TendResult {
  released: number
  replacedJobs: number
  purged: number
  digestQueued: boolean
  /** Anyone left to write to (then the housekeeping keeps running). */
  subscribers: number
  remindersQueued: number
  /** Meetings still ahead, whose reminders are still to come (then the housekeeping keeps running too). */
  upcomingMeetings: number
}

/**
 * The mail housekeeping, run every minute by the mailTend job while there are subscribers:
 * - puts back messages a crashed sender left "sending" for longer than the lease;
 * - replaces mail jobs a crashed process left "processing" (Payload never resumes those);
 * - makes sure a sender run exists while messages wait;
 * - queues the daily digest once its time (MAIL_DIGEST_HOUR, Vietnam time) has come;
 * - queues the meeting reminders of the next 24 hours (meetings/reminders.ts);
 * - deletes unconfirmed requests after 7 days and unsubscribed addresses after 30 days.
 */
export async function tendMail(payload: Payload, now = new Date(), options: { exceptJobId?: string | number } = {}): Promise<TendResult> {
  const s = mailSettings()
  const stale = new Date(now.getTime() - s.leaseMs).toISOString()
  const result: TendResult = { released: 0, replacedJobs: 0, purged: 0, digestQueued: false, subscribers: 0, remindersQueued: 0, upcomingMeetings: 0 }

  const released = await payload.update({
    collection: 'mail-deliveries',
    where: { and: [{ status: { equals: 'sending' } }, { claimedAt: { less_than: stale } }] },
    data: {
      status: 'queued',
      nextAttemptAt: now.toISOString(),
      claimedAt: null,
      lastError: 'Lần gửi trước bị gián đoạn (tiến trình gửi thư dừng đột ngột); thư được gửi lại.',
    },
    depth: 0,
    overrideAccess: true,
  })
  result.released = released.docs.length

  const { docs: stuck } = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ taskSlug: { in: [...MAIL_TASKS] } }, { processing: { equals: true } }, { updatedAt: { less_than: stale } }] },
    depth: 0,
    limit: 50,
    pagination: false,
    overrideAccess: true,
  })
  for (const job of stuck) {
    if (String(job.id) === String(options.exceptJobId) || !isAbandoned(job, now.getTime())) continue
    await closeAbandoned(payload, job)
    // The query asked for mail tasks only.
    if (job.taskSlug !== 'mailTend' && isMailTask(job.taskSlug)) await queueMailJob(payload, job.taskSlug, inputOf(job))
    result.replacedJobs++
  }

  const due = await nextQueuedAt(payload)
  if (due) {
    const senders = (await openJobs(payload, 'mailSend')).filter((j) => !isAbandoned(j, now.getTime()))
    if (senders.length === 0) await queueMailJob(payload, 'mailSend', { outages: 0 }, { waitUntil: due })
  }

  const slot = digestSlot(now)
  if ((await payload.count({ collection: 'subscribers', where: dueForDigest(slot), overrideAccess: true })).totalDocs > 0) {
    await ensureJob(payload, 'mailDigest', { slot: slot.toISOString() })
    result.digestQueued = true
  }

  const reminders = await queueMeetingReminders(payload, now)
  result.remindersQueued = reminders.queued

  result.purged = await purge(payload, now)
  result.subscribers = (await payload.count({ collection: 'subscribers', overrideAccess: true })).totalDocs
  result.upcomingMeetings = reminders.upcoming
  return result
}

async function purge(payload: Payload, now: Date): Promise<number> {
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: {
      or: [
        {
          and: [
            { status: { equals: 'pending' } },
            { confirmedAt: { exists: false } },
            { requestedAt: { less_than: new Date(now.getTime() - CONFIRM_VALID_MS).toISOString() } },
          ],
        },
        { and: [{ status: { equals: 'unsubscribed' } }, { unsubscribedAt: { less_than: new Date(now.getTime() - UNSUBSCRIBED_KEPT_MS).toISOString() } }] },
      ],
    },
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: true,
  })
  // Their mail records go with them (collections/Subscribers/hooks/deleteDeliveries).
  for (const subscriber of docs) await payload.delete({ collection: 'subscribers', id: subscriber.id, overrideAccess: true })
  return docs.length
}
