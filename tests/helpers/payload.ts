import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { applyMigrations } from '../../cms/lib/migrate'

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef'

/**
 * `DATABASE_URL=mongodb://…` when the test run started: the CMS integration tests then run on
 * MongoDB, each test file in a database of its own (so-tay-test-<random>), instead of SQLite.
 */
export const TEST_MONGODB_URL = /^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : undefined

function freshMongoUrl(): string {
  const url = new URL(TEST_MONGODB_URL!)
  url.pathname = `/so-tay-test-${crypto.randomBytes(6).toString('hex')}`
  return url.toString()
}

/** Points the environment at a fresh, empty data directory (uploads, outbox) and database. */
export function freshEnvironment(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-test-'))
  process.env.DATA_DIR = dir
  process.env.DATABASE_URL = TEST_MONGODB_URL ? freshMongoUrl() : `file:${path.join(dir, 'test.db')}`
  process.env.PAYLOAD_SECRET = TEST_SECRET
  process.env.JOBS_IN_PROCESS = 'false'
  return dir
}

/** A real Payload on a fresh database (SQLite, or MongoDB — see above) with the committed migrations applied. */
export async function startPayload(): Promise<Payload> {
  freshEnvironment()
  const { default: config } = await import('../../cms/payload.config')
  const payload = await getPayload({ config })
  await applyMigrations(payload)
  return payload
}
