/**
 * A second CMS process that only runs the job queue, like `npm run worker` (cms/jobs/runner.ts),
 * on the database and mail settings it inherits from the test. The crash test kills it with
 * SIGKILL in the middle of a fan-out.
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
