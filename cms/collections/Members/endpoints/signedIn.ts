import type { PayloadRequest } from 'payload'
import { isMember, isMemberAccount } from '../../../access/roles'
import { noStore } from '../../../lib/readBody'
import { asMemberUser, type MemberUser } from '../../../publish/memberView'

const SIGNED_OUT = 'Phiên đăng nhập đã hết. Xin đồng chí đăng nhập lại.'

/** The signed-in, active member making the request, or null (staff accounts use the admin). */
export function signedInMember(req: PayloadRequest): MemberUser | null {
  const user = req.user
  return isMemberAccount(user) && isMember(user) ? asMemberUser(user) : null
}

export const signedOut = () => Response.json({ ok: false, message: SIGNED_OUT }, { status: 401, headers: noStore })
