import type { APIRoute } from 'astro'
import { SIGN_IN_URL } from '../../../../core/urls'
import { memberFile } from '../../../lib/members/cms'
import { sessionToken } from '../../../lib/members/session'

// Members-only originals are never copied to the site: each download is streamed from the CMS as the
// member, so the CMS's file rule (access/readUpload.ts) decides, and a withdrawn file is gone at once.
export const prerender = false

const PASSED_ON = ['content-type', 'content-length', 'content-range', 'accept-ranges', 'last-modified', 'etag']

export const GET: APIRoute = async ({ params, request, url }) => {
  const token = sessionToken(request)
  if (!token) return new Response(null, { status: 303, headers: { Location: `${SIGN_IN_URL}?tiep=${encodeURIComponent(url.pathname)}` } })
  const filename = params.filename ?? ''
  const upstream = await memberFile(token, filename, request.headers.get('range'))
  if (!upstream) return new Response('Hệ thống đang bận. Xin thử lại sau ít phút.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  if (upstream.status !== 200 && upstream.status !== 206) {
    await upstream.body?.cancel()
    return new Response('Không tìm thấy tệp, hoặc đồng chí không có quyền tải tệp này.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const headers = new Headers({ 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}` })
  for (const name of PASSED_ON) {
    const value = upstream.headers.get(name)
    if (value) headers.set(name, value)
  }
  return new Response(upstream.body, { status: upstream.status, headers })
}
