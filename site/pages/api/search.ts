import type { APIRoute } from 'astro'
import { runSearch } from '../../lib/search'

export const prerender = false

/** GET /api/search?q=&kind=&type=&issuer=&level=&year=&field=&status=&page=&limit= → JSON (see search/contract.ts). */
export const GET: APIRoute = async ({ url }) => {
  const outcome = await runSearch(url.searchParams)
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': outcome.ok ? 'public, max-age=30' : 'no-store' }
  if (!outcome.ok) return new Response(JSON.stringify({ error: outcome.message, parameter: outcome.parameter ?? null }), { status: outcome.status, headers })
  return new Response(JSON.stringify(outcome.result), { status: 200, headers })
}
