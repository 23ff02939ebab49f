import type { Payload, PayloadRequest, Where } from 'payload'
import { scheduleSender } from '../email/queue/jobs'
import { vietnamDay } from '../../core/dates'
import { queueStudyReminders } from './reminders'
import { countMembers, lastCountedDay, rollupBatch } from './rollup'

export const STUDY_TEND_EVERY_MS = 5 * 60_000
/** A run folds at most this many batches, so one busy day never holds the single job runner for long. */
const MAX_BATCHES = 50

export interface StudyTendResult {
  counted: number
  /** The daily member counts were made in this run. */
  newDay: boolean
  reminders: number
}

/**
 * The study housekeeping: folds new study events into the figures; once a day (Vietnam time)
 * recounts members and the active ones and queues the reminders that have come due.
 */
export async function tendStudy(payload: Payload, now = new Date()): Promise<StudyTendResult> {
  let counted = 0
  for (let i = 0; i < MAX_BATCHES; i++) {
    const run = await rollupBatch(payload)
    counted += run.counted
    if (!run.more) break
  }
  const today = vietnamDay(now)
  if ((await lastCountedDay(payload)) === today) return { counted, newDay: false, reminders: 0 }
  await countMembers(payload, today)
  const reminders = await queueStudyReminders(payload, now)
  if (reminders > 0) await scheduleSender(payload)
  return { counted, newDay: true, reminders }
}

const openStudyTend: Where = { and: [{ taskSlug: { equals: 'studyTend' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] }

/** Keeps one studyTend run scheduled (the job reschedules itself; this starts the chain). */
export async function ensureStudyTend(payload: Payload, options: { at?: Date; exceptJobId?: string | number; req?: PayloadRequest } = {}): Promise<void> {
  const { at, exceptJobId, req } = options
  const where: Where = exceptJobId === undefined ? openStudyTend : { and: [openStudyTend, { id: { not_equals: exceptJobId } }] }
  const open = await payload.count({ collection: 'payload-jobs', where, overrideAccess: true, req })
  if (open.totalDocs > 0) return
  await payload.jobs.queue({ task: 'studyTend', input: {}, waitUntil: at, req })
}
