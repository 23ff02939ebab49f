import type { SanitizedConfig } from 'payload'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST, GRAPHQL_POST } from '@payloadcms/next/routes'

type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * Calls Payload's real REST and GraphQL route handlers (the ones the Next app mounts under /api)
 * with real Request objects, without starting an HTTP server.
 */
export function restClient(config: Promise<SanitizedConfig> | SanitizedConfig, base = 'http://localhost:3000') {
  const handlers: Record<string, Handler> = {
    GET: REST_GET(config) as Handler,
    POST: REST_POST(config) as Handler,
    PATCH: REST_PATCH(config) as Handler,
    DELETE: REST_DELETE(config) as Handler,
  }
  const graphql = GRAPHQL_POST(config) as (request: Request) => Promise<Response>

  async function call(method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
    const url = new URL(`/api${path}`, base)
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
    if (options.token) headers.authorization = `JWT ${options.token}`
    const request = new Request(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const slug = url.pathname
      .replace(/^\/api\//, '')
      .split('/')
      .filter(Boolean)
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: response.status, json, text, headers: response.headers }
  }

  return {
    get: (path: string, token?: string) => call('GET', path, { token }),
    post: (path: string, body: unknown, token?: string, headers?: Record<string, string>) => call('POST', path, { body, token, headers }),
    patch: (path: string, body: unknown, token?: string) => call('PATCH', path, { body, token }),
    delete: (path: string, token?: string) => call('DELETE', path, { token }),
    async login(email: string, password: string, collection: 'users' | 'members' = 'users'): Promise<string> {
      const res = await call('POST', `/${collection}/login`, { body: { email, password } })
      if (res.status !== 200 || !res.json?.token) throw new Error(`login failed for ${email}: ${res.status} ${res.text}`)
      return res.json.token as string
    },
    async graphql(query: string, token?: string) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (token) headers.authorization = `JWT ${token}`
      const response = await graphql(new Request(new URL('/api/graphql', base), { method: 'POST', headers, body: JSON.stringify({ query }) }))
      return { status: response.status, json: (await response.json()) as any }
    },
  }
}
