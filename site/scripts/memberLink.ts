import { SIGNED_IN_FLAG } from '../../core/members/cookies'
import { MY_URL } from '../../core/urls'

/**
 * On a signed-in member's browser the header's "Đăng nhập" becomes "Của tôi". The flag cookie only
 * says a sign-in happened here; the members' pages check the real session with the CMS.
 */
export function showMemberLink(): void {
  if (!document.cookie.split(';').some((c) => c.trim() === `${SIGNED_IN_FLAG}=1`)) return
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-member-link]')) {
    link.href = MY_URL
    link.textContent = 'Của tôi'
  }
}
