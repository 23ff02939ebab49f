/** Site-wide settings, read from the environment when the server starts (pages render on demand). */
export const SITE_NAME = process.env.SITE_NAME?.trim() || 'Sổ tay đảng viên điện tử'
export const SITE_DESCRIPTION =
  process.env.SITE_DESCRIPTION?.trim() || 'Văn bản của Đảng, tin tức và chuyên đề sinh hoạt hằng tháng dành cho đảng viên.'
export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

export const NAV = [
  { href: '/', label: 'Trang chủ' },
  { href: '/van-ban/', label: 'Văn bản' },
  { href: '/tin-tuc/', label: 'Tin tức' },
  { href: '/chuyen-de/', label: 'Chuyên đề' },
] as const

/**
 * The public address for canonical links, feeds and sitemaps: SITE_URL at run time, so one image
 * serves any domain; the build-time `site` only when it is unset or not a URL.
 */
export function siteUrl(buildTime: URL | undefined): URL {
  try {
    return new URL(process.env.SITE_URL?.trim() || '')
  } catch {
    return buildTime ?? new URL('http://localhost:4321')
  }
}
