/**
 * The site server: `node dist/server/serve.mjs` (built from this file by site/integrations/serving.ts).
 * Files of the build (dist/client: /_astro/ bundles, icons, the service worker) are answered by sirv
 * from an index made at start, with the Brotli or gzip copy written at build time, an ETag and long
 * caching for the hashed /_astro/ files; everything else goes to Astro's handler (@astrojs/node in
 * middleware mode), which renders pages on demand and keeps them in the route cache, compressed.
 *
 * Environment: HOST (default 0.0.0.0), PORT (default 4321).
 */
import http from 'node:http'
import type { Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>

// Imported by URL so that this file type-checks before Astro has written entry.mjs next to it.
const { handler } = (await import(new URL('./entry.mjs', import.meta.url).href)) as { handler: NodeHandler }
const clientDir = fileURLToPath(new URL('../client/', import.meta.url))

const files = sirv(clientDir, {
  dev: false,
  etag: true,
  brotli: true,
  gzip: true,
  // Only exact file names: a page URL never maps to a file.
  extensions: [],
  setHeaders(res, pathname) {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (pathname.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
    // The browser checks for a new service worker on each visit; icons and the like rarely change.
    else if (pathname === '/sw.js') res.setHeader('Cache-Control', 'no-cache')
    else res.setHeader('Cache-Control', 'public, max-age=86400')
  },
})

const server = http.createServer((req, res) => {
  try {
    decodeURI(req.url ?? '/')
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Địa chỉ không hợp lệ.')
    return
  }
  files(req, res, () => void handler(req, res))
})
lingerBeforeClosing(server)
// Longer than the front server keeps idle connections to us (nginx: 60 s), so it never reuses one
// we are closing at that moment.
server.keepAliveTimeout = 65_000
server.headersTimeout = 66_000

/**
 * Lingering close, as nginx does it: a refused body (405, or over the size limit) is answered before
 * it has all arrived, and closing the socket at once resets the connection while the client is still
 * sending; most clients then lose the answer. So the server half-closes after the answer, reads and
 * drops whatever the client still sends, and closes when the client does or after LINGER_MS.
 * Node's HTTP server closes a `Connection: close` socket through `socket.destroySoon()`.
 */
const LINGER_MS = 5_000
function lingerBeforeClosing(server: http.Server) {
  server.on('connection', (socket: Socket & { destroySoon?: () => void }) => {
    socket.destroySoon = function lingeringClose(this: Socket) {
      this.end()
      this.resume()
      const timer = setTimeout(() => this.destroy(), LINGER_MS)
      timer.unref()
      this.once('end', () => this.destroy())
      this.once('close', () => clearTimeout(timer))
    }
  })
}

const port = Number(process.env.PORT) || 4321
const host = process.env.HOST || '0.0.0.0'
server.listen(port, host, () => console.log(`Sổ tay site server listening on http://${host}:${port}`))

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
