import type { APIRoute } from 'astro'
import { getLibrary, libraryStatus, refreshLibrary } from '../../lib/library'

export const prerender = false

/**
 * For load balancers and the container health check: 200 when the library serves the store's
 * latest committed state (or caught up with it just now), 503 when it cannot catch up — the last
 * good library keeps serving pages meanwhile, and the body says why.
 */
export const GET: APIRoute = async () => {
  let status = libraryStatus()
  // A sync may commit between the middleware's refresh and this read: look once more before judging.
  if (status.behind > 0 || status.failure) {
    refreshLibrary()
    status = libraryStatus()
  }
  const lib = await getLibrary()
  const ok = status.behind === 0 && !status.failure
  const body = {
    status: ok ? 'ok' : 'behind',
    documents: lib.documents.length,
    news: lib.news.length,
    topics: lib.topics.length,
    position: status.position,
    store: status.store,
    behind: status.behind,
    ...(status.failure ? { error: status.failure } : {}),
  }
  return new Response(JSON.stringify(body), {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
