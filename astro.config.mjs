// The public library under site/, served by @astrojs/node (standalone). Pages render on demand from
// the site's library store (site/store/, kept current by the CMS's site sync jobs) and stay in the
// route cache until a change touches them (site/cache/provider.ts); the build holds code only, so
// it takes the same time at any library size. docs/architecture.md, "Publish to live".
// The server is dist/server/serve.mjs (site/server/serve.ts): it answers the build's files itself,
// precompressed, and hands everything else to Astro's handler. docs/architecture.md, "Serving".
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'
import serving from './site/integrations/serving.ts'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  // Request bodies are tiny on this site (its forms), except a question to the committee with a
  // photo or PDF (3 MB, core/participation.ts): the adapter stops reading beyond that, and
  // site/middleware.ts refuses a declared length over 64 KB on every other route.
  adapter: node({ mode: 'middleware', bodySizeLimit: 3 * 1024 * 1024 + 64 * 1024 }),
  integrations: [serving()],
  // Content-Security-Policy with hashes of the page's own inline scripts and styles (a header on
  // on-demand pages): no script from anywhere else can run.
  security: { csp: true },
  session: false,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Rendered pages are kept in memory (LRU; SITE_CACHE_PAGES, read at start, default 5000): a page is
  // ~10–40 KB, so 5000 pages stay under ~200 MB.
  cache: { provider: { name: 'library', entrypoint: './site/cache/provider.ts' } },
  server: { port: Number(process.env.SITE_PORT) || 4321, host: true },
  vite: {
    // The site server never loads Payload; this keeps a stray type-only import from bundling it.
    ssr: { external: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', 'sharp', 'libsql'] },
  },
})
