// The public library: static-first pages under site/, served with the few on-demand routes by
// @astrojs/node (standalone). Content comes from the CMS database at build time (site/loaders/).
import node from '@astrojs/node'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir: process.env.SITE_OUT_DIR || './dist',
  // The content store lives here between builds; keeping it makes rebuilds fetch only what changed.
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  session: false,
  trailingSlash: 'ignore',
  // Four pages in flight: Astro writes each page before rendering the next, and on a small VM the
  // file writes dominate; overlapping them took 20 k items from ~496 to ~588 pages/s
  // (docs/benchmarks.md, "Site build").
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  server: { port: Number(process.env.SITE_PORT) || 4321, host: true },
  integrations: [sitemap({ filter: (page) => !page.includes('/tim-kiem') })],
  vite: {
    // Payload and its database drivers are only used by the content loaders at build time.
    ssr: { external: ['payload', '@payloadcms/db-sqlite', '@payloadcms/db-mongodb', 'sharp', 'libsql'] },
  },
})
