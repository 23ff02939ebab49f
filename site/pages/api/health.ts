import type { APIRoute } from 'astro'
import { getLibrary } from '../../lib/library'

// For load balancers and the container health check: the server answers and its library is loaded.
export const prerender = false

export const GET: APIRoute = async () => {
  const lib = await getLibrary()
  return new Response(JSON.stringify({ status: 'ok', documents: lib.documents.length, news: lib.news.length, topics: lib.topics.length }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
