/**
 * `npm run worker`: runs the jobs queue (scheduled publishing, search sync) in its own process, for
 * deployments that set JOBS_IN_PROCESS=false on the CMS server. Stops on SIGINT/SIGTERM after the
 * job in progress.
 */
import { startJobRunner } from '../cms/jobs/runner'
import { payloadClient } from './lib/payload'

const payload = await payloadClient()
const stop = startJobRunner(payload)
console.log('› Job worker running (Ctrl+C to stop)')
const keepAlive = setInterval(() => undefined, 60_000)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    stop()
    clearInterval(keepAlive)
    await payload.destroy()
    process.exit(0)
  })
}
