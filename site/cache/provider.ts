import memoryProvider from 'astro/cache/memory'
import type { CacheProvider, CacheProviderFactory } from 'astro'
import { onLibraryChange, refreshLibrary } from '../lib/library'

/**
 * Astro's in-memory route cache, told about library changes. Before any cached page is looked up,
 * the library takes in what the store committed since the last request and invalidates the tags of
 * the pages that change touched (site/lib/cacheTags.ts). So a publish is visible on the next
 * request, and nothing else leaves the cache.
 */
const provider: CacheProviderFactory<{ max?: number }> = (config) => {
  // Read when the server starts (the config object was fixed at build time).
  const max = Number(process.env.SITE_CACHE_PAGES) || config?.max || 5000
  const inner = (memoryProvider as CacheProviderFactory)({ ...config, max }) as CacheProvider & { onRequest: NonNullable<CacheProvider['onRequest']> }
  // The memory provider's invalidate does its work synchronously, before this returns.
  onLibraryChange((tags) => void inner.invalidate({ tags }))
  return {
    name: 'library',
    onRequest(context, next) {
      refreshLibrary()
      return inner.onRequest(context, next)
    },
    invalidate: (options) => inner.invalidate(options),
  }
}

export default provider
