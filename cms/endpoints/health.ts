import type { Endpoint } from 'payload'

/**
 * GET /api/health: 200 when the CMS answers and its database does (one cheap count), 503
 * otherwise. For container health checks and load balancers; it says nothing about content.
 */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    try {
      await req.payload.db.count({ collection: 'users', req })
      return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } })
    } catch {
      return Response.json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } })
    }
  },
}
