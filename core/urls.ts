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

/** An absolute URL on the site (mail, feeds, Open Graph): `siteUrl` without a trailing slash. */
export const absoluteUrl = (siteUrl: string, path: string): string => `${siteUrl.replace(/\/+$/, '')}${path}`
