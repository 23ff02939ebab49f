import { defineMiddleware } from 'astro/middleware'
import { isMemberPath } from '../core/urls'
import { bodyLimit, readBodyWithin } from './lib/bodyLimits'
import { encodeResponse, negotiateEncoding } from './lib/httpEncoding'
import { refreshLibrary } from './lib/library'
import { SECURITY_HEADERS } from './lib/securityHeaders'

/** The only routes that take a POST: the subscription pages' and the members' forms. Everything else is read-only. */
const FORM_ROUTE = /^\/(nhan-thong-bao|dang-nhap|dang-xuat|kich-hoat|quen-mat-khau|dat-lai-mat-khau|ca-nhan)(\/|$)/
const READ_METHODS = new Set(['GET', 'HEAD'])

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...extra } })

/** Reads a request's body to its end, keeping none of it; false when it was over the route's limit. */
async function discardBody(request: Request, limit: number): Promise<boolean> {
  try {
    await readBodyWithin(request, limit)
    return true
  } catch {
    return false
  }
}

/**
 * Every on-demand response carries the security headers (site/lib/securityHeaders.ts; the
 * Content-Security-Policy itself comes from Astro's `security.csp`, with hashes of the page's own
 * scripts and styles). They are set, and the body compressed, before the route cache stores a page,
 * so a cached answer carries them and its compressed bytes: a hit costs no compression
 * (site/cache/provider.ts keys the cache by coding).
 */
export const onRequest = defineMiddleware(async ({ request, url }, next) => {
  // Refused before any route runs; a body sent without a length is cut at the same size when a
  // route reads it (site/lib/readForm.ts).
  if (Number(request.headers.get('content-length') ?? 0) > bodyLimit(url.pathname)) return plain(413, 'Yêu cầu quá lớn.', { Connection: 'close' })
  const form = FORM_ROUTE.test(url.pathname)
  if (!READ_METHODS.has(request.method) && !(form && request.method === 'POST')) {
    // Answering before the body is read resets the connection while the client is still sending,
    // and most clients then lose the answer: read (and drop) up to the size any route accepts, as
    // the 413 path does. Beyond that the adapter stops reading and the connection is closed.
    const drained = await discardBody(request, bodyLimit(url.pathname))
    return plain(405, 'Trang này chỉ để xem; không nhận dữ liệu gửi lên.', {
      Allow: form ? 'GET, HEAD, POST' : 'GET, HEAD',
      ...(drained ? {} : { Connection: 'close' }),
    })
  }
  // The route cache's provider already did this for cached routes; in `astro dev` (no route cache)
  // this is what keeps the library current. Whoever refreshes, the cache hears of the change.
  refreshLibrary()
  const response = await next()
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value)
  // A refused body may still sit unread on the connection: close it rather than let the client
  // reuse a socket the server is about to reset.
  if (request.body && (!request.bodyUsed || response.status === 413)) response.headers.set('Connection', 'close')
  // A member's answer is theirs alone: no shared cache (proxy, the route cache) may keep it, and a
  // browser keeps it only while showing it.
  if (isMemberPath(url.pathname)) {
    response.headers.set('Cache-Control', 'private, no-store')
    response.headers.set('Vary', 'Cookie')
  }
  // Pages change when the library does: browsers and proxies revalidate instead of keeping a copy.
  if (!response.headers.has('Cache-Control') && (response.headers.get('Content-Type') ?? '').startsWith('text/html')) {
    response.headers.set('Cache-Control', 'no-cache')
  }
  // Astro labels pages "text/html"; browsers then rely on the <meta charset>, found only after sniffing.
  if (response.headers.get('Content-Type') === 'text/html') response.headers.set('Content-Type', 'text/html; charset=utf-8')
  return encodeResponse(response, negotiateEncoding(request.headers.get('Accept-Encoding')))
})
