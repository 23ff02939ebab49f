import type { TaskConfig } from 'payload'
import { buildDigests } from '../email/queue/digest'
import { queueMailJob, scheduleSender } from '../email/queue/jobs'

/** The daily digests of one slot (queued by the housekeeping once the digest hour has come). */
export const mailDigestTask: TaskConfig<'mailDigest'> = {
  slug: 'mailDigest',
  label: 'Thư: bản tin tổng hợp hằng ngày',
  inputSchema: [
    { name: 'slot', type: 'text', required: true },
    { name: 'after', type: 'text' },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    const slot = new Date(input.slot)
    if (Number.isNaN(slot.getTime())) throw new Error(`Not a digest time: ${input.slot}`)
    const result = await buildDigests(req.payload, slot, input.after ?? null)
    if (result.next) await queueMailJob(req.payload, 'mailDigest', { slot: input.slot, after: result.next })
    if (result.created > 0) await scheduleSender(req.payload)
    return { output: { result: `${result.created} digests for ${result.subscribers} subscribers` } }
  },
}
