import type { APIRoute } from 'astro'
import { SIGN_IN_URL } from '../../../../../core/urls'
import { calendarFile } from '../../../../lib/members/cms'
import { sessionToken } from '../../../../lib/members/session'

// One meeting for the member's calendar app, checked by the CMS like the announcement itself.
export const prerender = false

export const GET: APIRoute = async ({ params, request, url }) => {
  const token = sessionToken(request)
  if (!token) return new Response(null, { status: 303, headers: { Location: `${SIGN_IN_URL}?tiep=${encodeURIComponent(url.pathname)}` } })
  return calendarFile(`/meetings/${encodeURIComponent(params.slug ?? '')}/ics`, token)
}
