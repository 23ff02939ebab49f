import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { applyMigrations } from '../../cms/lib/migrate'

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef'

/** Points the environment at a fresh, empty data directory (SQLite file, uploads, outbox). */
export function freshEnvironment(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-test-'))
  process.env.DATA_DIR = dir
  process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`
  process.env.PAYLOAD_SECRET = TEST_SECRET
  process.env.JOBS_IN_PROCESS = 'false'
  return dir
}

/** A real Payload on a fresh SQLite database with the committed migrations applied. */
export async function startPayload(): Promise<Payload> {
  freshEnvironment()
  const { default: config } = await import('../../cms/payload.config')
  const payload = await getPayload({ config })
  await applyMigrations(payload)
  return payload
}
