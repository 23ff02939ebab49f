import type { JobsConfig } from 'payload'
import { isAdmin } from '../access/isAdmin'
import { withCheckedRunParams } from './checkRunParams'
import { mailDigestTask } from './mailDigest'
import { mailFanOutTask } from './mailFanOut'
import { mailSendTask } from './mailSend'
import { mailTendTask } from './mailTend'
import { syncSearchTask } from '../publish/jobs/syncSearch'
import { syncSearchReferencesTask } from '../publish/jobs/syncSearchReferences'
import { syncSiteTask } from '../publish/jobs/syncSite'
import { studyTendTask } from './studyTend'

/**
 * One persisted queue, run by ./runner.ts (not Payload's autoRun, which runs jobs in parallel): on a
 * single machine inside the CMS server (JOBS_IN_PROCESS=true), or by `npm run worker` instead.
 * Tasks: scheduled publishing (drafts.schedulePublish), the site sync (syncSite) and the search sync
 * (syncSearch), subscriber mail (mail*: fan-out, sender, daily digest, housekeeping; docs/email.md) and the
 * study figures and reminders (studyTend; docs/study.md).
 */
export function jobsConfig(): JobsConfig {
  return {
    // Over HTTP (/api/payload-jobs/run, handle-schedules) only admins; the runner and the hooks call
    // the Local API, which skips this.
    access: { run: isAdmin, queue: isAdmin, cancel: isAdmin },
    tasks: [syncSiteTask, syncSearchTask, syncSearchReferencesTask, mailFanOutTask, mailSendTask, mailDigestTask, mailTendTask, studyTendTask],
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: false, group: 'Quản trị' },
      endpoints: withCheckedRunParams(defaultJobsCollection.endpoints),
    }),
  }
}
