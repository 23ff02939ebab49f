import type { TaskConfig } from 'payload'
import { ensureTend, scheduleSender } from '../email/queue/jobs'
import { sendDueMail } from '../email/queue/send'

/**
 * One sender run (email/queue/send): sends what is due within the rate limit, then schedules the
 * next run — when more is due, when the rate limit allows, or after a backoff if the mail server
 * is down (`outages` counts consecutive outages for that backoff).
 */
export const mailSendTask: TaskConfig<'mailSend'> = {
  slug: 'mailSend',
  label: 'Thư: gửi thư đang chờ',
  inputSchema: [{ name: 'outages', type: 'number' }],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  handler: async ({ input, job, req }) => {
    const outages = Number(input.outages ?? 0)
    const result = await sendDueMail(req.payload, { outages })
    if (result.nextRunAt) await scheduleSender(req.payload, result.nextRunAt, { outages: result.outage ? outages + 1 : 0, exceptJobId: job.id })
    await ensureTend(req.payload)
    return {
      output: {
        result: `${result.sent} sent, ${result.retrying} to retry, ${result.failed} failed, ${result.cancelled} dropped${result.outage ? ' (mail server unavailable)' : ''}`,
      },
    }
  },
}
