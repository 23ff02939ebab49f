/** The admin navigation's way to the study statistics (cms/admin/StudyStatistics.tsx). */
export function StudyStatisticsLink() {
  return (
    <a className="nav__link" href="/admin/thong-ke-hoc-tap" style={{ display: 'block', padding: '.25rem 0' }}>
      Thống kê học tập
    </a>
  )
}
