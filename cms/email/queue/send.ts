import type { Payload } from 'payload'
import { mailSettings } from '../settings'
import { composeDelivery, NotWanted } from './compose'
import type { MailDelivery } from '../../payload-types'
import { cancelQueuedFor, subscriberIdOf, updateDelivery, type DeliveryChange } from './deliveries'
import { backoffMs, classifySmtpError } from './smtpErrors'

export interface SendRunResult {
  sent: number
  retrying: number
  failed: number
  cancelled: number
  /** When the sender should look again (more due later, the rate limit, or an outage); null: nothing left. */
  nextRunAt: Date | null
  /** The mail server could not be reached or refused us as a whole. */
  outage: boolean
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const BATCH = 20

async function dueDeliveries(payload: Payload, now: Date, limit: number): Promise<MailDelivery[]> {
  const { docs } = await payload.find({
    collection: 'mail-deliveries',
    where: {
      and: [{ status: { equals: 'queued' } }, { or: [{ nextAttemptAt: { less_than_equal: now.toISOString() } }, { nextAttemptAt: { exists: false } }] }],
    },
    sort: 'nextAttemptAt',
    depth: 0,
    limit,
    pagination: false,
    overrideAccess: true,
  })
  return docs
}

/** When the earliest queued message is due, or null when none is queued. */
export async function nextQueuedAt(payload: Payload): Promise<Date | null> {
  const { docs } = await payload.find({
    collection: 'mail-deliveries',
    where: { status: { equals: 'queued' } },
    sort: 'nextAttemptAt',
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const at = docs[0]?.nextAttemptAt
  return docs.length ? new Date(at ?? Date.now()) : null
}

/** Attempts started in the last minute (the rate limit counts attempts, not successes). */
async function attemptsInLastMinute(payload: Payload, now: number): Promise<number[]> {
  const { docs } = await payload.find({
    collection: 'mail-deliveries',
    where: { lastAttemptAt: { greater_than: new Date(now - MINUTE).toISOString() } },
    sort: 'lastAttemptAt',
    depth: 0,
    limit: mailSettings().ratePerMinute,
    pagination: false,
    overrideAccess: true,
    select: { lastAttemptAt: true },
  })
  return docs.map((d) => new Date(d.lastAttemptAt!).getTime())
}

/** Takes a delivery for this run; false if another run took it first. */
async function claim(payload: Payload, delivery: MailDelivery, now: Date): Promise<boolean> {
  const { docs } = await payload.update({
    collection: 'mail-deliveries',
    where: { and: [{ id: { equals: delivery.id } }, { status: { equals: 'queued' } }] },
    data: { status: 'sending', claimedAt: now.toISOString(), lastAttemptAt: now.toISOString(), attempts: (delivery.attempts ?? 0) + 1 },
    depth: 0,
    overrideAccess: true,
  })
  return docs.length === 1
}

/**
 * One sender run: sends what is due, oldest first, within the rate limit and a time budget kept
 * well inside the lease (so a live run is never mistaken for a crashed one) and short enough not
 * to hold up the queue's other jobs (site and search sync) for long. Each message is
 * claimed (committed as "sending") before it is handed to SMTP and marked sent right after, so a
 * crash leaves at most the one message in flight, which the housekeeping run puts back after the
 * lease. Permanent (5xx) failures are recorded and never retried; temporary ones back off.
 */
export async function sendDueMail(payload: Payload, options: { outages?: number } = {}): Promise<SendRunResult> {
  const s = mailSettings()
  const result: SendRunResult = { sent: 0, retrying: 0, failed: 0, cancelled: 0, nextRunAt: null, outage: false }
  const started = Date.now()
  const budgetMs = Math.min(10_000, s.leaseMs / 2)
  const window = await attemptsInLastMinute(payload, started)

  for (;;) {
    if (Date.now() - started > budgetMs) {
      result.nextRunAt = new Date()
      break
    }
    const batch = await dueDeliveries(payload, new Date(), BATCH)
    if (batch.length === 0) {
      result.nextRunAt = await nextQueuedAt(payload)
      break
    }
    let stop = false
    for (const delivery of batch) {
      const now = Date.now()
      while (window.length && window[0] <= now - MINUTE) window.shift()
      if (window.length >= s.ratePerMinute) {
        result.nextRunAt = new Date(window[0] + MINUTE)
        stop = true
        break
      }
      if (Date.now() - started > budgetMs) break
      if (!(await claim(payload, delivery, new Date(now)))) continue
      window.push(now)
      const attempts = (delivery.attempts ?? 0) + 1
      const outcome = await deliver(payload, delivery, attempts, options.outages ?? 0)
      result[outcome.counter]++
      if (outcome.pauseUntil) {
        result.outage = true
        result.nextRunAt = outcome.pauseUntil
        stop = true
        break
      }
    }
    if (stop) break
  }
  return result
}

type Outcome = { counter: 'sent' | 'retrying' | 'failed' | 'cancelled'; pauseUntil?: Date }

async function deliver(payload: Payload, delivery: MailDelivery, attempts: number, outages: number): Promise<Outcome> {
  const s = mailSettings()
  let mail: Awaited<ReturnType<typeof composeDelivery>>
  try {
    mail = await composeDelivery(payload, delivery)
  } catch (error) {
    if (!(error instanceof NotWanted)) {
      // Nothing was sent: hand the message back to the queue before the job fails (and is retried).
      await updateDelivery(payload, delivery.id, { status: 'queued', attempts: attempts - 1, claimedAt: null })
      throw error
    }
    await updateDelivery(payload, delivery.id, { status: 'cancelled', lastError: error.message, claimedAt: null })
    return { counter: 'cancelled' }
  }
  try {
    // Payload types an adapter's answer as unknown; both of ours (SMTP, outbox) answer like nodemailer.
    const info = (await payload.sendEmail({ ...mail, replyTo: s.replyTo })) as { response?: string } | undefined
    const code = Number(/^\d{3}/.exec(String(info?.response ?? ''))?.[0]) || null
    await markSent(payload, delivery.id, {
      status: 'sent',
      sentAt: new Date().toISOString(),
      messageId: mail.messageId,
      smtpCode: code,
      lastError: null,
      claimedAt: null,
    })
    return { counter: 'sent' }
  } catch (error) {
    const failure = classifySmtpError(error)
    const note = `${failure.code ? `${failure.code} ` : ''}${failure.message}`.slice(0, 1000)
    if (failure.kind === 'server') {
      // Not this recipient's fault: the attempt is not counted and the whole sender pauses.
      const pauseUntil = new Date(Date.now() + backoffMs(s.retryBaseMs, outages + 1, HOUR))
      await updateDelivery(payload, delivery.id, {
        status: 'queued',
        attempts: attempts - 1,
        nextAttemptAt: pauseUntil.toISOString(),
        lastError: note,
        smtpCode: failure.code,
        claimedAt: null,
      })
      payload.logger.warn({ msg: `Mail: the mail server is not accepting mail (${note}); pausing until ${pauseUntil.toISOString()}` })
      return { counter: 'retrying', pauseUntil }
    }
    if (failure.kind === 'temporary' && attempts < s.maxAttempts) {
      const next = new Date(Date.now() + backoffMs(s.retryBaseMs, attempts, 6 * HOUR))
      await updateDelivery(payload, delivery.id, {
        status: 'queued',
        nextAttemptAt: next.toISOString(),
        lastError: note,
        smtpCode: failure.code,
        claimedAt: null,
      })
      return { counter: 'retrying' }
    }
    const reason = failure.kind === 'temporary' ? `Đã thử ${attempts} lần, vẫn lỗi tạm thời: ${note}` : note
    await updateDelivery(payload, delivery.id, { status: 'failed', lastError: reason.slice(0, 1000), smtpCode: failure.code, claimedAt: null })
    // A member's address is the organization's to correct (their account), not a subscription to end.
    if (failure.kind === 'recipient' && subscriberIdOf(delivery)) await stopAddress(payload, subscriberIdOf(delivery), note)
    payload.logger.warn({ msg: `Mail: permanent failure for ${delivery.to}: ${note}` })
    return { counter: 'failed' }
  }
}

/**
 * The server has the message: recording that must not fail on a momentary lock, or the message
 * would be taken back after the lease and sent twice.
 */
async function markSent(payload: Payload, id: string, data: DeliveryChange) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await updateDelivery(payload, id, data)
    } catch (error) {
      if (attempt >= 5) throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
}

/** The server said this address does not exist (5xx): nothing more is sent to it. */
async function stopAddress(payload: Payload, subscriberId: string, reason: string) {
  await payload.update({
    collection: 'subscribers',
    id: subscriberId,
    data: { status: 'bounced', bouncedAt: new Date().toISOString(), bounceReason: reason.slice(0, 300) },
    depth: 0,
    overrideAccess: true,
  })
  await cancelQueuedFor(payload, subscriberId, 'Địa chỉ bị máy chủ thư từ chối vĩnh viễn.')
}
