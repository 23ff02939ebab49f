import type { Endpoint, PayloadRequest } from 'payload'
import { stringify } from 'csv-stringify/sync'
import { z } from 'zod'
import { noStore } from '../../lib/readBody'
import { vietnamDay } from '../../../core/dates'
import { OutOfScope, statisticsFor, type Statistics } from '../statistics'

const querySchema = z.object({
  organization: z.string().max(64).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
})

const TABLES = {
  thang: {
    title: 'theo-thang',
    header: ['Tháng', 'Đảng viên có học tập', 'Lượt đọc', 'Bài trắc nghiệm', 'Điểm trung bình (%)', 'Hoàn thành đợt học tập'],
    rows: (s: Statistics) => s.months.map((m) => [m.month, m.readers, m.reads, m.quizzes, m.averageScore ?? '', m.completions]),
  },
  'to-chuc': {
    title: 'to-chuc-truc-thuoc',
    header: ['Tổ chức', 'Đảng viên', 'Hoạt động 30 ngày', 'Tỷ lệ (%)', 'Lượt đọc trong tháng', 'Bài trắc nghiệm', 'Điểm trung bình (%)'],
    rows: (s: Statistics) =>
      [s.organization, ...s.children].map((o) => [o.name, o.members, o.active, o.activePercent, o.month.reads, o.month.quizzes, o.month.averageScore ?? '']),
  },
  'dot-hoc-tap': {
    title: 'dot-hoc-tap',
    header: ['Đợt học tập', 'Hạn', 'Đảng viên phải học', 'Đã hoàn thành', 'Tỷ lệ (%)'],
    rows: (s: Statistics) => s.campaigns.map((c) => [c.title, c.deadline, c.members, c.completed, c.percent]),
  },
  'doc-nhieu': {
    title: 'van-ban-doc-nhieu',
    header: ['Nội dung', 'Lượt đọc'],
    rows: (s: Statistics) => s.topDocuments.map((d) => [d.title, d.reads]),
  },
} as const

type Table = keyof typeof TABLES

const FORBIDDEN = 'Tài khoản không được xem số liệu của tổ chức này.'

async function load(req: PayloadRequest): Promise<{ ok: true; stats: Statistics; month: string } | { ok: false; response: Response }> {
  if (req.user?.collection !== 'users')
    return { ok: false, response: Response.json({ message: 'Cần đăng nhập trang quản trị.' }, { status: 401, headers: noStore }) }
  const query = querySchema.safeParse(req.query)
  if (!query.success)
    return { ok: false, response: Response.json({ message: 'Tham số không hợp lệ (tháng dạng năm-tháng, ví dụ 2026-11).' }, { status: 400, headers: noStore }) }
  const month = query.data.month ?? vietnamDay().slice(0, 7)
  try {
    return { ok: true, stats: await statisticsFor(req.payload, req, month, query.data.organization || undefined), month }
  } catch (error) {
    if (error instanceof OutOfScope) return { ok: false, response: Response.json({ message: FORBIDDEN }, { status: 403, headers: noStore }) }
    throw error
  }
}

/** The committees' statistics (admin view "Thống kê học tập") and their CSV exports, scoped by the account. */
export const statisticsEndpoints: Endpoint[] = [
  {
    path: '/overview',
    method: 'get',
    handler: async (req) => {
      const loaded = await load(req)
      return loaded.ok ? Response.json(loaded.stats, { headers: noStore }) : loaded.response
    },
  },
  {
    path: '/export/:table',
    method: 'get',
    handler: async (req) => {
      const table = String(req.routeParams?.table ?? '') as Table
      if (!(table in TABLES)) return Response.json({ message: 'Không có bảng này.' }, { status: 404, headers: noStore })
      const loaded = await load(req)
      if (!loaded.ok) return loaded.response
      const spec = TABLES[table]
      // A BOM, so Excel opens the Vietnamese text as UTF-8.
      const csv = `\uFEFF${stringify([spec.header, ...spec.rows(loaded.stats)])}`
      const name = `thong-ke-${spec.title}-${loaded.stats.organization.id}-${loaded.month}.csv`
      return new Response(csv, { headers: { ...noStore, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` } })
    },
  },
]
