import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tendMail } from '../../../cms/email/queue/tend'
import { documentData } from '../../helpers/fixtures'
import type { TestSmtpServer } from './helpers/smtp'
import { confirmedSubscriber, drainMail, startMailWorld } from './helpers/world'

const LEASE_SECONDS = 3
let payload: Payload
let smtp: TestSmtpServer
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']

beforeAll(async () => {
  ;({ payload, smtp, orgs } = await startMailWorld({ MAIL_LEASE_SECONDS: String(LEASE_SECONDS) }))
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

const here = path.dirname(fileURLToPath(import.meta.url))

describe('a sender that crashes mid-fan-out', () => {
  it('still delivers exactly one message to each subscriber after a restart', async () => {
    const addresses = Array.from({ length: 120 }, (_, i) => `to.chuc.${String(i + 1).padStart(3, '0')}@example.vn`)
    for (const email of addresses) await confirmedSubscriber(payload, email)
    await payload.create({
      collection: 'documents',
      data: documentData(orgs.tw.id, { _status: 'published', title: 'Về đổi mới phương thức lãnh đạo của Đảng' }),
    })

    // The worker process runs the queue; when the 41st message arrives the process is killed
    // (SIGKILL: no clean-up of any kind) before the server acknowledges it.
    const worker = spawn(process.execPath, ['--import', 'tsx', path.join(here, '../../helpers/jobRunnerProcess.ts')], {
      env: { ...process.env, JOBS_IN_PROCESS: 'false' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    let stderr = ''
    worker.stderr?.on('data', (chunk) => (stderr += String(chunk)))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => worker.on('exit', (_code, signal) => resolve(signal)))
    smtp.behaviour.beforeAccept = () => {
      if (smtp.received.length < 40) return
      smtp.behaviour.beforeAccept = undefined
      worker.kill('SIGKILL')
      return 'drop'
    }
    const timeout = setTimeout(() => worker.kill('SIGKILL'), 90_000)
    const signal = await exited
    clearTimeout(timeout)
    expect(signal, stderr).toBe('SIGKILL')
    expect(smtp.received).toHaveLength(40)

    // What the crash left: the message in flight still marked "sending", the run still "processing".
    const inFlight = await payload.find({ collection: 'mail-deliveries', where: { status: { equals: 'sending' } }, overrideAccess: true })
    expect(inFlight.docs).toHaveLength(1)
    const stuck = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'mailSend' } }, { processing: { equals: true } }] },
      overrideAccess: true,
    })
    expect(stuck.totalDocs).toBe(1)

    // Restart: the runner of a new process, with the minute housekeeping coming due after the lease.
    await new Promise((resolve) => setTimeout(resolve, (LEASE_SECONDS + 1) * 1000))
    // (Other jobs of the batch the dead process had taken may be replaced too.)
    const tended = await tendMail(payload)
    expect(tended.released).toBe(1)
    expect(tended.replacedJobs).toBeGreaterThanOrEqual(1)
    await drainMail(payload, 60_000)

    const counts = smtp.countByRecipient()
    expect(addresses.filter((a) => counts.get(a) !== 1)).toEqual([])
    expect(smtp.received).toHaveLength(addresses.length)
    const resumed = await payload.findByID({ collection: 'mail-deliveries', id: inFlight.docs[0].id, overrideAccess: true })
    expect(resumed).toMatchObject({ status: 'sent', attempts: 2 })
    expect(resumed.lastError ?? null).toBeNull()
    const abandoned = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'mailSend' } }, { hasError: { equals: true } }] },
      overrideAccess: true,
    })
    expect(JSON.stringify(abandoned.docs[0]?.error)).toContain('dừng đột ngột')
  }, 180_000)
})
