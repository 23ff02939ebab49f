/**
 * `npm run build:site`: builds the site's code (Astro: on-demand pages, styles, scripts). Content is
 * not part of the build — the site server reads it from the library store (`npm run sync:site`) —
 * so the build takes the same time at any library size. Exit codes: 0 built, 1 failed (printed).
 */
export {}

;(process.env as Record<string, string | undefined>).NODE_ENV ??= 'production'

const { ROOT_DIR } = await import('../core/env/shared')
const { build } = await import('astro')
const started = Date.now()
try {
  await build({ root: ROOT_DIR })
} catch (error) {
  console.error('The site build failed:', error instanceof Error ? error.message : error)
  process.exit(1)
}
console.log(`› Site built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
process.exit(0)
