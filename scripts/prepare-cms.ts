/**
 * `npm run prepare:cms`: what the CMS container runs before `next start` (Dockerfile): refuses to
 * go on with an invalid configuration (a missing or weak PAYLOAD_SECRET, an http SERVER_URL in
 * production…) with one clear message, applies the committed migrations, and creates the first
 * admin from the one-time ADMIN_EMAIL/ADMIN_PASSWORD (refused if weak) or points to the admin's
 * first-run form. Exit codes: 0 ready to serve, 1 refused (message printed).
 */
export {}

const [{ env }, { EnvError }] = await Promise.all([import('../core/env/cms'), import('../core/env/shared')])
try {
  env()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`The CMS does not start: ${error.message}`)
    process.exit(1)
  }
  throw error
}

const { applyMigrations } = await import('../cms/lib/migrate')
const { describeFirstAdmin, ensureFirstAdmin, FirstAdminError } = await import('./lib/firstAdmin')
const { payloadClient } = await import('./lib/payload')

const payload = await payloadClient()
await applyMigrations(payload)
try {
  const message = describeFirstAdmin(await ensureFirstAdmin(payload, env().SERVER_URL))
  if (message) console.log(message)
} catch (error) {
  if (error instanceof FirstAdminError) {
    console.error(`The CMS does not start: ${error.message}`)
    process.exit(1)
  }
  throw error
}
console.log('› Database ready.')
process.exit(0)
