import { createHash } from 'node:crypto'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

/**
 * Compression and validators for the site server's own answers (pages, feeds, sitemaps, JSON).
 * The files under /_astro/ are compressed once at build time (site/integrations/serving.ts).
 */
export type Encoding = 'br' | 'gzip' | 'identity'

/** Bodies shorter than this fit in one packet either way; compressing them only costs CPU. */
export const MIN_COMPRESS_BYTES = 512

const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|manifest\+json|javascript)|image\/svg\+xml)/i

export const isCompressible = (contentType: string | null): boolean => COMPRESSIBLE.test(contentType ?? '')

/**
 * The coding to send for an Accept-Encoding header: Brotli when accepted, else gzip, else none.
 * Weights other than 0 are not ranked: every browser that sends both prefers Brotli's smaller bytes.
 */
export function negotiateEncoding(header: string | null | undefined): Encoding {
  if (!header) return 'identity'
  const accepted = new Map<string, boolean>()
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim())
    const q = params.find((p) => p.startsWith('q='))
    accepted.set(name === 'x-gzip' ? 'gzip' : name, q === undefined || Number(q.slice(2)) > 0)
  }
  // "*" stands for every coding the header does not name.
  const allows = (coding: string) => accepted.get(coding) ?? accepted.get('*') ?? false
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : 'identity'
}

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/**
 * Quality 6 / level 6: a 12 KB document page costs ~0.5 ms and comes out 4.3 KB (Brotli) or 4.6 KB
 * (gzip); Brotli 11 would save another 10 % for ~40 ms, which a reader waiting for an uncached
 * page would feel. Runs on libuv's thread pool, off the event loop.
 */
export function compress(bytes: Uint8Array, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(bytes, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        },
      })
    : gzip(bytes, { level: 6 })
}

/**
 * A weak validator of the uncompressed bytes: the Brotli, gzip and plain bodies of one page are the
 * same content, so one tag serves all three (If-None-Match uses the weak comparison).
 */
export const contentTag = (bytes: Uint8Array): string => `W/"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`

function appendVary(headers: Headers, name: string): void {
  const vary = headers.get('Vary')
  if (!vary) headers.set('Vary', name)
  else if (!vary.split(',').some((v) => v.trim().toLowerCase() === name.toLowerCase() || v.trim() === '*')) headers.set('Vary', `${vary}, ${name}`)
}

/** A copy of the response with a new body; symbol-keyed state (Astro keeps cookies there) goes along. */
function withBody(response: Response, body: BodyInit | null, headers: Headers): Response {
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers })
  for (const key of Object.getOwnPropertySymbols(response))
    (copy as unknown as Record<symbol, unknown>)[key] = (response as unknown as Record<symbol, unknown>)[key]
  return copy
}

/**
 * The response's body compressed with `encoding`, `Vary: Accept-Encoding`, an exact Content-Length
 * and (for a 200 without one) an ETag. Anything that is not text, already encoded or has no body
 * is returned as it is.
 */
export async function encodeResponse(response: Response, encoding: Encoding): Promise<Response> {
  if (!response.body || response.headers.has('Content-Encoding') || !isCompressible(response.headers.get('Content-Type'))) return response
  const headers = new Headers(response.headers)
  appendVary(headers, 'Accept-Encoding')
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (response.status === 200 && !headers.has('ETag')) headers.set('ETag', contentTag(bytes))
  let body: Uint8Array = bytes
  if (encoding !== 'identity' && bytes.length >= MIN_COMPRESS_BYTES) {
    body = await compress(bytes, encoding)
    headers.set('Content-Encoding', encoding)
  }
  headers.set('Content-Length', String(body.length))
  return withBody(response, body as Uint8Array<ArrayBuffer>, headers)
}

/** Weak comparison of an If-None-Match list with an entity tag (RFC 9110, 13.1.2). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  const mine = opaque(etag)
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === mine)
}

/** Whether the client's copy is current: If-None-Match first, If-Modified-Since only without it. */
export function isNotModified(request: Request, validators: { etag?: string | null; lastModified?: string | null }): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const ifNoneMatch = request.headers.get('If-None-Match')
  if (ifNoneMatch !== null) return Boolean(validators.etag) && etagMatches(ifNoneMatch, validators.etag!)
  const since = Date.parse(request.headers.get('If-Modified-Since') ?? '')
  const modified = Date.parse(validators.lastModified ?? '')
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since
}

/** Headers a 304 keeps from the 200 it stands for (RFC 9110, 15.4.5), plus the security headers. */
const NOT_FOR_304 = new Set(['content-length', 'content-encoding', 'content-type', 'content-disposition', 'transfer-encoding'])

export function notModifiedResponse(headers: Headers): Response {
  const kept = new Headers()
  headers.forEach((value, name) => {
    if (!NOT_FOR_304.has(name.toLowerCase())) kept.set(name, value)
  })
  return new Response(null, { status: 304, headers: kept })
}

/** A 304 in place of a 200 the client already holds, or null. */
export function conditionalResponse(request: Request, response: Response): Response | null {
  if (response.status !== 200) return null
  if (!isNotModified(request, { etag: response.headers.get('ETag'), lastModified: response.headers.get('Last-Modified') })) return null
  void response.body?.cancel()
  return notModifiedResponse(response.headers)
}
