import type { JobsConfig } from 'payload'
import type { Env } from '../env'

/**
 * One persisted queue. On a single machine the server runs it in-process every minute
 * (JOBS_IN_PROCESS=true); a separate worker (`payload jobs:run`) can take over instead.
 * Scheduled publishing (drafts.schedulePublish) is one of its tasks.
 */
export function jobsConfig(env: Env): JobsConfig {
  return {
    tasks: [],
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
    shouldAutoRun: () => env.JOBS_IN_PROCESS,
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: 'Quản trị' },
    }),
  }
}
