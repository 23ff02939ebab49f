import { parseSiteEnv } from '../../core/env/site'
import { HOME_URL, LIBRARY_URL, NEWS_LIST_URL, TOPIC_LIST_URL } from '../../core/urls'

/** Site-wide settings, read from the environment when the server starts (pages render on demand). */
const settings = parseSiteEnv()
export const SITE_NAME = settings.SITE_NAME
export const SITE_DESCRIPTION = settings.SITE_DESCRIPTION
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

export const NAV = [
  { href: HOME_URL, label: 'Trang chủ' },
  { href: LIBRARY_URL, label: 'Văn bản' },
  { href: NEWS_LIST_URL, label: 'Tin tức' },
  { href: TOPIC_LIST_URL, label: 'Chuyên đề' },
] as const

/**
 * The public address for canonical links, feeds and sitemaps: SITE_URL at run time, so one image
 * serves any domain; the build-time `site` only when it is unset or not a URL.
 */
export function siteUrl(buildTime: URL | undefined): URL {
  const configured = settings.SITE_URL
  return configured ? new URL(configured) : (buildTime ?? new URL('http://localhost:4321'))
}
