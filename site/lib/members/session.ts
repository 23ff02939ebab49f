import { parseSiteEnv } from '../../../core/env/site'
import { SESSION_COOKIE, SIGNED_IN_FLAG } from '../../../core/members/cookies'

/**
 * A member's sign-in as the site keeps it: the CMS's token in an HttpOnly cookie, sent back to the
 * CMS with every members' page (the CMS checks it, its session and the account's status each time,
 * so signing out, a new password or a locked account ends it at once). The site holds no secret of
 * its own. A second, readable cookie only tells the pages' script to show "Của tôi" instead of
 * "Đăng nhập" in the header of cached public pages; it grants nothing.
 */
/** "Remember this device": as long as the CMS token lives (Members.auth.tokenExpiration). */
export const REMEMBER_SECONDS = 90 * 24 * 60 * 60

const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/

export function sessionToken(request: Request): string | null {
  const header = request.headers.get('cookie') ?? ''
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) {
      const value = rest.join('=')
      return TOKEN.test(value) && value.length < 4096 ? value : null
    }
  }
  return null
}

const secure = () => ((parseSiteEnv().SITE_URL ?? '').startsWith('https://') ? '; Secure' : '')

/** Set-Cookie values that sign a member in: for the browser session, or for 90 days when remembered. */
export function signInCookies(token: string, remember: boolean): string[] {
  const age = remember ? `; Max-Age=${REMEMBER_SECONDS}` : ''
  return [`${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure()}${age}`, `${SIGNED_IN_FLAG}=1; Path=/; SameSite=Lax${secure()}${age}`]
}

export function signOutCookies(): string[] {
  return [`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax${secure()}; Max-Age=0`, `${SIGNED_IN_FLAG}=; Path=/; SameSite=Lax${secure()}; Max-Age=0`]
}
