/**
 * The members migration on a database from before it: party members who had editorial accounts
 * (role "member") become member accounts with their own password; one without an organization is
 * left as it was (and named in the log).
 */
import crypto from 'node:crypto'
import { sql } from '@payloadcms/db-sqlite'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../cms/migrations/index'
import { PASSWORD } from '../helpers/fixtures'
import { freshEnvironment, TEST_MONGODB_URL } from '../helpers/payload'
import { restClient } from '../helpers/rest'

let payload: Payload
const MEMBERS_MIGRATION = '20261203_164349_members'

beforeAll(async () => {
  freshEnvironment()
  const { default: config } = await import('../../cms/payload.config')
  payload = await getPayload({ config })
})
afterAll(async () => {
  await payload?.destroy()
})

/** A user row as the CMS wrote it before (Payload's pbkdf2 hash of the password). */
async function legacyUser(db: { run: (q: ReturnType<typeof sql>) => Promise<unknown> }, email: string, organization: string | null) {
  const salt = crypto.randomBytes(32).toString('hex')
  const hash = crypto.pbkdf2Sync(PASSWORD, salt, 25000, 512, 'sha256').toString('hex')
  const id = crypto.randomUUID()
  await db.run(
    sql`INSERT INTO users (id, name, role, organization_id, email, salt, hash, login_attempts) VALUES (${id}, ${'Đảng viên cũ'}, ${'member'}, ${organization}, ${email}, ${salt}, ${hash}, 0)`,
  )
  return id
}

describe.skipIf(Boolean(TEST_MONGODB_URL))('the members migration', () => {
  it('moves members with an organization to member accounts that sign in with the same password', async () => {
    const index = migrations.findIndex((m) => m.name === MEMBERS_MIGRATION)
    expect(index).toBeGreaterThan(0)
    await payload.db.migrate({ migrations: migrations.slice(0, index) as never })
    const db = (payload.db as unknown as { drizzle: { run: (q: ReturnType<typeof sql>) => Promise<unknown> } }).drizzle
    const org = crypto.randomUUID()
    await db.run(
      sql`INSERT INTO organizations (id, name, code, kind, slug) VALUES (${org}, ${'Chi bộ thôn Đông'}, ${'CBD'}, ${'chi-bo'}, ${'chi-bo-thon-dong'})`,
    )
    const placed = await legacyUser(db, 'co.chi.bo@so-tay.test', org)
    const unplaced = await legacyUser(db, 'chua.co.chi.bo@so-tay.test', null)

    await payload.db.migrate({ migrations: migrations as never })

    const member = await payload.findByID({ collection: 'members', id: placed, depth: 0 })
    expect(member).toMatchObject({ email: 'co.chi.bo@so-tay.test', status: 'active', organization: org })
    expect(await payload.findByID({ collection: 'users', id: placed, disableErrors: true })).toBeNull()
    expect((await payload.findByID({ collection: 'users', id: unplaced, depth: 0 })).email).toBe('chua.co.chi.bo@so-tay.test')
    const rest = restClient(payload.config)
    expect(await rest.login('co.chi.bo@so-tay.test', PASSWORD, 'members')).toBeTruthy()
  })
})
