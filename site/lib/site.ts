/** Site-wide settings, read from the environment at build time (and by on-demand routes at run time). */
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
