/** The site's cookies of a member's sign-in (site/lib/members/session.ts sets them, the header's script reads the flag). */
export const SESSION_COOKIE = 'sotay_phien'
export const SIGNED_IN_FLAG = 'sotay_dv'
