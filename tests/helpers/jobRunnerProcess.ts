/**
 * A second CMS process that only runs the job queue, like `npm run worker` (cms/jobs/runner.ts),
 * on the database and settings it inherits from the test. The crash tests kill it with SIGKILL in
 * the middle of a mail fan-out or of a batch of site and search syncs.
 */
import { getPayload } from 'payload'
import { runQueuedJobs } from '../../cms/jobs/runner'

const { default: config } = await import('../../cms/payload.config')
const payload = await getPayload({ config })
process.send?.('ready')
for (;;) {
  await runQueuedJobs(payload, 200)
  await new Promise((resolve) => setTimeout(resolve, 100))
}
