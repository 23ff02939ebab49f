import type { AstroGlobal } from 'astro'
import type { MemberCollection, MemberReader, MemberRecord } from '../../../library/members'
import { record } from './cms'
import { signedInMember } from './page'

type RecordOf<C extends MemberCollection> = Extract<MemberRecord, { collection: C }>

export type RecordPage<C extends MemberCollection> = { ok: true; token: string; reader: MemberReader; record: RecordOf<C> } | { ok: false; response: Response }

/**
 * A members' page of one record: the signed-in member, and the record as the CMS lets that member
 * read it. A record they may not read answers 404, exactly like one that does not exist.
 */
export async function memberRecordPage<C extends MemberCollection>(Astro: AstroGlobal, collection: C): Promise<RecordPage<C>> {
  const member = await signedInMember(Astro)
  if (!member.ok) return member
  const found = await record(member.token, collection, Astro.params.slug ?? '')
  if (found.ok && found.value.collection === collection) return { ok: true, token: member.token, reader: member.reader, record: found.value as RecordOf<C> }
  const status = !found.ok && found.status >= 500 ? 503 : 404
  return {
    ok: false,
    response: new Response(status === 404 ? 'Không tìm thấy trang.' : 'Hệ thống đang bận. Xin thử lại sau ít phút.', {
      status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    }),
  }
}
