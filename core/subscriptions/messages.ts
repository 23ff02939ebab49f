/**
 * What the public is told at each step, shared by the CMS endpoints (their JSON `message`) and
 * the site's pages. Plain words for readers of every age; no technical terms.
 */
export const SUBSCRIBE_ACCEPTED =
  'Chúng tôi vừa gửi một thư xác nhận tới địa chỉ của bạn. Hãy mở thư và bấm nút «Xác nhận đăng ký». Bạn chỉ nhận thông báo sau khi đã xác nhận. Nếu sau vài phút chưa thấy thư, hãy xem cả mục Thư rác (Spam).'

export const SUBSCRIBE_INVALID = 'Thông tin đăng ký chưa đúng. Hãy xem các ô được đánh dấu bên dưới.'

export const REQUEST_MALFORMED = 'Yêu cầu gửi lên không đúng định dạng nên không được nhận. Hãy dùng biểu mẫu trên trang Sổ tay.'

export type ConfirmOutcome = 'confirmed' | 'updated' | 'already' | 'expired' | 'invalid'
export const CONFIRM_MESSAGES: Record<ConfirmOutcome, string> = {
  confirmed: 'Bạn đã đăng ký thành công. Từ nay bạn sẽ nhận thư khi có nội dung mới như đã chọn.',
  updated: 'Lựa chọn mới của bạn đã được lưu. Các thư sau sẽ theo lựa chọn này.',
  already: 'Đăng ký này đã được xác nhận từ trước. Bạn không cần làm gì thêm.',
  expired: 'Liên kết xác nhận đã quá 7 ngày nên không còn dùng được. Hãy đăng ký lại để nhận thư xác nhận mới.',
  invalid: 'Liên kết xác nhận không đúng hoặc đã được thay bằng một thư xác nhận mới hơn. Hãy dùng liên kết trong thư mới nhất, hoặc đăng ký lại.',
}

export type UnsubscribeOutcome = 'unsubscribed' | 'already' | 'invalid'
export const UNSUBSCRIBE_MESSAGES: Record<UnsubscribeOutcome, string> = {
  unsubscribed: 'Bạn đã hủy đăng ký. Chúng tôi sẽ không gửi thêm thư thông báo nào tới địa chỉ này.',
  already: 'Địa chỉ này đã hủy đăng ký từ trước. Bạn sẽ không nhận thêm thư thông báo nào.',
  invalid: 'Liên kết hủy đăng ký không đúng. Hãy bấm lại liên kết trong thư, hoặc chép nguyên địa chỉ liên kết vào trình duyệt.',
}

export const CMS_UNREACHABLE = 'Hệ thống đang bận hoặc tạm ngừng để bảo trì nên chưa nhận được yêu cầu của bạn. Xin bạn thử lại sau ít phút.'
