import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { studyOrganizations } from '../access/studyScope'
import { StudyStatisticsBoard } from './StudyStatisticsBoard'

/**
 * /admin/thong-ke-hoc-tap: the committees' study statistics for the account's organizations
 * (everything for the editorial board's staff, the own subtree for an organization's account), read
 * from GET /api/study-stats/overview; every table exports as CSV.
 */
export async function StudyStatisticsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const scope = await studyOrganizations(req)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Thống kê học tập</h1>
        {scope ? <StudyStatisticsBoard /> : <p role="alert">Tài khoản chưa gắn với tổ chức đảng nào nên không có số liệu để xem.</p>}
      </Gutter>
    </DefaultTemplate>
  )
}
