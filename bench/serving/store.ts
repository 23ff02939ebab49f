/**
 * `tsx bench/serving/store.ts --dir <copy of a corpus>`: the site's library store built from a
 * generated CMS database (as `npm run sync:site` does), in its own process because the CMS
 * configuration reads the environment once. Prints one JSON line.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { dir: { type: 'string' } } })
if (!values.dir) throw new Error('usage: store.ts --dir <data dir>')
const dir = path.resolve(values.dir)
Object.assign(process.env, {
  DATA_DIR: dir,
  DATABASE_URL: `file:${path.join(dir, 'so-tay.db')}`,
  PAYLOAD_SECRET: 'serving-bench-secret-0123456789abcdef',
  JOBS_IN_PROCESS: 'false',
  MEILI_URL: '',
  SMTP_URL: '',
  NODE_ENV: 'production',
})
const { getPayload } = await import('payload')
const { default: config } = await import('../../cms/payload.config')
const { applyMigrations } = await import('../../cms/lib/migrate')
const { syncAll } = await import('../../cms/publish/site/sync')
const payload = await getPayload({ config })
await applyMigrations(payload)
const started = performance.now()
const stored = await syncAll(payload, dir)
console.log(JSON.stringify({ storeSyncSeconds: Math.round((performance.now() - started) / 100) / 10, stored }))
process.exit(0)
