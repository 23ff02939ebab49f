/**
 * The real CMS server for tests/e2e/cms-server/: the admin built with `next build` (skipped when its
 * sources did not change), a fresh SQLite database prepared by `scripts/prepare-cms.ts` (migrations,
 * first admin from one-time values), then `next start` in production mode.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort } from '../../../scripts/lib/net'
import { ROOT } from '../../helpers/site'
import { TEST_SECRET } from '../../helpers/payload'

export interface CmsServer {
  url: string
  serverUrl: string
  siteUrl: string
  admin: { email: string; password: string }
}

declare module 'vitest' {
  export interface ProvidedContext {
    cmsServer: CmsServer
  }
}

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')

export default async function setup(project: TestProject) {
  const { buildAdminIfChanged } = await import('../../../scripts/lib/builds')
  const started = Date.now()
  // The build only needs some secret to load the config; none ends up in the output.
  const build = await buildAdminIfChanged({ quiet: true, env: { PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'), NODE_ENV: 'production' } })
  if (typeof build === 'object') throw new Error(`next build failed:\n${build.failed}`)

  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true })
  const dir = fs.mkdtempSync(path.join(ROOT, 'tmp', 'cms-server-'))
  const port = await freePort()
  const admin = { email: 'quantri@sotay.example.vn', password: 'Quan-tri-Vien-2026!x' }
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: path.join(dir, 'data'),
    DATABASE_URL: `file:${path.join(dir, 'data', 'cms.db')}`,
    PAYLOAD_SECRET: TEST_SECRET,
    SERVER_URL: 'https://cms.sotay.example.vn',
    SITE_URL: 'https://sotay.example.vn',
    JOBS_IN_PROCESS: 'false',
    MEILI_URL: '',
    SMTP_URL: '',
    // The documented limits: uploads are tested at their real sizes (tests/e2e/cms-server/hardening).
    UPLOAD_MAX_MB: '30',
    IMAGE_MAX_MB: '10',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts',
  } as NodeJS.ProcessEnv
  fs.mkdirSync(env.DATA_DIR!, { recursive: true })
  await new Promise<void>((resolve, reject) => {
    const prepare = spawn(process.execPath, [TSX, 'scripts/prepare-cms.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    prepare.stdout.on('data', (c) => (out += c))
    prepare.stderr.on('data', (c) => (out += c))
    prepare.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare-cms failed (${code}):\n${out}`))))
  })

  const next = path.join(ROOT, 'node_modules/next/dist/bin/next')
  const server = spawn(process.execPath, [next, 'start', 'cms', '-p', String(port), '-H', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  server.stdout!.on('data', (c) => (log += c))
  server.stderr!.on('data', (c) => (log += c))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${log}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {}
    if (Date.now() > deadline) {
      server.kill('SIGKILL')
      throw new Error(`The CMS server did not answer within 90 s:\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  console.log(`› CMS server ready in ${((Date.now() - started) / 1000).toFixed(1)} s (admin build: ${build}) at ${url}`)
  project.provide('cmsServer', { url, serverUrl: env.SERVER_URL!, siteUrl: env.SITE_URL!, admin })
  return async () => {
    server.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 500))
    if (server.exitCode === null) server.kill('SIGKILL')
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
