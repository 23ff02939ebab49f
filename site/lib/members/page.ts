import type { AstroGlobal } from 'astro'
import { MEMBERS_UNREACHABLE } from '../../../core/members/messages'
import { SIGN_IN_URL } from '../../../core/urls'
import type { MemberReader } from '../../../library/members'
import { reader } from './cms'
import { sessionToken, signOutCookies } from './session'

export type MemberContext = { ok: true; token: string; reader: MemberReader } | { ok: false; response: Response }

/** Only paths of the members' area are carried through sign-in (never an address elsewhere). */
export const safeNext = (value: string | null | undefined): string =>
  typeof value === 'string' && /^\/ca-nhan(\/[^\s\\]*)?$/.test(value) && !value.startsWith('//') ? value : '/ca-nhan/'

/**
 * The signed-in member of a members' page, checked with the CMS on every request; otherwise the
 * answer to send instead: the sign-in page (coming back here after), or "try again later" when the
 * CMS cannot be reached — never a page with another reader's content.
 */
export async function signedInMember(Astro: AstroGlobal): Promise<MemberContext> {
  const back = `${SIGN_IN_URL}?tiep=${encodeURIComponent(Astro.url.pathname + Astro.url.search)}`
  const token = sessionToken(Astro.request)
  if (!token) return { ok: false, response: redirect(back) }
  const who = await reader(token)
  if (who.ok) return { ok: true, token, reader: who.value }
  if (who.status === 401 || who.status === 403) return { ok: false, response: redirect(back, signOutCookies()) }
  return {
    ok: false,
    response: new Response(MEMBERS_UNREACHABLE, { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '60' } }),
  }
}

export function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location })
  for (const cookie of cookies) headers.append('Set-Cookie', cookie)
  return new Response(null, { status: 303, headers })
}
