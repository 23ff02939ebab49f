import type { Payload } from 'payload'
import { MAIL_TASKS } from '../email/queue/jobs'
import { env } from '../../core/env/cms'

/**
 * Payload marks a job "processing" when a runner takes it and never looks at it again if that
 * runner dies (SIGKILL, out of memory, SQLITE_BUSY while taking the batch): the job would strand,
 * and with it a withdrawal that never reaches the site. A job still processing a lease
 * (JOBS_LEASE_SECONDS) after its row last moved is given back to the queue. Every task here re-reads
 * its record, so a false alarm costs only a rerun. Mail jobs have their own housekeeping, which
 * replaces them with fresh ones (email/queue/tend.ts).
 */
export async function releaseAbandonedJobs(payload: Payload, now = new Date()): Promise<number> {
  const stale = new Date(now.getTime() - env().JOBS_LEASE_SECONDS * 1000).toISOString()
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { processing: { equals: true } },
        { completedAt: { exists: false } },
        { updatedAt: { less_than: stale } },
        { taskSlug: { not_in: [...MAIL_TASKS] } },
      ],
    },
    depth: 0,
    limit: 200,
    pagination: false,
    overrideAccess: true,
  })
  for (const job of docs) {
    await payload.update({ collection: 'payload-jobs', id: job.id, data: { processing: false }, depth: 0, overrideAccess: true })
  }
  if (docs.length > 0) payload.logger.warn(`Job runner: ${docs.length} job(s) left in progress by a stopped runner were queued again`)
  return docs.length
}
