/** Chuyên mục tin: shared by the CMS field and the site's labels. */
export const NEWS_CATEGORIES = [
  { label: 'Hoạt động lãnh đạo', value: 'hoat-dong-lanh-dao' },
  { label: 'Hoạt động cấp ủy', value: 'hoat-dong-cap-uy' },
  { label: 'Quốc tế', value: 'quoc-te' },
  { label: 'Thông tin hữu ích', value: 'thong-tin-huu-ich' },
]
