import type { Block } from '../render/layout'
import { subscribePageUrl, unsubscribePageUrl } from '../links'

/** Why the mail came and the one-click way out; at the end of every subscriber mail. */
export function subscriberFooter(subscriberId: string, reason: string): Block[] {
  return [
    { kind: 'note', text: reason },
    { kind: 'link', label: 'Hủy nhận thông báo (chỉ cần bấm một lần)', url: unsubscribePageUrl(subscriberId) },
    { kind: 'link', label: 'Đăng ký lại với lựa chọn khác', url: subscribePageUrl() },
  ]
}
