import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * The CMS's REST and GraphQL APIs over real HTTP (Payload's own route handlers, as the Next app mounts them),
 * without building the admin: what the site server talks to.
 */
export async function startCmsHttp(): Promise<{ url: string; close: () => Promise<void> }> {
  const { default: config } = await import('../../../../cms/payload.config')
  const handlers: Record<string, Handler> = {
    GET: REST_GET(config) as Handler,
    POST: REST_POST(config) as Handler,
    PATCH: REST_PATCH(config) as Handler,
    DELETE: REST_DELETE(config) as Handler,
  }
  const graphql = GRAPHQL_POST(config) as (request: Request) => Promise<Response>
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const handler = handlers[req.method ?? 'GET']
    if (!handler || !url.pathname.startsWith('/api/')) {
      res.writeHead(404).end()
      return
    }
    const request = new Request(url, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
      body: chunks.length && req.method !== 'GET' ? Buffer.concat(chunks) : undefined,
    })
    const response =
      url.pathname === '/api/graphql' && req.method === 'POST'
        ? await graphql(request)
        : await handler(request, {
            params: Promise.resolve({
              slug: url.pathname
                .replace(/^\/api\//, '')
                .split('/')
                .filter(Boolean),
            }),
          })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}
