import { defineMiddleware } from 'astro/middleware'
import { refreshLibrary } from './lib/library'

/**
 * Headers every on-demand response carries (the Content-Security-Policy itself comes from Astro's
 * `security.csp`, with hashes of the page's own scripts and styles). They are set before the route
 * cache stores a page, so cached answers carry them too.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
}

/** The largest request body any route accepts (the subscription form is well under 4 KB). */
export const MAX_BODY_BYTES = 64 * 1024

/** The only routes that take a POST: the subscription pages' forms. Everything else is read-only. */
const FORM_ROUTE = /^\/nhan-thong-bao(\/|$)/
const READ_METHODS = new Set(['GET', 'HEAD'])

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...extra } })

export const onRequest = defineMiddleware(async ({ request, url }, next) => {
  // Refused before any route runs; a body sent without a length is cut at the same size by the
  // adapter (bodySizeLimit in astro.config.mjs) when a route reads it (site/lib/readForm.ts).
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return plain(413, 'Yêu cầu quá lớn.', { Connection: 'close' })
  const form = FORM_ROUTE.test(url.pathname)
  if (!READ_METHODS.has(request.method) && !(form && request.method === 'POST')) {
    return plain(405, 'Trang này chỉ để xem; không nhận dữ liệu gửi lên.', { Allow: form ? 'GET, HEAD, POST' : 'GET, HEAD', ...(request.body ? { Connection: 'close' } : {}) })
  }
  // The route cache's provider already did this for cached routes; in `astro dev` (no route cache)
  // this is what keeps the library current. Whoever refreshes, the cache hears of the change.
  refreshLibrary()
  const response = await next()
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value)
  // A refused body may still sit unread on the connection: close it rather than let the client
  // reuse a socket the server is about to reset.
  if (request.body && (!request.bodyUsed || response.status === 413)) response.headers.set('Connection', 'close')
  // Pages change when the library does: browsers and proxies revalidate instead of keeping a copy.
  if (!response.headers.has('Cache-Control') && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
    response.headers.set('Cache-Control', 'no-cache')
  }
  return response
})
