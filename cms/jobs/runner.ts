import type { Payload } from 'payload'

/**
 * Runs what is due in the queue, one job after another. Payload's own autoRun runs a batch in
 * parallel, and parallel transactions on SQLite fail with SQLITE_BUSY; one at a time is also what a
 * single provincial server wants.
 */
export async function runQueuedJobs(payload: Payload, limit = 100): Promise<void> {
  await payload.jobs.run({ queue: 'default', limit, sequential: true, silent: true })
}

/**
 * The in-process runner of the CMS server (JOBS_IN_PROCESS=true) and of `npm run worker`: polls the
 * queue every few seconds, never overlapping itself. Returns a stop function.
 */
export function startJobRunner(payload: Payload, everyMs = 3000): () => void {
  let busy = false
  const timer = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      await runQueuedJobs(payload)
    } catch (error) {
      payload.logger.error({ err: error, msg: 'Job runner: a run failed; retrying on the next tick' })
    } finally {
      busy = false
    }
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
