/**
 * Site and search jobs never strand: a runner killed with SIGKILL in the middle of a batch leaves
 * jobs marked "processing", which Payload alone would never run again. After JOBS_LEASE_SECONDS
 * the next runner takes them back and the site converges on what the CMS shows anonymous readers.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plainTextToLexical } from '../../../cms/richtext/plainText'
import { startLiveWorld, type LiveWorld } from '../../helpers/liveSite'
import { ROOT } from '../../helpers/site'

const LEASE_SECONDS = 8
const site = inject('site')
let world: LiveWorld
let payload: Payload

beforeAll(async () => {
  process.env.JOBS_LEASE_SECONDS = String(LEASE_SECONDS)
  world = await startLiveWorld(site, 'job-crash', 'demo')
  payload = world.payload
})

afterAll(async () => {
  await world?.stop()
})

const open = { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] }
const count = async (where: object) => (await payload.count({ collection: 'payload-jobs', where: where as never, overrideAccess: true })).totalDocs

async function publicSlugs(): Promise<Set<string>> {
  const docs = await payload.find({ collection: 'documents', overrideAccess: false, pagination: false, depth: 0, select: { slug: true } })
  return new Set(docs.docs.map((d) => d.slug!))
}

async function siteShows(slugs: string[]): Promise<Record<string, number>> {
  const status: Record<string, number> = {}
  for (const slug of slugs) status[slug] = (await world.get(`/van-ban/${slug}/`)).status
  return status
}

describe('a job runner killed mid-batch', () => {
  it('leaves jobs in progress that are run again after the lease, and the site converges', async () => {
    const issuer = String((await payload.find({ collection: 'organizations', where: { code: { equals: 'TW' } }, limit: 1, depth: 0 })).docs[0]!.id)
    const created: Array<{ id: string; slug: string; number: string }> = []
    for (let i = 0; i < 40; i++) {
      const doc = await payload.create({
        collection: 'documents',
        data: {
          type: 'ket-luan',
          number: `${800 + i}-KL/TW`,
          title: `Kết luận thử nghiệm số ${800 + i} về việc chạy lại việc bị bỏ dở`,
          summary: plainTextToLexical(`Tóm tắt kết luận thử nghiệm số ${800 + i}.`),
          issuer,
          level: 'trung-uong',
          issuedAt: '2026-09-15',
          audience: 'public',
          secrecy: 'none',
          _status: 'published',
        } as never,
      })
      created.push({ id: String(doc.id), slug: doc.slug!, number: doc.number })
    }
    // Half of them are withdrawn again before any job ran: the store must never show those.
    for (const doc of created.slice(0, 20)) await payload.update({ collection: 'documents', id: doc.id, data: { audience: 'members' } as never })
    const queued = await count(open)
    expect(queued).toBeGreaterThanOrEqual(120)

    // A separate runner process takes the whole batch and is killed once a few jobs are done.
    const runner = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/helpers/jobRunnerProcess.ts')], {
      cwd: ROOT,
      env: { ...process.env, JOBS_IN_PROCESS: 'false' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    let stderr = ''
    runner.stderr?.on('data', (chunk) => (stderr += String(chunk)))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => runner.on('exit', (_code, signal) => resolve(signal)))
    const deadline = Date.now() + 90_000
    for (;;) {
      if (runner.exitCode !== null) throw new Error(`The runner exited by itself:\n${stderr}`)
      const done = await count({ completedAt: { exists: true }, taskSlug: { in: ['syncSite', 'syncSearch'] } })
      if (done >= 3 && (await count({ processing: { equals: true } })) > 0) break
      if (Date.now() > deadline) throw new Error(`The runner never got going:\n${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    runner.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')

    const stuck = await count({ and: [{ processing: { equals: true } }, { completedAt: { exists: false } }] })
    expect(stuck, 'the crash left jobs marked in progress').toBeGreaterThan(0)

    // Within the lease nobody takes them: a runner cannot tell a dead owner from a slow one yet.
    await world.runJobs()
    expect(await count({ and: [{ processing: { equals: true } }, { completedAt: { exists: false } }] })).toBe(stuck)
    const expected = await publicSlugs()
    const before = await siteShows(created.map((d) => d.slug))
    const wrong = created.filter((d) => (before[d.slug] === 200) !== expected.has(d.slug))
    expect(wrong.length, 'the site has not converged while jobs are stranded').toBeGreaterThan(0)

    // After the lease the next run takes them back, and the site shows exactly the CMS's public view.
    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS + 1) * 1000))
    await world.runJobs()
    // Nothing due is left; housekeeping that keeps itself scheduled (studyTend) waits for later.
    const due = { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than_equal: new Date().toISOString() } }] }
    expect(await count({ and: [...open.and, due] })).toBe(0)
    const after = await siteShows(created.map((d) => d.slug))
    for (const doc of created) expect(after[doc.slug], doc.slug).toBe(expected.has(doc.slug) ? 200 : 404)
    const health = JSON.parse((await world.get('/api/health')).text) as { documents: number; behind: number }
    expect(health).toMatchObject({ documents: expected.size, behind: 0 })
    for (const doc of created) {
      const hits = (JSON.parse((await world.get(`/api/search?q=${encodeURIComponent(doc.number)}`)).text) as { hits: Array<{ slug: string }> }).hits
      expect(
        hits.some((h) => h.slug === doc.slug),
        doc.slug,
      ).toBe(expected.has(doc.slug))
    }
  }, 180_000)
})
