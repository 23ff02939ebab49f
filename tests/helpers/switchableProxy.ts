/**
 * A loopback HTTP proxy in front of the test site whose "network" a test can cut: while `online`
 * is false every request fails as a dropped connection, which is what a phone without signal
 * gives the browser and its service worker alike. `rewrite` lets a test change what the server
 * answers for one path (a header the members area will send, a withdrawn page, a newer text).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Answer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

export interface SwitchableProxy {
  url: string
  online: boolean
  /** Paths answered so far (to tell what the browser fetched from the network). */
  requested: string[]
  rewrite: Map<string, (answer: Answer) => Answer>
  close: () => Promise<void>
}

export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const proxy: Omit<SwitchableProxy, 'url' | 'close'> = { online: true, requested: [], rewrite: new Map() }
  const server = http.createServer(async (req, res) => {
    if (!proxy.online) {
      req.socket.destroy()
      return
    }
    const path = req.url ?? '/'
    proxy.requested.push(path)
    const rewrite = proxy.rewrite.get(new URL(path, target).pathname)
    if (!rewrite) {
      // Untouched: the bytes as the site sent them (compressed or not), piped both ways.
      const forward = http.request(new URL(path, target), { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (upstream) => {
        res.writeHead(upstream.statusCode!, upstream.headers)
        upstream.pipe(res)
      })
      forward.on('error', () => res.writeHead(502).end())
      req.pipe(forward)
      return
    }
    const headers = { ...req.headers } as Record<string, string>
    delete headers.host
    // The body is read whole (rewrites need it), so ask for it plain; the browser gets it plain.
    delete headers['accept-encoding']
    // A rewritten answer is a different representation: never a 304 for the original's validators.
    for (const name of ['if-none-match', 'if-modified-since']) delete headers[name]
    try {
      const upstream = await fetch(new URL(path, target), { method: req.method, headers, redirect: 'manual' })
      let answer: Answer = { status: upstream.status, headers: Object.fromEntries(upstream.headers), body: Buffer.from(await upstream.arrayBuffer()) }
      answer = rewrite(answer)
      delete answer.headers.etag
      delete answer.headers['last-modified']
      delete answer.headers['content-encoding']
      delete answer.headers['transfer-encoding']
      answer.headers['content-length'] = String(answer.body.length)
      res.writeHead(answer.status, answer.headers).end(req.method === 'HEAD' ? undefined : answer.body)
    } catch {
      res.writeHead(502).end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}
