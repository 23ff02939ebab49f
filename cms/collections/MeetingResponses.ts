import type { CollectionConfig, Endpoint } from 'payload'
import { ATTENDANCE, labelOf, STORED_RESPONSES } from '../../core/participation'
import { byStaffOrganization, staffMayHandle } from '../access/organizationStaff'
import { noStore } from '../lib/readBody'
import { relationId } from '../lib/relations'
import { invitees, isMeeting, meetingOrganization } from '../meetings/scope'

const readOnly = { readOnly: true }
const onlyByEndpoint = { create: () => false, update: () => false }

/** A cell of the CSV: quoted, and never read as a formula by a spreadsheet. */
const cell = (value: unknown) => {
  const text = String(value ?? '')
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`
}

/**
 * The list of a meeting for the secretary: every invited member, answered or not, with the answer,
 * the reason and the attendance recorded. CSV with a BOM, so Excel opens the Vietnamese text right.
 */
const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const id = String(req.searchParams.get('announcement') ?? '')
    const meeting = id ? await req.payload.findByID({ collection: 'announcements', id, depth: 0, overrideAccess: true, disableErrors: true, req }) : null
    if (!meeting || !isMeeting(meeting)) return Response.json({ ok: false, message: 'Không tìm thấy cuộc họp.' }, { status: 404, headers: noStore })
    if (!(await staffMayHandle(req, meetingOrganization(meeting))))
      return Response.json({ ok: false, message: 'Đồng chí không quản lý tổ chức của cuộc họp này.' }, { status: 403, headers: noStore })
    const [members, { docs: rows }, { docs: orgs }] = await Promise.all([
      invitees(req.payload, req, meeting),
      req.payload.find({
        collection: 'meeting-responses',
        where: { announcement: { equals: meeting.id } },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      }),
      req.payload.find({ collection: 'organizations', depth: 0, pagination: false, select: { name: true }, overrideAccess: true, req }),
    ])
    const orgName = new Map(orgs.map((o) => [String(o.id), o.name]))
    const byMember = new Map(rows.map((r) => [relationId(r.member), r]))
    const lines = [['Họ và tên', 'Tổ chức', 'Số điện thoại', 'Trả lời', 'Lý do vắng', 'Trả lời lúc', 'Điểm danh'].map(cell).join(',')]
    for (const m of members) {
      const r = byMember.get(String(m.id))
      lines.push(
        [
          m.name,
          orgName.get(relationId(m.organization) ?? '') ?? '',
          m.phone ?? '',
          labelOf(STORED_RESPONSES, r?.response ?? 'none'),
          r?.reason ?? '',
          r?.respondedAt ?? '',
          labelOf(ATTENDANCE, r?.attendance),
        ]
          .map(cell)
          .join(','),
      )
    }
    return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="diem-danh-${meeting.id}.csv"`, ...noStore },
    })
  },
}

/**
 * One member's answer to one meeting (sinh hoạt chi bộ), written only by the member's endpoint
 * (Members/endpoints/meetings.ts); the secretary reads the list and records attendance afterwards.
 */
export const MeetingResponses: CollectionConfig = {
  slug: 'meeting-responses',
  labels: { singular: 'Xác nhận dự họp', plural: 'Xác nhận dự họp' },
  admin: {
    useAsTitle: 'memberName',
    defaultColumns: ['memberName', 'announcement', 'response', 'reason', 'attendance'],
    group: 'Đảng viên',
    listSearchableFields: ['memberName'],
    description:
      'Khi thông báo cuộc họp được xuất bản, danh sách có sẵn mọi đảng viên được mời («Chưa trả lời»); đảng viên xác nhận tham dự hoặc báo vắng ở trang «Của tôi». Lọc theo Cuộc họp để xem một cuộc họp; sau cuộc họp, mở từng dòng để ghi điểm danh. Tải danh sách (CSV, cả người chưa trả lời): /api/meeting-responses/export?announcement=<mã thông báo>.',
  },
  defaultSort: '-respondedAt',
  access: { read: byStaffOrganization('meetingOrganization'), create: () => false, update: byStaffOrganization('meetingOrganization'), delete: () => false },
  endpoints: [exportEndpoint],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true }, access: onlyByEndpoint },
    {
      name: 'announcement',
      label: 'Cuộc họp',
      type: 'relationship',
      relationTo: 'announcements',
      required: true,
      index: true,
      admin: readOnly,
      access: onlyByEndpoint,
    },
    { name: 'member', label: 'Đảng viên', type: 'relationship', relationTo: 'members', required: true, index: true, admin: readOnly, access: onlyByEndpoint },
    { name: 'memberName', label: 'Họ và tên', type: 'text', admin: readOnly, access: onlyByEndpoint },
    {
      name: 'meetingOrganization',
      label: 'Tổ chức họp',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      admin: readOnly,
      access: onlyByEndpoint,
    },
    { name: 'response', label: 'Trả lời', type: 'select', required: true, options: [...STORED_RESPONSES], admin: readOnly, access: onlyByEndpoint },
    { name: 'reason', label: 'Lý do vắng', type: 'textarea', admin: readOnly, access: onlyByEndpoint },
    {
      name: 'respondedAt',
      label: 'Trả lời lúc',
      type: 'date',
      index: true,
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
      access: onlyByEndpoint,
    },
    {
      name: 'attendance',
      label: 'Điểm danh (sau cuộc họp)',
      type: 'select',
      options: [...ATTENDANCE],
      admin: { position: 'sidebar' },
    },
    { name: 'attendanceNote', label: 'Ghi chú điểm danh', type: 'text', maxLength: 300, admin: { position: 'sidebar' } },
  ],
}
