import { confirmUrl } from '../links'
import { renderMail } from '../render/layout'
import { mailSettings } from '../settings'
import { subscriberFooter } from './subscriberFooter'

export interface ConfirmationInput {
  subscriberId: string
  tokenKey: string
  /** The requested choices in words (subscriptions/describe). */
  choices: string[]
  /** The address already receives mail and asked to change what it follows. */
  isChange: boolean
}

/** Double opt-in: nothing else is sent to a new address until this link is used. */
export function confirmationMail(input: ConfirmationInput) {
  const s = mailSettings()
  return renderMail({
    siteName: s.siteName,
    siteUrl: s.siteUrl,
    subject: input.isChange ? `Xác nhận thay đổi đăng ký nhận thông báo — ${s.siteName}` : `Xác nhận đăng ký nhận thông báo — ${s.siteName}`,
    preview: 'Bấm nút xác nhận để bắt đầu nhận thư khi có văn bản, chuyên đề, tin tức mới.',
    heading: input.isChange ? 'Xác nhận lựa chọn mới của bạn' : 'Xác nhận đăng ký nhận thông báo',
    blocks: [
      {
        kind: 'paragraph',
        text: input.isChange
          ? 'Có người (có thể là chính bạn) vừa yêu cầu thay đổi nội dung mà địa chỉ email này đang nhận. Lựa chọn mới là:'
          : 'Có người (có thể là chính bạn) vừa đăng ký địa chỉ email này để nhận thông báo khi có nội dung mới:',
      },
      { kind: 'list', items: input.choices },
      {
        kind: 'paragraph',
        text: input.isChange
          ? 'Nếu đúng là bạn, hãy bấm nút dưới đây. Nếu không, bạn cứ bỏ qua thư này: lựa chọn cũ vẫn giữ nguyên.'
          : 'Nếu đúng là bạn, hãy bấm nút dưới đây rồi bấm «Xác nhận đăng ký» trên trang mở ra. Nếu không phải bạn, cứ bỏ qua thư này: chúng tôi sẽ không gửi gì thêm.',
      },
      { kind: 'button', label: input.isChange ? 'Xác nhận lựa chọn mới' : 'Xác nhận đăng ký', url: confirmUrl(input.subscriberId, input.tokenKey) },
      { kind: 'note', text: 'Liên kết xác nhận dùng được trong 7 ngày.' },
    ],
    footer: subscriberFooter(input.subscriberId, 'Bạn nhận thư này vì địa chỉ của bạn vừa được nhập vào trang đăng ký nhận thông báo.'),
  })
}
