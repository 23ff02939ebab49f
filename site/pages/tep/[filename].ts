import type { APIRoute } from 'astro'
import { getLibrary } from '../../lib/library'
import { serveUpload } from '../../lib/uploads'

// Public originals, served from the site's own copy: downloads work while the CMS is down.
export const prerender = false

export const GET: APIRoute = async ({ params, request }) => {
  const file = (await getLibrary()).fileByName.get(params.filename ?? '')
  if (!file) return new Response(null, { status: 404 })
  return serveUpload(request, 'files', file.filename, file.mimeType, file.filename)
}
