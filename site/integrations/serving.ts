import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import type { AstroIntegration } from 'astro'
import { build, type BuildOptions } from 'esbuild'

/**
 * What the build adds for serving (docs/architecture.md, "Serving"):
 * - dist/server/serve.mjs, the site server (site/server/serve.ts), in front of Astro's handler;
 * - dist/client/sw.js, the service worker (site/offline/serviceWorker.ts), stamped with a build id
 *   so that a deploy which changes any bundled file also changes the worker and browsers update;
 * - a Brotli (.br) and a gzip (.gz) copy of every text file in dist/client, made once here at the
 *   highest settings and sent as they are by the site server (sirv) and the front server (nginx).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TEXT_FILE = /\.(css|js|mjs|svg|json|webmanifest|txt|xml|html)$/
const MIN_BYTES = 512

function serviceWorkerOptions(buildId: string): BuildOptions {
  return {
    entryPoints: [path.join(ROOT, 'site/offline/serviceWorker.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    define: { __BUILD_ID__: JSON.stringify(buildId) },
    legalComments: 'none',
  }
}

/** The names of the hashed bundles: they change whenever what a page loads changes. */
function buildIdOf(clientDir: string): string {
  const assets = path.join(clientDir, '_astro')
  const names = fs.existsSync(assets) ? fs.readdirSync(assets).sort() : []
  const worker = fs
    .readdirSync(path.join(ROOT, 'site/offline'))
    .sort()
    .map((f) => fs.readFileSync(path.join(ROOT, 'site/offline', f)))
  return createHash('sha256').update(names.join('\n')).update(Buffer.concat(worker)).digest('hex').slice(0, 12)
}

function precompress(dir: string): number {
  let count = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = fs.readFileSync(file)
    if (bytes.length < MIN_BYTES) continue
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
    )
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }))
    count += 1
  }
  return count
}

export default function serving(): AstroIntegration {
  return {
    name: 'so-tay:serving',
    hooks: {
      // `astro dev` has no dist/: the worker is built on request.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/sw.js', (_req, res) => {
          build({ ...serviceWorkerOptions('dev'), write: false }).then(
            (out) => res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).end(out.outputFiles[0]!.text),
            (error: Error) => res.writeHead(500).end(error.message),
          )
        })
      },
      'astro:build:done': async ({ dir, logger }) => {
        const clientDir = fileURLToPath(dir)
        const serverDir = path.join(clientDir, '../server')
        await build({
          entryPoints: [path.join(ROOT, 'site/server/serve.ts')],
          outfile: path.join(serverDir, 'serve.mjs'),
          bundle: true,
          platform: 'node',
          format: 'esm',
          target: 'node22',
          packages: 'external',
          logLevel: 'warning',
        })
        const buildId = buildIdOf(clientDir)
        await build({ ...serviceWorkerOptions(buildId), outfile: path.join(clientDir, 'sw.js'), logLevel: 'warning' })
        const count = precompress(clientDir)
        logger.info(`site server dist/server/serve.mjs, service worker ${buildId}, ${count} files precompressed (br, gz)`)
      },
    },
  }
}
