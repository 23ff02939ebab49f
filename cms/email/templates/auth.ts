import type { PayloadRequest } from 'payload'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'

/** How long a password-reset link works (Payload's forgotPassword.expiration). */
export const RESET_EXPIRATION_MS = 60 * 60 * 1000

type AuthMailArgs = { req?: PayloadRequest; token?: string; user?: unknown }

/** Always the configured public URL, never the request's Host header (which a sender could forge). */
const adminUrl = (req: PayloadRequest | undefined, path: string) => {
  const base = (req?.payload.config.serverURL || mailSettings().serverUrl).replace(/\/+$/, '')
  return `${base}${req?.payload.config.routes.admin ?? '/admin'}${path}`
}
const nameOf = (user: unknown) => {
  const name = (user as { name?: unknown } | undefined)?.name
  return typeof name === 'string' && name.trim() ? name.trim() : ''
}

function resetMail(args: AuthMailArgs) {
  const s = mailSettings()
  const name = nameOf(args.user)
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.serverUrl,
    subject: `Đặt lại mật khẩu — ${s.siteName}`,
    preview: 'Bấm liên kết trong thư để đặt mật khẩu mới. Liên kết dùng được trong 1 giờ.',
    heading: 'Đặt lại mật khẩu',
    blocks: [
      {
        kind: 'paragraph',
        text: `${name ? `Chào ${name}, c` : 'C'}húng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản quản trị nội dung gắn với địa chỉ email này.`,
      },
      { kind: 'button', label: 'Đặt mật khẩu mới', url: adminUrl(args.req, `${args.req?.payload.config.admin.routes.reset ?? '/reset'}/${args.token ?? ''}`) },
      { kind: 'paragraph', text: 'Liên kết chỉ dùng được một lần, trong vòng 1 giờ.' },
      { kind: 'note', text: 'Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên. Đừng chuyển thư này cho người khác.' },
    ],
    footer: [{ kind: 'note', text: 'Thư tự động từ trang quản trị nội dung; xin đừng trả lời thư này.' }],
  })
}

function verifyMail(args: AuthMailArgs) {
  const s = mailSettings()
  const name = nameOf(args.user)
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.serverUrl,
    subject: `Xác minh địa chỉ email — ${s.siteName}`,
    preview: 'Bấm liên kết trong thư để kích hoạt tài khoản quản trị nội dung.',
    heading: 'Xác minh địa chỉ email',
    blocks: [
      {
        kind: 'paragraph',
        text: `${name ? `Chào ${name}, m` : 'M'}ột tài khoản quản trị nội dung vừa được tạo với địa chỉ email này. Hãy bấm nút dưới đây để xác minh địa chỉ và kích hoạt tài khoản.`,
      },
      { kind: 'button', label: 'Xác minh email', url: adminUrl(args.req, `/users/verify/${args.token ?? ''}`) },
      { kind: 'note', text: 'Nếu bạn không biết về tài khoản này, hãy bỏ qua thư.' },
    ],
    footer: [{ kind: 'note', text: 'Thư tự động từ trang quản trị nội dung; xin đừng trả lời thư này.' }],
  })
}

/** Users.auth.forgotPassword: Vietnamese subject and body (the adapter adds the plain-text part). */
export const forgotPasswordEmail = {
  expiration: RESET_EXPIRATION_MS,
  // Payload's per-user throttle (default 15 s) reserves the request with a write outside the
  // operation's transaction; on SQLite, where that transaction already holds the write lock, every
  // reset then fails with "database is locked" (payload 3.90.1). Off until Payload fixes it.
  minRequestInterval: 0,
  generateEmailSubject: (args?: AuthMailArgs) => resetMail(args ?? {}).subject,
  generateEmailHTML: (args?: AuthMailArgs) => resetMail(args ?? {}).html,
}

/** For Users.auth.verify, if account verification is ever enabled (docs/email.md). */
export const verifyAccountEmail = {
  generateEmailSubject: (args?: AuthMailArgs) => verifyMail(args ?? {}).subject,
  generateEmailHTML: (args?: AuthMailArgs) => verifyMail(args ?? {}).html,
}
