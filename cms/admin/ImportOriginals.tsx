import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { isStaff } from '../access/roles'
import { MAX_ORIGINALS_PER_REQUEST } from '../endpoints/importOriginals'
import { ImportOriginalsForm } from './ImportOriginalsForm'

/**
 * /admin/nhap-ban-goc: several originals (PDF, DOCX, scans) uploaded at once, each becoming a draft
 * whose header fields are read from the file (POST /api/import-originals). A whole back catalogue
 * goes through `npm run import -- --from-folder` instead (docs/import.md).
 */
export function ImportOriginalsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
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
        <h1>Nhập bản gốc hàng loạt</h1>
        {isStaff(req.user) ? (
          <>
            <p>
              Chọn một hoặc nhiều tệp PDF hoặc Word (.docx), kể cả bản quét, tối đa {MAX_ORIGINALS_PER_REQUEST} tệp mỗi lần. Mỗi tệp thành một{' '}
              <strong>bản nháp</strong> văn bản: số, ký hiệu, cơ quan ban hành, ngày ban hành, loại, trích yếu, người ký và độ mật được đọc từ phần đầu và phần
              cuối văn bản; trường nào không đọc được thì để trống và được liệt kê. Tệp trùng với văn bản đã có thì bỏ qua.
            </p>
            <p>Sau đó hãy mở từng bản nháp, đối chiếu với bản gốc đính kèm, bổ sung phần còn thiếu và đánh dấu «Đã đối chiếu với bản gốc».</p>
            <ImportOriginalsForm />
          </>
        ) : (
          <p role="alert">Chỉ Biên tập viên, Tổng biên tập và Quản trị viên được nhập bản gốc hàng loạt.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
