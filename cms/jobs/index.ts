import type { JobsConfig } from 'payload'
import { syncSearchTask } from './syncSearch'
import { syncSiteTask } from './syncSite'

/**
 * One persisted queue, run by ./runner.ts (not Payload's autoRun, which runs jobs in parallel): on a
 * single machine inside the CMS server (JOBS_IN_PROCESS=true), or by `npm run worker` instead.
 * Tasks: scheduled publishing (drafts.schedulePublish), the site sync (syncSite) and the search sync
 * (syncSearch).
 */
export function jobsConfig(): JobsConfig {
  return {
    tasks: [syncSiteTask, syncSearchTask],
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: 'Quản trị' },
    }),
  }
}
