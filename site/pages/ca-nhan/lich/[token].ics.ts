import type { APIRoute } from 'astro'
import { calendarFile } from '../../../lib/members/cms'

// A member's private calendar of meetings, subscribed to by a calendar app (which cannot sign in):
// the token is the feed's, checked by the CMS on every read and replaced from "Của tôi".
export const prerender = false

export const GET: APIRoute = async ({ params }) => calendarFile(`/calendar/${encodeURIComponent(params.token ?? '')}`)
