import type { Endpoint, PayloadRequest, Where } from 'payload'
import { escapeHtml } from '../../../../core/html'
import { absoluteUrl, ACTIVATE_URL } from '../../../../core/urls'
import { organizationSubtree } from '../../../access/organizationTree'
import { isEditorial, isStaff, organizationOf } from '../../../access/roles'
import { mailSettings } from '../../../email/settings'
import { relationId } from '../../../lib/relations'
import { ACTIVATION_CODE_DAYS, activationCodeFields, newActivationCode, printedCode } from '../credentials'

const page = (status: number, title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%}
td,th{border:1px solid #444;padding:.5rem;text-align:left;vertical-align:top}.code{font:700 1.4rem monospace;letter-spacing:.1em}
tr{break-inside:avoid}@media print{.no-print{display:none}}</style></head><body>${body}</body></html>`,
    { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } },
  )

/**
 * GET /api/members/activation-sheet[?organization=<id or code>][&member=<id>] — the printable list the chi bộ
 * secretary hands out: one new code per member still waiting for activation (or the one member
 * named, e.g. after a forgotten password), for the organization and those below it. Printing again
 * issues new codes and voids the old ones: only the hashes are stored, so a code cannot be shown twice.
 */
export const activationSheetEndpoint: Endpoint = {
  path: '/activation-sheet',
  method: 'get',
  handler: async (req) => {
    if (!isEditorial(req.user)) return page(403, 'Không có quyền', '<p>Chỉ cán bộ quản lý tài khoản đảng viên mới in được phiếu mã kích hoạt.</p>')
    const organization = await organizationParam(req, String(req.searchParams.get('organization') ?? organizationOf(req.user) ?? ''))
    const memberId = req.searchParams.get('member')
    if (!organization && !memberId) return page(400, 'Thiếu tổ chức', '<p>Xin chọn tổ chức (tham số organization) hoặc một đảng viên (member).</p>')
    const where = await sheetWhere(req, organization, memberId)
    if (!where) return page(403, 'Không có quyền', '<p>Đồng chí chỉ in được phiếu cho đảng viên của tổ chức mình và các tổ chức trực thuộc.</p>')
    const { docs } = await req.payload.find({ collection: 'members', where, depth: 1, limit: 2000, sort: 'name', overrideAccess: true, req })
    const rows: string[] = []
    for (const member of docs) {
      const code = newActivationCode()
      await req.payload.update({
        collection: 'members',
        id: member.id,
        data: activationCodeFields(req.payload, String(member.id), code),
        overrideAccess: true,
        req,
      })
      const org = typeof member.organization === 'object' && member.organization ? member.organization.name : ''
      rows.push(
        `<tr><td>${escapeHtml(member.name)}</td><td>${escapeHtml(member.phone ?? member.email ?? '')}</td><td>${escapeHtml(org)}</td><td class="code">${printedCode(code)}</td></tr>`,
      )
    }
    const expires = new Date(Date.now() + ACTIVATION_CODE_DAYS * 86_400_000).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
    const site = absoluteUrl(mailSettings().siteUrl, ACTIVATE_URL)
    const body = rows.length
      ? `<h1>Phiếu mã kích hoạt Sổ tay đảng viên</h1>
<p>Mỗi đồng chí vào <strong>${escapeHtml(site)}</strong>, nhập số điện thoại (hoặc thư điện tử) và mã của mình, rồi đặt mật khẩu. Mã dùng một lần, đến hết ngày ${escapeHtml(expires)}. Mã in ở phiếu trước (nếu có) không còn dùng được.</p>
<p class="no-print"><button onclick="print()">In phiếu</button></p>
<table><thead><tr><th>Họ và tên</th><th>Đăng nhập bằng</th><th>Chi bộ</th><th>Mã kích hoạt</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<h1>Không có đảng viên nào chờ kích hoạt</h1><p>Mọi tài khoản của tổ chức này đã được kích hoạt.</p>'
    return page(200, 'Phiếu mã kích hoạt', body)
  },
}

/** The organization named by id or by its code ("CB7"), as staff know it. */
async function organizationParam(req: PayloadRequest, value: string): Promise<string> {
  if (!value) return ''
  const { docs } = await req.payload.find({
    collection: 'organizations',
    // An id only when it looks like one: MongoDB refuses to compare a code with an ObjectId.
    where: /^[0-9a-f-]{24,36}$/i.test(value) ? { or: [{ id: { equals: value } }, { code: { equals: value } }] } : { code: { equals: value } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] ? String(docs[0].id) : value
}

/** Which members the sheet covers, or null when the reader may not print it. */
async function sheetWhere(req: PayloadRequest, organization: string, memberId: string | null): Promise<Where | null> {
  const own = organizationOf(req.user)
  const allowed = isStaff(req.user) ? null : own ? await organizationSubtree(req, own) : []
  if (memberId) {
    const member = await req.payload.findByID({ collection: 'members', id: memberId, depth: 0, overrideAccess: true, disableErrors: true, req })
    const org = relationId(member?.organization)
    if (!member || member.status === 'disabled' || (allowed && (!org || !allowed.includes(org)))) return null
    return { id: { equals: member.id } }
  }
  if (allowed && !allowed.includes(organization)) return null
  return { and: [{ organization: { in: await organizationSubtree(req, organization) } }, { status: { equals: 'pending' } }] }
}
