import type { PayloadRequest } from 'payload'
import { absoluteUrl, activationLinkUrl, resetPasswordLinkUrl } from '../../../core/urls'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'
import { RESET_EXPIRATION_MS } from './auth'

/** How long an activation link works: long enough for a member who reads mail once a week. */
export const ACTIVATION_LINK_DAYS = 14

type AuthMailArgs = { req?: PayloadRequest; token?: string; user?: unknown }

const greeting = (user: unknown, rest: string) => {
  const name = (user as { name?: unknown } | undefined)?.name
  return typeof name === 'string' && name.trim() ? `Kính gửi đồng chí ${name.trim()}, ${rest.charAt(0).toLowerCase()}${rest.slice(1)}` : rest
}

const FOOTER = [{ kind: 'note' as const, text: 'Thư tự động từ Sổ tay đảng viên điện tử; xin đừng trả lời thư này.' }]

/** A member's password reset: the link opens the site's own page (members never use the admin). */
function resetMail(args: AuthMailArgs) {
  const s = mailSettings()
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: `Đặt lại mật khẩu — ${s.siteName}`,
    preview: 'Bấm liên kết trong thư để đặt mật khẩu mới. Liên kết dùng được trong 1 giờ.',
    heading: 'Đặt lại mật khẩu',
    blocks: [
      { kind: 'paragraph', text: greeting(args.user, 'Chúng tôi nhận được yêu cầu đặt lại mật khẩu Sổ tay đảng viên gắn với địa chỉ thư điện tử này.') },
      { kind: 'button', label: 'Đặt mật khẩu mới', url: absoluteUrl(s.siteUrl, resetPasswordLinkUrl(args.token ?? '')) },
      { kind: 'paragraph', text: 'Liên kết chỉ dùng được một lần, trong vòng 1 giờ.' },
      { kind: 'note', text: 'Nếu đồng chí không yêu cầu, xin bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên. Đừng chuyển thư này cho người khác.' },
    ],
    footer: FOOTER,
  })
}

/** Members.auth.forgotPassword. */
export const memberResetMail = {
  expiration: RESET_EXPIRATION_MS,
  // As for editorial accounts (templates/auth.ts): Payload's throttle deadlocks SQLite in 3.90.1.
  minRequestInterval: 0,
  generateEmailSubject: (args?: AuthMailArgs) => resetMail(args ?? {}).subject,
  generateEmailHTML: (args?: AuthMailArgs) => resetMail(args ?? {}).html,
}

/** The first sign-in of a member with an e-mail address: set a password through the link. */
export function activationMail(member: { name: string; organizationName: string }, token: string) {
  const s = mailSettings()
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: `Kích hoạt tài khoản Sổ tay đảng viên — ${s.siteName}`,
    preview: 'Bấm liên kết trong thư để đặt mật khẩu và bắt đầu dùng Sổ tay đảng viên.',
    heading: 'Kích hoạt tài khoản',
    blocks: [
      {
        kind: 'paragraph',
        text: greeting(
          member,
          `${member.organizationName || 'Tổ chức đảng của đồng chí'} đã tạo tài khoản Sổ tay đảng viên điện tử cho đồng chí. Tài khoản giúp đồng chí đọc thông báo, văn bản nội bộ của chi bộ và tài liệu sinh hoạt.`,
        ),
      },
      { kind: 'button', label: 'Đặt mật khẩu và kích hoạt', url: absoluteUrl(s.siteUrl, activationLinkUrl(token)) },
      {
        kind: 'paragraph',
        text: `Liên kết dùng được một lần, trong vòng ${ACTIVATION_LINK_DAYS} ngày. Sau đó đồng chí đăng nhập bằng địa chỉ thư điện tử (hoặc số điện thoại) và mật khẩu vừa đặt.`,
      },
      { kind: 'note', text: 'Nếu đồng chí không phải người nhận, xin bỏ qua thư này. Đừng chuyển thư này cho người khác.' },
    ],
    footer: FOOTER,
  })
}
