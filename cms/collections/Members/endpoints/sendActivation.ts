import type { Endpoint } from 'payload'
import { REQUEST_INVALID } from '../../../../core/members/messages'
import { noStore, readBody } from '../../../lib/readBody'
import { manageMembers } from '../access/manageMembers'
import { sendActivationMail } from '../sendActivation'

/**
 * POST /api/members/send-activation `{ members: [ids] }` — mails activation links to the chosen
 * members who wait for activation and have an e-mail address; those without one need a printed code
 * (activation-sheet). Only those who look after the accounts may ask.
 */
export const sendActivationEndpoint: Endpoint = {
  path: '/send-activation',
  method: 'post',
  handler: async (req) => {
    const body = await readBody(req)
    const ids = Array.isArray(body?.members) ? body.members.filter((id): id is string => typeof id === 'string' || typeof id === 'number').map(String) : null
    if (!ids || ids.length === 0 || ids.length > 1000) return Response.json({ ok: false, message: REQUEST_INVALID }, { status: 400, headers: noStore })
    const access = await manageMembers({ req })
    if (access === false) return Response.json({ ok: false, message: 'Đồng chí không có quyền gửi thư kích hoạt.' }, { status: 403, headers: noStore })
    const where = { and: [{ id: { in: ids } }, { status: { equals: 'pending' } }, ...(access === true ? [] : [access])] }
    const { docs } = await req.payload.find({ collection: 'members', where, depth: 1, limit: ids.length, overrideAccess: true, req })
    let sent = 0
    for (const member of docs) if (await sendActivationMail(req.payload, member, req)) sent++
    const skipped = ids.length - sent
    return Response.json(
      {
        ok: true,
        sent,
        skipped,
        message: `Đã gửi ${sent} thư kích hoạt.${skipped ? ` ${skipped} đảng viên không có thư điện tử, đã kích hoạt hoặc ngoài phạm vi quản lý: xin in phiếu mã kích hoạt.` : ''}`,
      },
      { headers: noStore },
    )
  },
}
