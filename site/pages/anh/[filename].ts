import type { APIRoute } from 'astro'
import { getLibrary } from '../../lib/library'
import { serveUpload } from '../../lib/uploads'

// Public images and Payload's resized copies of them, served from the site's own copy.
export const prerender = false

export const GET: APIRoute = async ({ params, request }) => {
  const filename = params.filename ?? ''
  const media = (await getLibrary()).mediaByFilename.get(filename)
  const image = media && [media.original, ...Object.values(media.sizes)].find((s) => s.filename === filename)
  if (!image) return new Response(null, { status: 404 })
  return serveUpload(request, 'media', image.filename, image.mimeType)
}
