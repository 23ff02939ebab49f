import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runQueuedJobs } from '../../cms/jobs/runner'
import { documentData, startWorld } from '../helpers/fixtures'

let payload: Payload
let orgs: Awaited<ReturnType<typeof startWorld>>['orgs']
let users: Awaited<ReturnType<typeof startWorld>>['users']

beforeAll(async () => {
  ;({ payload, orgs, users } = await startWorld())
})
afterAll(async () => {
  await payload?.destroy()
})

/** What the admin's "schedule publish" does: a persisted job that publishes as the scheduling user. */
async function schedule(id: string, userId: string) {
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'documents', value: id }, user: { relationTo: 'users', value: userId } },
    waitUntil: new Date(Date.now() - 1000),
  })
  await runQueuedJobs(payload)
}

describe('scheduled publishing', () => {
  it('publishes a publisher’s scheduled draft when the job runs', async () => {
    const draft = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id), draft: true })
    await schedule(draft.id, users.publisher.id)
    expect((await payload.findByID({ collection: 'documents', id: draft.id }))._status).toBe('published')
  })

  it('still follows the workflow and the secrecy rule', async () => {
    const byEditor = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id), draft: true })
    await schedule(byEditor.id, users.editor.id)
    expect((await payload.findByID({ collection: 'documents', id: byEditor.id }))._status).toBe('draft')
    const secret = await payload.create({ collection: 'documents', data: documentData(orgs.tw.id, { secrecy: 'mat' }), draft: true })
    await schedule(secret.id, users.publisher.id)
    expect((await payload.findByID({ collection: 'documents', id: secret.id }))._status).toBe('draft')
  })
})
