import type { PayloadRequest } from 'payload'

/**
 * The request body as an object: JSON, or a URL-encoded form (what mail apps POST for one-click).
 * An empty body is an empty object; a body that is neither (broken JSON, another type) is null.
 */
export async function readBody(req: PayloadRequest): Promise<Record<string, unknown> | null> {
  const type = req.headers.get('content-type') ?? ''
  const raw = typeof req.text === 'function' ? await req.text().catch(() => '') : ''
  if (!raw) return {}
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw)
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
    } catch {
      return null
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw))
  return null
}

export const noStore = { 'Cache-Control': 'no-store' }
