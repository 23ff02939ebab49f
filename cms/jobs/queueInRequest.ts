import type { PayloadRequest } from 'payload'

/**
 * Queues a mail task inside the caller's transaction unless one is already waiting: on SQLite a
 * second writer outside the transaction would wait for it to end (the helpers in email/queue/jobs
 * write without `req`), and a rolled-back save then queues nothing.
 */
export async function queueInRequest(req: PayloadRequest, task: 'mailSend' | 'mailTend', input: Record<string, unknown>) {
  const { totalDocs } = await req.payload.count({
    collection: 'payload-jobs',
    where: {
      and: [{ taskSlug: { equals: task } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }, { processing: { not_equals: true } }],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs === 0) await req.payload.jobs.queue({ task, input: input as never, req })
}
