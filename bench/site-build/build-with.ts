/**
 * What-if builds for the benchmark: exactly `scripts/build-site.ts` (same environment handling,
 * same `astro build`), plus Astro inline configuration from BENCH_ASTRO_CONFIG (JSON), merged over
 * astro.config.mjs. Lets `run.ts --astro '{"build":{"concurrency":4}}'` measure a configuration
 * change before anyone makes it in the project.
 */
export {}

;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'

const { env, ROOT_DIR, useLocalSecretIfUnset } = await import('../../cms/env')
useLocalSecretIfUnset()
env()

const inline = JSON.parse(process.env.BENCH_ASTRO_CONFIG || '{}') as Record<string, unknown>
const { build } = await import('astro')
const started = Date.now()
try {
  await build({ ...inline, root: ROOT_DIR, force: process.argv.includes('--force') })
} catch (error) {
  console.error('The site build failed:', error instanceof Error ? error.message : error)
  process.exit(1)
}
console.log(`› Site built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
process.exit(0)
