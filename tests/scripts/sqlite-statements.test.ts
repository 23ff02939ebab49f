/**
 * The prepared-statement reuse `npm run import` installs (scripts/lib/sqliteStatements.ts): the CMS
 * behaves the same with it — reads see every write, a refused write leaves the reused statement
 * usable, a rolled-back transaction writes nothing — and statements really are reused.
 */
import { createRequire } from 'node:module'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cacheSqliteStatements } from '../../scripts/lib/sqliteStatements'
import { startPayload, TEST_MONGODB_URL } from '../helpers/payload'

/** How many statements SQLite prepared, counted below the cache. */
let prepared = 0

let payload: Payload

beforeAll(async () => {
  const fromAdapter = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-sqlite'))
  const Database = createRequire(fromAdapter.resolve('@libsql/client'))('libsql') as { prototype: { prepare: (sql: string) => unknown } }
  const prepare = Database.prototype.prepare
  Database.prototype.prepare = function (this: unknown, sql: string) {
    prepared++
    return prepare.call(this, sql)
  }
  cacheSqliteStatements()
  cacheSqliteStatements() // installing twice changes nothing
  payload = await startPayload()
})

afterAll(async () => {
  await payload?.destroy()
})

describe.skipIf(TEST_MONGODB_URL)('prepared statements reused by the import command', () => {
  it('reads see every write, in and out of transactions', async () => {
    const names: string[] = []
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    for (let i = 0; i < 30; i++) {
      const name = `Chi bộ thử nghiệm số ${i}`
      names.push(name)
      await payload.create({ collection: 'subjects', data: { name }, req })
      // The same statements run again within the transaction's connection, each time with other values.
      const found = await payload.find({ collection: 'subjects', where: { name: { equals: name } }, req, depth: 0 })
      expect(found.docs.map((d) => d.name)).toEqual([name])
    }
    await commitTransaction(req)
    const all = await payload.find({ collection: 'subjects', pagination: false, depth: 0, sort: 'name' })
    expect(all.docs.map((d) => d.name).sort()).toEqual([...names].sort())
  })

  it('reuses statements: thirty similar writes prepare far fewer than thirty times their statements', async () => {
    const before = prepared
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    for (let i = 0; i < 30; i++) await payload.create({ collection: 'subjects', data: { name: `Lĩnh vực lặp lại ${i}` }, req, depth: 0 })
    await commitTransaction(req)
    const perWrite = (prepared - before) / 30
    // Without the cache every write prepares its handful of statements (insert, read back, slug check…).
    expect(perWrite).toBeLessThan(1)
  })

  it('a refused write leaves the statement usable, and a rolled-back transaction writes nothing', async () => {
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    await payload.create({ collection: 'organizations', data: { name: 'Đảng ủy xã Thử Nghiệm', code: 'ĐU', kind: 'dang-bo-co-so' }, req })
    await killTransaction(req)
    expect((await payload.count({ collection: 'organizations', where: { name: { equals: 'Đảng ủy xã Thử Nghiệm' } } })).totalDocs).toBe(0)

    // A unique-index violation (same slug twice is resolved, so use the users' unique e-mail).
    const user = { email: 'trung-lap@sotay.example.vn', password: 'Mat-khau-Rat-Dai-2026!', name: 'Người thử', role: 'editor' } as const
    await payload.create({ collection: 'users', data: user })
    await expect(payload.create({ collection: 'users', data: user })).rejects.toThrow()
    const other = await payload.create({ collection: 'users', data: { ...user, email: 'khac@sotay.example.vn' } })
    expect(other.email).toBe('khac@sotay.example.vn')
    expect((await payload.count({ collection: 'users', where: { email: { contains: 'sotay.example.vn' } } })).totalDocs).toBe(2)
  })
})
