import type { Payload } from 'payload'
import { releaseAbandonedJobs } from './lease'

/**
 * Runs what is due in the queue, one job after another. Payload's own autoRun runs a batch in
 * parallel, and parallel transactions on SQLite fail with SQLITE_BUSY; one at a time is also what a
 * single provincial server wants.
 */
export async function runQueuedJobs(payload: Payload, limit = 100): Promise<void> {
  await releaseAbandonedJobs(payload)
  await payload.jobs.run({ queue: 'default', limit, sequential: true, silent: true })
}

// On globalThis: Next bundles the CMS more than once (instrumentation, route handlers), and the
// hooks that wake the runner may live in another copy of this module than the runner itself.
const WAKE = Symbol.for('so-tay.wakeJobRunner')
const slot = globalThis as { [WAKE]?: () => void }

/**
 * Asks this process's runner (if it has one) to look at the queue now. Called after a change
 * queues its jobs; the job rows become visible when the change's transaction commits, which has
 * usually happened by the first look and always by the last.
 */
export function wakeJobRunner(): void {
  slot[WAKE]?.()
}

const WAKE_LOOKS_MS = [50, 250, 1000]

/**
 * The in-process runner of the CMS server (JOBS_IN_PROCESS=true) and of `npm run worker`: polls the
 * queue every few seconds and whenever woken, never overlapping itself. Returns a stop function.
 */
export function startJobRunner(payload: Payload, everyMs = 2000): () => void {
  let busy = false
  let again = false
  const tick = async () => {
    if (busy) {
      again = true
      return
    }
    busy = true
    try {
      do {
        again = false
        await runQueuedJobs(payload)
      } while (again)
    } catch (error) {
      payload.logger.error({ err: error, msg: 'Job runner: a run failed; retrying on the next tick' })
    } finally {
      busy = false
    }
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  const timeouts = new Set<NodeJS.Timeout>()
  slot[WAKE] = () => {
    for (const ms of WAKE_LOOKS_MS) {
      const t = setTimeout(() => {
        timeouts.delete(t)
        void tick()
      }, ms)
      t.unref()
      timeouts.add(t)
    }
  }
  return () => {
    clearInterval(timer)
    for (const t of timeouts) clearTimeout(t)
    delete slot[WAKE]
  }
}
