import type { TaskConfig } from 'payload'
import { ensureTend } from '../email/queue/jobs'
import { tendMail } from '../email/queue/tend'

const EVERY_MS = 60_000

/**
 * Mail housekeeping (email/queue/tend) every minute while anyone is subscribed: crash recovery,
 * the daily digest's trigger, clean-up of old requests. It keeps itself scheduled, so the job
 * runner needs nothing more than running due jobs.
 */
export const mailTendTask: TaskConfig<'mailTend'> = {
  slug: 'mailTend',
  label: 'Thư: bảo trì hằng phút',
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 3, backoff: { type: 'fixed', delay: 10_000 } },
  handler: async ({ job, req }) => {
    const result = await tendMail(req.payload, new Date(), { exceptJobId: job.id })
    if (result.subscribers > 0 || result.upcomingMeetings > 0) await ensureTend(req.payload, { at: new Date(Date.now() + EVERY_MS), exceptJobId: job.id })
    return {
      output: {
        result: `${result.released} resumed, ${result.replacedJobs} jobs replaced, ${result.purged} purged, ${result.remindersQueued} reminders${result.digestQueued ? ', digest queued' : ''}`,
      },
    }
  },
}
