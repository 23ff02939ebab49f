/**
 * `npm run worker`: runs the jobs queue (scheduled publishing, site and search sync, mail) in its own
 * process, for deployments that set JOBS_IN_PROCESS=false on the CMS server. At start it brings the
 * search index and the site's library store in line with the CMS (lib/catchUp). Stops on
 * SIGINT/SIGTERM after the job in progress.
 */
import { env } from '../core/env/cms'
import { startJobRunner } from '../cms/jobs/runner'
import { catchUp } from './lib/catchUp'
import { startHeartbeat } from './lib/heartbeat'
import { payloadClient } from './lib/payload'

// The heartbeat also keeps the process alive between jobs; the container health check reads it.
// It starts first: catching up a large library can take a minute.
const stopHeartbeat = startHeartbeat()
const payload = await payloadClient()
await catchUp(payload, env().dataDir)
const stop = startJobRunner(payload)
console.log('› Job worker running (Ctrl+C to stop)')
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    stop()
    stopHeartbeat()
    await payload.destroy()
    process.exit(0)
  })
}
