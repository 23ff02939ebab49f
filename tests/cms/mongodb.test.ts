/**
 * Says which database the CMS integration tests ran on, and checks what is MongoDB-specific when
 * they ran there: the adapter, string ids, a transaction that rolls back, and the unique index on
 * document numbers (number + issuer + day). Run with DATABASE_URL=mongodb://… (docs/operations.md).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentData, startWorld } from '../helpers/fixtures'
import { TEST_MONGODB_URL } from '../helpers/payload'

if (!TEST_MONGODB_URL) {
  console.log('SKIPPED: MongoDB runs of the CMS integration tests (set DATABASE_URL=mongodb://… to run them)')
  describe('MongoDB', () => {
    it.skip('needs a MongoDB replica set: DATABASE_URL=mongodb://…', () => {})
  })
} else {
  let payload: Payload
  let issuer: string
  beforeAll(async () => {
    const world = await startWorld()
    payload = world.payload
    issuer = world.orgs.tw.id
  })
  afterAll(async () => {
    await payload?.db.connection?.dropDatabase?.()
    await payload?.destroy()
  })

  describe('MongoDB', () => {
    it('runs on the mongoose adapter with string ids', async () => {
      expect(payload.db.name).toBe('mongoose')
      const doc = await payload.create({ collection: 'documents', data: documentData(issuer) })
      expect(typeof doc.id).toBe('string')
      expect((await payload.findByID({ collection: 'documents', id: doc.id })).title).toBe(doc.title)
    })

    it('rolls a failed transaction back', async () => {
      const { createLocalReq, initTransaction, killTransaction } = await import('payload')
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      const doc = await payload.create({ collection: 'documents', data: documentData(issuer), req })
      await killTransaction(req)
      await expect(payload.findByID({ collection: 'documents', id: doc.id, disableErrors: true })).resolves.toBeNull()
    })

    it('refuses a second document with the same number, issuer and day', async () => {
      const data = documentData(issuer)
      await payload.create({ collection: 'documents', data })
      await expect(payload.create({ collection: 'documents', data: { ...data, title: 'Bản trùng' } })).rejects.toThrow()
    })
  })
}
