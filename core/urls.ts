/**
 * The one map of the public site's URLs. Pages, feeds, the sitemap, search items, mail and the
 * CMS's rich text all build links here, so a URL changes in one place. Paths only (the site's
 * origin comes from SITE_URL where an absolute URL is needed: `absoluteUrl`).
 */
import type { Validity } from './vocabulary'

const segment = (value: string) => encodeURIComponent(value)

export const HOME_URL = '/'
export const LIBRARY_URL = '/van-ban/'
export const NEWS_LIST_URL = '/tin-tuc/'
export const TOPIC_LIST_URL = '/chuyen-de/'
export const SEARCH_URL = '/tim-kiem'
export const SUBSCRIBE_URL = '/nhan-thong-bao/'
export const DOCUMENT_FEED_URL = '/van-ban/rss.xml'
export const NEWS_FEED_URL = '/tin-tuc/rss.xml'

export const documentUrl = (slug: string): string => `/van-ban/${segment(slug)}/`
export const newsUrl = (slug: string): string => `/tin-tuc/${segment(slug)}/`
export const topicUrl = (slug: string): string => `/chuyen-de/${segment(slug)}/`

/** The single-facet listings of the library: /van-ban/loai/nghi-quyet/ … */
export type FacetKey = 'loai' | 'co-quan' | 'cap' | 'nam' | 'linh-vuc' | 'hieu-luc'
export const facetUrl = (key: FacetKey, value: string): string => `/van-ban/${key}/${segment(value)}/`

/** Validity statuses as they appear in URLs (Vietnamese words, not the stored values). */
export const VALIDITY_URL_SLUGS: Record<Validity, string> = { 'in-force': 'con-hieu-luc', expired: 'het-hieu-luc', superseded: 'bi-thay-the' }
export const validityUrl = (status: Validity): string => facetUrl('hieu-luc', VALIDITY_URL_SLUGS[status])

/** Page n (from 1) of a paginated listing whose first page is `base` (ending in "/"). */
export const pageUrl = (base: string, page: number): string => (page <= 1 ? base : `${base}trang/${page}/`)

/** The site's own copies of public uploads: originals (PDF, DOCX) and images. */
export const fileUrl = (filename: string): string => `/tep/${segment(filename)}`
export const imageUrl = (filename: string): string => `/anh/${segment(filename)}`

/** The page of a CMS record that has one, by collection; null for collections without pages. */
export function recordUrl(collection: string, slug: string): string | null {
  if (collection === 'documents') return documentUrl(slug)
  if (collection === 'news') return newsUrl(slug)
  if (collection === 'topics') return topicUrl(slug)
  return null
}

/** The members' area: signed-in pages, rendered per request and never cached for another reader. */
export const SIGN_IN_URL = '/dang-nhap/'
export const SIGN_OUT_URL = '/dang-xuat/'
export const ACTIVATE_URL = '/kich-hoat/'
export const FORGOT_PASSWORD_URL = '/quen-mat-khau/'
export const RESET_PASSWORD_URL = '/dat-lai-mat-khau/'
export const MY_URL = '/ca-nhan/'
export const MY_LIBRARY_URL = '/ca-nhan/van-ban/'
export const MY_SEARCH_URL = '/ca-nhan/tim-kiem'
export const myDocumentUrl = (slug: string): string => `/ca-nhan/van-ban/${segment(slug)}/`
export const myAnnouncementUrl = (slug: string): string => `/ca-nhan/thong-bao/${segment(slug)}/`
export const myNewsUrl = (slug: string): string => `/ca-nhan/tin-tuc/${segment(slug)}/`
export const myTopicUrl = (slug: string): string => `/ca-nhan/chuyen-de/${segment(slug)}/`
/** Study: campaigns due, points and rankings; reading marks and quiz answers are POSTed to these. */
export const MY_STUDY_URL = '/ca-nhan/hoc-tap/'
export const MY_RANKING_URL = '/ca-nhan/hoc-tap/xep-hang/'
export const MY_READ_MARK_URL = '/ca-nhan/hoc-tap/da-doc'
export const myQuizUrl = (slug: string): string => `/ca-nhan/chuyen-de/${segment(slug)}/lam-bai`
/** Members-only originals, streamed per request after the CMS checks the reader. */
export const myFileUrl = (filename: string): string => `/ca-nhan/tep/${segment(filename)}`
/** Questions to the committee: ask, read the answers, the FAQ for members. */
export const MY_QUESTIONS_URL = '/ca-nhan/hoi-dap/'
/** One meeting as an iCalendar file (for the member's calendar app). */
export const myMeetingCalendarUrl = (slug: string): string => `/ca-nhan/thong-bao/${segment(slug)}/lich.ics`
/** A member's private calendar of meetings: the same revocable token as the feed. */
export const memberCalendarUrl = (token: string): string => `/ca-nhan/lich/${segment(token)}.ics`
/** A member's private feed: the token is the only credential, revocable from "Của tôi". */
export const memberFeedUrl = (token: string): string => `/ca-nhan/rss/${segment(token)}.xml`
/** The activation link mailed to a member (the token rides in the query, never in a log-friendly path). */
export const activationLinkUrl = (token: string): string => `${ACTIVATE_URL}?token=${encodeURIComponent(token)}`
export const resetPasswordLinkUrl = (token: string): string => `${RESET_PASSWORD_URL}?token=${encodeURIComponent(token)}`

/**
 * The pages that depend on who is signed in (and the forms that sign in): rendered per request,
 * never kept by the shared route cache, answered `Cache-Control: private, no-store`.
 */
export const MEMBER_AREA = /^\/(ca-nhan|dang-nhap|dang-xuat|kich-hoat|quen-mat-khau|dat-lai-mat-khau)(\/|$)/
export const isMemberPath = (pathname: string): boolean => MEMBER_AREA.test(pathname)

/** A member's page of a non-public record, by collection; public records keep their public pages. */
export function memberRecordUrl(collection: string, slug: string): string | null {
  if (collection === 'documents') return myDocumentUrl(slug)
  if (collection === 'announcements') return myAnnouncementUrl(slug)
  if (collection === 'news') return myNewsUrl(slug)
  if (collection === 'topics') return myTopicUrl(slug)
  return null
}

/** An absolute URL on the site (mail, feeds, Open Graph): `siteUrl` without a trailing slash. */
export const absoluteUrl = (siteUrl: string, path: string): string => `${siteUrl.replace(/\/+$/, '')}${path}`
