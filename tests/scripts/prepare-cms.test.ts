/**
 * The CMS container's start-up step (`scripts/prepare-cms.ts`, run before `next start`) in
 * production mode: it refuses a missing, short or placeholder PAYLOAD_SECRET and an http public
 * URL with a clear message, refuses weak one-time admin values, and never creates an account with
 * default or logged credentials.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { runScript } from './backup/helpers'

const SECRET = crypto.randomBytes(32).toString('hex')

function production(extra: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-startup-'))
  return {
    dir,
    env: {
      NODE_ENV: 'production',
      DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, 'cms.db')}`,
      SERVER_URL: 'https://cms.so-tay.example.vn',
      SITE_URL: 'https://sotay.example.vn',
      PAYLOAD_SECRET: SECRET,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      JOBS_IN_PROCESS: 'false',
      ...extra,
    },
  }
}

const users = (dir: string) => {
  const file = path.join(dir, 'cms.db')
  if (!fs.existsSync(file)) return null
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return (db.prepare('select email from users').all() as { email: string }[]).map((u) => u.email)
  } finally {
    db.close()
  }
}

describe('CMS start-up in production', () => {
  it('refuses a missing, short or placeholder PAYLOAD_SECRET before touching the database', async () => {
    for (const secret of ['', 'short-secret', 'x'.repeat(40), 'change-me-change-me-change-me-change-me']) {
      const { dir, env } = production({ PAYLOAD_SECRET: secret })
      const run = await runScript('scripts/prepare-cms.ts', [], env)
      expect(run.code, secret).toBe(1)
      expect(run.stderr).toContain('The CMS does not start')
      expect(run.stderr).toMatch(/PAYLOAD_SECRET: .*32 random characters/)
      expect(users(dir)).toBeNull()
      expect(fs.existsSync(path.join(dir, '.payload-secret'))).toBe(false) // nothing generated either
    }
  })

  it('refuses a public http:// SERVER_URL (cookies must be Secure)', async () => {
    const { env } = production({ SERVER_URL: 'http://10.0.0.5:3000' })
    const run = await runScript('scripts/prepare-cms.ts', [], env)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/SERVER_URL: must be an https:\/\/ URL in production/)
  })

  it('creates no account without one-time values: it points to the first-run form', async () => {
    const { dir, env } = production()
    const run = await runScript('scripts/prepare-cms.ts', [], env)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('https://cms.so-tay.example.vn/admin/create-first-user')
    expect(run.stdout).not.toMatch(/Mật khẩu:/)
    expect(users(dir)).toEqual([])
  })

  it('refuses weak one-time admin values, then creates the admin from strong ones exactly once', async () => {
    const { dir, env } = production({ ADMIN_EMAIL: 'quantri@so-tay.example.vn', ADMIN_PASSWORD: 'matkhau2024' })
    const weak = await runScript('scripts/prepare-cms.ts', [], env)
    expect(weak.code).toBe(1)
    expect(weak.stderr).toMatch(/ADMIN_PASSWORD is too weak/)
    expect(users(dir)).toEqual([])

    const strong = { ...env, ADMIN_PASSWORD: 'Quan-tri-Tinh-uy-2025' }
    const created = await runScript('scripts/prepare-cms.ts', [], strong)
    expect(created.code, created.stderr).toBe(0)
    expect(created.stdout).toContain('Đã tạo tài khoản quản trị đầu tiên quantri@so-tay.example.vn')
    expect(created.stdout).not.toContain('Quan-tri-Tinh-uy-2025')
    expect(users(dir)).toEqual(['quantri@so-tay.example.vn'])

    // Values left in the configuration are never used again; the operator is told to remove them.
    const again = await runScript('scripts/prepare-cms.ts', [], { ...strong, ADMIN_EMAIL: 'khac@so-tay.example.vn' })
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('ADMIN_PASSWORD vẫn còn trong cấu hình')
    expect(users(dir)).toEqual(['quantri@so-tay.example.vn'])
  })
})
