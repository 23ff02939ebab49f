import type { JobsConfig } from 'payload'
import type { Env } from '../env'
import { syncSearchTask } from './syncSearch'

/**
 * One persisted queue. On a single machine the server runs it in-process every 10 seconds
 * (JOBS_IN_PROCESS=true); a separate worker (`payload jobs:run`) can take over instead.
 * Tasks: scheduled publishing (drafts.schedulePublish) and the search sync (syncSearch).
 */
export function jobsConfig(env: Env): JobsConfig {
  return {
    tasks: [syncSearchTask],
    // Every 10 s: a published document reaches search within seconds, not a minute.
    autoRun: [{ cron: '*/10 * * * * *', queue: 'default', limit: 100 }],
    shouldAutoRun: () => env.JOBS_IN_PROCESS,
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: 'Quản trị' },
    }),
  }
}
