/**
 * `npm run build:site`: builds the public library (Astro) from the CMS database. Incremental: the
 * content loaders fetch only records changed since the last build (store kept in SITE_CACHE_DIR).
 * Exit codes: 0 built, 1 failed (configuration or build error, printed).
 */
export {}

;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'

const { env, EnvError, ROOT_DIR, useLocalSecretIfUnset } = await import('../cms/env')
useLocalSecretIfUnset()
try {
  env()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const { build } = await import('astro')
const started = Date.now()
try {
  await build({ root: ROOT_DIR, force: process.argv.includes('--force') })
} catch (error) {
  console.error('The site build failed:', error instanceof Error ? error.message : error)
  process.exit(1)
}
console.log(`› Site built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
// Payload keeps database handles open; the build is done.
process.exit(0)
