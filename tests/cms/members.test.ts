/**
 * Member accounts in the CMS (collection `members`), over Payload's REST handlers with a real SMTP
 * server: issued by the organization, activated by a printed code or a mailed link, signed in by
 * phone (any spelling) or e-mail, signed out everywhere by a new password or a lock, never in the
 * admin, and reading only what their organization allows.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ACTIVATION_FAILED, ACTIVATION_LINK_FAILED } from '../../core/members/messages'
import { PASSWORD, documentData } from '../helpers/fixtures'
import { linkIn, type TestSmtpServer } from './mail/helpers/smtp'
import { SITE_URL, startMailWorld } from './mail/helpers/world'

let payload: Payload
let smtp: TestSmtpServer
let rest: Awaited<ReturnType<typeof startMailWorld>>['rest']
let orgs: Awaited<ReturnType<typeof startMailWorld>>['orgs']
let admin: string
let contributor: string
let otherBranch: string
let otherContributor: string

beforeAll(async () => {
  const world = await startMailWorld()
  ;({ payload, smtp, rest, orgs } = world)
  admin = await rest.login(world.users.admin.email, PASSWORD)
  contributor = await rest.login(world.users.contributor.email, PASSWORD)
  const other = await payload.create({
    collection: 'organizations',
    data: { name: 'Chi bộ thôn Tây Hòa', code: 'CBT', kind: 'chi-bo', parent: orgs.province.id },
  })
  otherBranch = String(other.id)
  await payload.create({
    collection: 'users',
    data: { email: 'cong-tac-vien-tay-hoa@so-tay.test', password: PASSWORD, name: 'Cộng tác viên Tây Hòa', role: 'contributor', organization: otherBranch },
  })
  otherContributor = await rest.login('cong-tac-vien-tay-hoa@so-tay.test', PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
  await smtp?.stop()
})

let phones = 0
async function newMember(organization: string, extra: Record<string, unknown> = {}, token = admin) {
  phones += 1
  const phone = `0987 65${String(phones).padStart(2, '0')} 21`
  const res = await rest.post('/members', { name: `Nguyễn Văn Thử ${phones}`, phone, organization, ...extra }, token)
  expect(res.status, res.text).toBe(201)
  return { id: String(res.json.doc.id), phone: res.json.doc.phone as string, doc: res.json.doc }
}

const codesIn = (html: string) => [...html.matchAll(/class="code">(\d{4} \d{4})</g)].map((m) => m[1]!.replace(' ', ''))
const sheet = (organization: string, token: string) => rest.get(`/members/activation-sheet?organization=${organization}`, token)
const NEW_PASSWORD = 'Chibo-dong-hoa-2026'

async function waitForMail(to: string, count: number) {
  for (let i = 0; i < 100 && smtp.to(to).length < count; i++) await new Promise((r) => setTimeout(r, 50))
  return smtp.to(to)
}

describe('member accounts', () => {
  it('store the phone in one form and refuse an account without phone or e-mail', async () => {
    const member = await newMember(orgs.branch.id)
    expect(member.phone).toMatch(/^09876\d{5}$/)
    expect(member.doc.status).toBe('pending')
    const none = await rest.post('/members', { name: 'Không liên lạc', organization: orgs.branch.id }, admin)
    expect(none.status).toBe(400)
    expect(none.text).toContain('số điện thoại hoặc thư điện tử')
    const bad = await rest.post('/members', { name: 'Số sai', phone: '12345', organization: orgs.branch.id }, admin)
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('không phải số điện thoại Việt Nam')
  })

  it('are managed by a contributor for their own organization only', async () => {
    const own = await newMember(orgs.branch.id, {}, contributor)
    expect(own.id).toBeTruthy()
    expect((await rest.post('/members', { name: 'Ngoài phạm vi', phone: '0911000111', organization: otherBranch }, contributor)).status).toBe(403)
    const listed = await rest.get('/members?limit=100&depth=0', contributor)
    expect(listed.json.docs.length).toBeGreaterThan(0)
    expect(listed.json.docs.every((m: { organization: string }) => m.organization === orgs.branch.id)).toBe(true)
    expect((await rest.get(`/members/${own.id}`, otherContributor)).status).toBe(404)
  })

  it('activate with the printed code, once, and sign in by phone in any spelling or by e-mail', async () => {
    const member = await newMember(orgs.branch.id, { email: 'dang.vien.ma@so-tay.test' })
    // Another organization's contributor cannot print this branch's sheet.
    expect((await sheet(orgs.branch.id, otherContributor)).status).toBe(403)
    const printed = await sheet(orgs.branch.id, contributor)
    expect(printed.status).toBe(200)
    expect(printed.text).toContain('Phiếu mã kích hoạt Sổ tay đảng viên')
    expect(printed.text).toContain(`${SITE_URL}/kich-hoat/`)
    const row = printed.text.split('<tr>').find((r) => r.includes(member.phone))!
    const [code] = codesIn(row)
    expect(code).toMatch(/^\d{8}$/)

    const weak = await rest.post('/members/activate', { identifier: member.phone, code, password: '12345678' })
    expect(weak.status).toBe(400)
    expect(weak.json.message).toContain('ít nhất 10 ký tự')
    const wrong = await rest.post('/members/activate', {
      identifier: member.phone,
      code: code === '00000000' ? '11111111' : '00000000',
      password: NEW_PASSWORD,
    })
    expect(wrong.json.message).toBe(ACTIVATION_FAILED)
    const ok = await rest.post('/members/activate', {
      identifier: `+84 ${member.phone.slice(1, 4)}.${member.phone.slice(4)}`,
      code: `${code!.slice(0, 4)} ${code!.slice(4)}`,
      password: NEW_PASSWORD,
    })
    expect(ok.status, ok.text).toBe(200)
    expect((await payload.findByID({ collection: 'members', id: member.id })).status).toBe('active')
    // Spent: the same code does not work twice.
    expect((await rest.post('/members/activate', { identifier: member.phone, code, password: 'Mot-mat-khau-khac-2026' })).json.message).toBe(ACTIVATION_FAILED)

    expect((await rest.post('/members/login', { username: member.phone, password: NEW_PASSWORD })).json.token).toBeTruthy()
    expect((await rest.post('/members/login', { email: 'dang.vien.ma@so-tay.test', password: NEW_PASSWORD })).json.token).toBeTruthy()
    expect((await rest.post('/members/login', { username: member.phone, password: 'sai-mat-khau-2026' })).status).toBe(401)
  })

  it('spend a code after five wrong tries', async () => {
    const member = await newMember(orgs.branch.id)
    const [code] = codesIn((await rest.get(`/members/activation-sheet?member=${member.id}`, admin)).text)
    for (let i = 0; i < 5; i++)
      await rest.post('/members/activate', { identifier: member.phone, code: String((Number(code) + 1 + i) % 1e8).padStart(8, '0'), password: NEW_PASSWORD })
    expect((await rest.post('/members/activate', { identifier: member.phone, code, password: NEW_PASSWORD })).json.message).toBe(ACTIVATION_FAILED)
    expect((await payload.findByID({ collection: 'members', id: member.id })).status).toBe('pending')
  })

  it('activate through the mailed link (Vietnamese mail, link to the site), which works once', async () => {
    const email = 'dang.vien.thu@so-tay.test'
    const member = await newMember(orgs.branch.id, { email })
    const sent = await rest.post('/members/send-activation', { members: [member.id] }, contributor)
    expect(sent.json.sent).toBe(1)
    const [received] = await waitForMail(email, 1)
    expect(received!.mail.subject).toContain('Kích hoạt tài khoản Sổ tay đảng viên')
    expect(received!.mail.text).toContain('Kính gửi đồng chí Nguyễn Văn Thử')
    const link = linkIn(received!.mail, `${SITE_URL}/kich-hoat/?token=`)
    const token = new URL(link).searchParams.get('token')!
    const ok = await rest.post('/members/activate', { token, password: NEW_PASSWORD })
    expect(ok.status, ok.text).toBe(200)
    expect(ok.json.signInName).toBe(member.phone)
    expect((await rest.post('/members/activate', { token, password: NEW_PASSWORD })).json.message).toBe(ACTIVATION_LINK_FAILED)
    // Another organization's contributor sends nothing for this branch.
    const other = await newMember(orgs.branch.id, { email: 'dang.vien.khac@so-tay.test' })
    expect((await rest.post('/members/send-activation', { members: [other.id] }, otherContributor)).json.sent ?? 0).toBe(0)
  })

  it('reset a forgotten password through a mail that links to the site, and sign out everywhere', async () => {
    const email = 'quen.mat.khau@so-tay.test'
    const member = await newMember(orgs.branch.id, { email, password: PASSWORD, status: 'active' })
    const before = (await rest.post('/members/login', { email, password: PASSWORD })).json.token as string
    expect((await rest.get('/members/reader', before)).status).toBe(200)
    expect((await rest.post('/members/forgot-password', { email })).status).toBe(200)
    const [received] = await waitForMail(email, 1)
    expect(received!.mail.subject).toContain('Đặt lại mật khẩu')
    const token = new URL(linkIn(received!.mail, `${SITE_URL}/dat-lai-mat-khau/?token=`)).searchParams.get('token')!
    expect((await rest.post('/members/reset-password', { token, password: 'ngan' })).status).toBe(400)
    const reset = await rest.post('/members/reset-password', { token, password: NEW_PASSWORD })
    expect(reset.status, reset.text).toBe(200)
    // The device signed in with the old password is signed out.
    expect((await rest.get('/members/reader', before)).status).toBe(401)
    expect((await rest.get('/members/reader', reset.json.token)).status).toBe(200)
    expect(member.id).toBeTruthy()
  })

  it('end every session when the organization locks the account, and on sign-out', async () => {
    const member = await newMember(orgs.branch.id, { email: 'bi.khoa@so-tay.test', password: PASSWORD, status: 'active' })
    const first = (await rest.post('/members/login', { email: 'bi.khoa@so-tay.test', password: PASSWORD })).json.token as string
    const second = (await rest.post('/members/login', { email: 'bi.khoa@so-tay.test', password: PASSWORD })).json.token as string
    expect((await rest.post('/members/logout', {}, first)).status).toBe(200)
    expect((await rest.get('/members/reader', first)).status).toBe(401)
    expect((await rest.get('/members/reader', second)).status).toBe(200)
    expect((await rest.patch(`/members/${member.id}`, { status: 'disabled' }, contributor)).status).toBe(200)
    expect((await rest.get('/members/reader', second)).status).toBe(401)
    expect((await rest.post('/members/login', { email: 'bi.khoa@so-tay.test', password: PASSWORD })).status).toBe(401)
  })

  it('never reach the admin or write content, and read only their own account', async () => {
    await newMember(orgs.branch.id, { email: 'chi.doc@so-tay.test', password: PASSWORD, status: 'active' })
    const token = (await rest.post('/members/login', { email: 'chi.doc@so-tay.test', password: PASSWORD })).json.token as string
    expect((await rest.get('/users', token)).json.docs ?? []).toEqual([])
    expect((await rest.post('/documents', documentData(orgs.branch.id), token)).status).toBe(403)
    const own = await rest.get('/members?depth=0', token)
    expect(own.json.docs).toHaveLength(1)
    expect(own.json.docs[0].email).toBe('chi.doc@so-tay.test')
    expect(own.json.docs[0].feedToken).toBeUndefined()
    expect(own.json.docs[0].activationCodeHash).toBeUndefined()
    const access = await rest.get('/access', token)
    // Payload leaves out permissions that are false.
    expect(access.json.canAccessAdmin).not.toBe(true)
  })
})

describe('organizations with members', () => {
  it('are not deleted while members belong to them, with a Vietnamese reason', async () => {
    const org = await payload.create({ collection: 'organizations', data: { name: 'Chi bộ sắp giải thể', code: 'CBSGT', kind: 'chi-bo' } })
    const member = await newMember(String(org.id))
    const refused = await rest.delete(`/organizations/${org.id}`, admin)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('còn 1 tài khoản đảng viên')
    await payload.delete({ collection: 'members', id: member.id })
    expect((await rest.delete(`/organizations/${org.id}`, admin)).status).toBe(200)
  })
})

describe('scoped audiences', () => {
  it('let a member read content for their organization and those above it, and nothing of a sibling', async () => {
    const publish = async (audience: string, audienceOrganization?: string) =>
      String(
        (
          await payload.create({
            collection: 'documents',
            data: documentData(orgs.province.id, {
              audience,
              audienceOrganization,
              level: 'tinh',
              number: `${Math.floor(Math.random() * 9000) + 100}-NQ/TU`,
              _status: 'published',
            }),
          })
        ).id,
      )
    const forBranch = await publish('organization', orgs.branch.id)
    const forProvince = await publish('organization', orgs.province.id)
    const forSibling = await publish('organization', otherBranch)
    const forAll = await publish('members')
    await newMember(orgs.branch.id, { email: 'pham.vi@so-tay.test', password: PASSWORD, status: 'active' })
    const token = (await rest.post('/members/login', { email: 'pham.vi@so-tay.test', password: PASSWORD })).json.token as string
    const status = async (id: string, t?: string) => (await rest.get(`/documents/${id}?depth=0`, t)).status
    expect(await status(forBranch, token)).toBe(200)
    expect(await status(forProvince, token)).toBe(200)
    expect(await status(forAll, token)).toBe(200)
    expect(await status(forSibling, token)).toBe(404)
    for (const id of [forBranch, forProvince, forSibling, forAll]) expect(await status(id)).toBe(404)
    const reader = (await rest.get('/members/reader', token)).json
    expect(reader.scopes).toEqual(['public', 'members', `org:${orgs.branch.id}`, `org:${orgs.province.id}`])
    // The members' pages ask the same rule through the reader endpoints.
    const slugOf = async (id: string) => String((await payload.findByID({ collection: 'documents', id, depth: 0 })).slug)
    const content = async (id: string) => (await rest.get(`/members/content/documents/${await slugOf(id)}`, token)).status
    expect(await content(forBranch)).toBe(200)
    expect(await content(forSibling)).toBe(404)
    const inbox = JSON.stringify((await rest.get('/members/inbox', token)).json)
    for (const id of [forBranch, forProvince, forAll]) expect(inbox).toContain(await slugOf(id))
    expect(inbox).not.toContain(await slugOf(forSibling))
  })

  it('default an announcement to its organization and the organizations below', async () => {
    const created = await payload.create({
      collection: 'announcements',
      data: { title: 'Họp chi bộ tháng 12', organization: orgs.branch.id, body: documentData(orgs.branch.id).summary, publishedAt: '2026-12-01' } as never,
    })
    expect(created.audience).toBe('organization')
    expect(typeof created.audienceOrganization === 'object' ? created.audienceOrganization?.id : created.audienceOrganization).toBe(orgs.branch.id)
  })
})
