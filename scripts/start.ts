/**
 * `npm start`: the whole product on embedded defaults. Applies migrations, seeds the demo content
 * once, creates the first admin (printed once), brings the search index and the site's library store
 * in line with the CMS, builds the admin and the site when their sources changed, then serves the
 * CMS admin and API on CMS_PORT (default 3000)
 * and the site on SITE_PORT (default 4321).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// Next serves the built admin only in production mode.
;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'

const [{ env, useLocalSecretIfUnset }, { EnvError, ROOT_DIR }] = await Promise.all([import('../core/env/cms'), import('../core/env/shared')])
useLocalSecretIfUnset()
let config: ReturnType<typeof env>
try {
  config = env()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const { payloadClient } = await import('./lib/payload')
const { applyMigrations } = await import('../cms/lib/migrate')
const { describeFirstAdmin, ensureFirstAdmin, FirstAdminError } = await import('./lib/firstAdmin')
const { seedDemoContent } = await import('./seed/demo')

const payload = await payloadClient()
await applyMigrations(payload)

const seededMarker = path.join(config.dataDir, '.demo-seeded')
if (process.env.SEED_DEMO !== 'false' && !fs.existsSync(seededMarker)) {
  console.log('› Loading demo content (first start only)…')
  await seedDemoContent(payload, { meetings: true })
  fs.writeFileSync(seededMarker, new Date().toISOString())
}

try {
  // A random password is generated and shown only when the CMS is served on this machine; a
  // reachable server needs ADMIN_EMAIL/ADMIN_PASSWORD or the admin's first-run form.
  const message = describeFirstAdmin(await ensureFirstAdmin(payload, config.SERVER_URL))
  if (message) console.log(message)
} catch (error) {
  if (error instanceof FirstAdminError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}
const { catchUp } = await import('./lib/catchUp')
await catchUp(payload, config.dataDir)
await payload.destroy()

const run = (command: string, args: string[]): ChildProcess =>
  spawn(command, args, { cwd: ROOT_DIR, stdio: 'inherit', env: { ...process.env, PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts' } })

const { buildAdminIfChanged, sourceKey } = await import('./lib/builds')
const admin = await buildAdminIfChanged()
if (typeof admin === 'object') {
  console.error('The admin build failed; see the output above.')
  process.exit(1)
}
// The site build holds code only (content comes from the library store), so it is redone only when
// the site's sources changed.
const siteDist = path.join(ROOT_DIR, process.env.SITE_OUT_DIR ?? 'dist')
const siteEntry = path.join(siteDist, 'server', 'serve.mjs')
const siteStamp = path.join(siteDist, '.so-tay-build-key')
const siteKey = sourceKey(['site', 'search', 'cms'], ['astro.config.mjs'])
if (!fs.existsSync(siteEntry) || !fs.existsSync(siteStamp) || fs.readFileSync(siteStamp, 'utf8') !== siteKey) {
  console.log('› Building the library site (astro build)…')
  const siteBuilt = (await new Promise<number | null>((resolve) => run('tsx', ['scripts/build-site.ts']).on('exit', resolve))) === 0
  if (siteBuilt) fs.writeFileSync(siteStamp, siteKey)
  else console.error(fs.existsSync(siteEntry) ? 'The site build failed; serving the previous build.' : 'The site build failed; only the admin is served.')
}
const servers: ChildProcess[] = [run('next', ['start', 'cms', '-p', String(config.CMS_PORT)])]
if (fs.existsSync(siteEntry)) {
  servers.push(
    spawn(process.execPath, [siteEntry], {
      cwd: ROOT_DIR,
      stdio: 'inherit',
      env: { ...process.env, PORT: String(config.SITE_PORT), HOST: process.env.HOST ?? '0.0.0.0' },
    }),
  )
}
console.log(`\n  Trang quản trị: ${config.SERVER_URL}/admin\n  Thư viện:       ${config.SITE_URL}/\n`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => servers.forEach((s) => s.kill(signal)))
// One server stopping stops the other: a half-running product is harder to notice than a stopped one.
for (const server of servers) {
  server.on('exit', (code) => {
    servers.forEach((s) => s !== server && s.kill('SIGTERM'))
    process.exit(code ?? 0)
  })
}
