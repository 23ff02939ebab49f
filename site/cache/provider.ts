import { parseSiteEnv } from '../../core/env/site'
import memoryProvider from 'astro/cache/memory'
import type { CacheProvider, CacheProviderFactory } from 'astro'
import { conditionalResponse, negotiateEncoding } from '../lib/httpEncoding'
import { onLibraryChange, refreshLibrary } from '../lib/library'
import { isMemberPath } from '../../core/urls'

/**
 * Astro's in-memory route cache, told about library changes. Before any cached page is looked up,
 * the library takes in what the store committed since the last request and invalidates the tags of
 * the pages that change touched (site/lib/cacheTags.ts). So a publish is visible on the next
 * request, and nothing else leaves the cache.
 *
 * Pages are stored compressed (site/middleware.ts compresses before the cache stores) and vary on
 * Accept-Encoding. The memory provider keys variants by the request's header as sent, and browsers
 * spell it many ways, so it is shown the negotiated coding instead: at most three copies of a page
 * (br, gzip, plain). Answers the client already holds become 304s, from the cache as from a render.
 */
const provider: CacheProviderFactory<{ max?: number }> = (config) => {
  // Read when the server starts (the config object was fixed at build time).
  const max = parseSiteEnv().SITE_CACHE_PAGES || config?.max || 5000
  const inner = (memoryProvider as CacheProviderFactory)({ ...config, max }) as CacheProvider & { onRequest: NonNullable<CacheProvider['onRequest']> }
  // The memory provider's invalidate does its work synchronously, before this returns.
  onLibraryChange((tags) => void inner.invalidate({ tags }))
  return {
    name: 'library',
    async onRequest(context, next) {
      refreshLibrary()
      const { request } = context
      // The members' area never meets the shared cache, whatever a page sets: the cache key below
      // drops cookies, so a cached member page would be served to the next reader.
      if (isMemberPath(new URL(request.url).pathname)) return next()
      const keyed =
        request.method === 'GET'
          ? new Request(request.url, { headers: { 'Accept-Encoding': negotiateEncoding(request.headers.get('Accept-Encoding')) } })
          : request
      const response = await inner.onRequest({ ...context, request: keyed }, next)
      return conditionalResponse(request, response) ?? response
    },
    invalidate: (options) => inner.invalidate(options),
  }
}

export default provider
