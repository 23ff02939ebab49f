import type { TaskConfig } from 'payload'
import { isNotifiable } from '../publish/mail/items'
import { fanOut } from '../email/queue/fanOut'
import { ensureTend, queueMailJob, scheduleSender } from '../email/queue/jobs'

/**
 * Notifications for one item that just became public (queued by hooks/queueNotifications in the
 * same transaction as the publish): one delivery per matching "immediately" subscriber, a page
 * of subscribers per run, then the sender is woken. Safe to repeat.
 */
export const mailFanOutTask: TaskConfig<'mailFanOut'> = {
  slug: 'mailFanOut',
  label: 'Thư: báo nội dung mới cho người đăng ký',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'after', type: 'text' },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    if (!isNotifiable(input.collection)) throw new Error(`Not a notifiable collection: ${input.collection}`)
    const ref = { collection: input.collection, id: input.id }
    const result = await fanOut(req.payload, ref, input.after ?? null)
    if (result.next) await queueMailJob(req.payload, 'mailFanOut', { ...ref, after: result.next })
    if (result.created > 0) await scheduleSender(req.payload)
    await ensureTend(req.payload)
    return { output: { result: result.skipped ?? `${result.created} queued${result.next ? ', more to come' : ''}` } }
  },
}
