import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError } from '../../core/env/shared'
import { parseEnv } from '../../core/env/cms'
import { parseSearchEnv } from '../../core/env/search'
import { assertStrongPassword, WeakPasswordError } from '../../scripts/lib/firstAdmin'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-env-'))

describe('configuration', () => {
  it('defaults to SQLite under DATA_DIR with a generated, persisted development secret', () => {
    const dir = tmp()
    const a = parseEnv({ DATA_DIR: dir })
    expect(a.database).toEqual({ kind: 'sqlite', url: `file:${path.join(dir, 'so-tay.db')}` })
    expect(a.PAYLOAD_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(parseEnv({ DATA_DIR: dir }).PAYLOAD_SECRET).toBe(a.PAYLOAD_SECRET)
  })

  it('switches to MongoDB by URL', () => {
    expect(parseEnv({ DATA_DIR: tmp(), DATABASE_URL: 'mongodb://mongo:27017/so-tay?replicaSet=rs0' }).database.kind).toBe('mongodb')
  })

  it('names every bad variable in one message', () => {
    let error: unknown
    try {
      parseEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', DATABASE_URL: 'postgres://x', SERVER_URL: 'not a url', CMS_PORT: '99999', PAYLOAD_SECRET: 'short' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EnvError)
    const message = (error as Error).message
    for (const name of ['DATABASE_URL', 'SERVER_URL', 'CMS_PORT', 'PAYLOAD_SECRET']) expect(message).toContain(`- ${name}:`)
  })

  it('requires a long secret in production', () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET/)
    expect(parseEnv({ DATA_DIR: tmp(), NODE_ENV: 'production', PAYLOAD_SECRET: '3f9c1a7e5b2d8c4f6a0e9b7d1c3f5a2e' }).NODE_ENV).toBe('production')
  })

  it("takes Meilisearch's search-only key for members' tenant tokens as a pair: key and uid", () => {
    const uid = '6062abda-a5aa-4414-ac91-ecd7944c0f8d'
    expect(parseSearchEnv({ MEILI_SEARCH_KEY: 'k'.repeat(32), MEILI_SEARCH_KEY_UID: uid })).toMatchObject({
      MEILI_SEARCH_KEY: 'k'.repeat(32),
      MEILI_SEARCH_KEY_UID: uid,
    })
    expect(parseSearchEnv({ MEILI_SEARCH_KEY: '', MEILI_SEARCH_KEY_UID: '' }).MEILI_SEARCH_KEY).toBeUndefined()
    expect(() => parseSearchEnv({ MEILI_SEARCH_KEY: 'k'.repeat(32) })).toThrow(/MEILI_SEARCH_KEY_UID: set both/)
    expect(() => parseSearchEnv({ MEILI_SEARCH_KEY_UID: uid })).toThrow(/MEILI_SEARCH_KEY: set both/)
    expect(() => parseSearchEnv({ MEILI_SEARCH_KEY: 'k', MEILI_SEARCH_KEY_UID: 'not-a-uuid' })).toThrow(/MEILI_SEARCH_KEY_UID/)
    expect(() => parseEnv({ DATA_DIR: tmp(), MEILI_SEARCH_KEY: 'k'.repeat(32) })).toThrow(/MEILI_SEARCH_KEY_UID/)
  })

  it('refuses a weak first-admin password', () => {
    expect(() => assertStrongPassword('matkhau')).toThrow(WeakPasswordError)
    expect(() => assertStrongPassword('matkhaudaihon12')).toThrow(WeakPasswordError)
    expect(() => assertStrongPassword('Mat-khau-manh-2024')).not.toThrow()
  })
})
