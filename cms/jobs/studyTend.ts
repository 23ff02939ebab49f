import type { TaskConfig } from 'payload'
import { ensureStudyTend, STUDY_TEND_EVERY_MS, tendStudy } from '../study/tend'

/** Study figures, daily member counts and reminders (cms/study/tend.ts); keeps itself scheduled every 5 minutes. */
export const studyTendTask: TaskConfig<'studyTend'> = {
  slug: 'studyTend',
  label: 'Học tập: tổng hợp số liệu, nhắc hạn',
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 3, backoff: { type: 'fixed', delay: 30_000 } },
  handler: async ({ job, req }) => {
    const result = await tendStudy(req.payload)
    await ensureStudyTend(req.payload, { at: new Date(Date.now() + STUDY_TEND_EVERY_MS), exceptJobId: job.id, req })
    return { output: { result: `${result.counted} events counted${result.newDay ? `, members counted, ${result.reminders} reminders queued` : ''}` } }
  },
}
