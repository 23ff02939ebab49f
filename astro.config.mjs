// The public library (site/). The site issue fills in pages, loaders and integrations.
import node from '@astrojs/node'
import { defineConfig } from 'astro/config'

export default defineConfig({
  srcDir: './site',
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321, host: true },
})
