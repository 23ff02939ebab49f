/**
 * What a member is told at each step of signing in, activating an account and resetting a password:
 * shared by the CMS endpoints (their JSON `message`) and the site's pages. Plain words; an answer
 * never tells whether an account exists.
 */
export const SIGN_IN_FAILED = 'Số điện thoại (hoặc thư điện tử) hoặc mật khẩu chưa đúng. Xin đồng chí kiểm tra lại.'
export const SIGN_IN_LOCKED =
  'Tài khoản tạm khóa 15 phút vì nhập sai mật khẩu nhiều lần. Xin đồng chí thử lại sau, hoặc nhờ bí thư chi bộ cấp mã kích hoạt mới.'
export const SIGN_IN_INVALID = 'Xin nhập số điện thoại (hoặc thư điện tử) và mật khẩu.'

export const ACTIVATION_FAILED = 'Mã kích hoạt không đúng, đã hết hạn hoặc đã dùng. Xin đồng chí kiểm tra lại, hoặc nhờ bí thư chi bộ cấp mã mới.'
export const ACTIVATION_LINK_FAILED =
  'Liên kết kích hoạt không đúng hoặc đã hết hạn. Xin đồng chí nhờ bí thư chi bộ gửi lại thư kích hoạt hoặc cấp mã kích hoạt.'
export const ACTIVATED = 'Tài khoản đã được kích hoạt. Từ nay đồng chí đăng nhập bằng số điện thoại (hoặc thư điện tử) và mật khẩu vừa đặt.'

export const RESET_REQUESTED =
  'Nếu tài khoản có địa chỉ thư điện tử này, chúng tôi vừa gửi thư hướng dẫn đặt lại mật khẩu. Nếu không nhận được thư, xin nhờ bí thư chi bộ cấp mã kích hoạt mới.'
export const RESET_FAILED = 'Liên kết đặt lại mật khẩu không đúng hoặc đã hết hạn (1 giờ). Xin đồng chí yêu cầu lại.'
export const RESET_DONE = 'Mật khẩu mới đã được lưu. Xin đồng chí đăng nhập lại.'

export const MEMBERS_UNREACHABLE = 'Hệ thống đang bận hoặc tạm ngừng để bảo trì. Xin đồng chí thử lại sau ít phút.'
export const REQUEST_INVALID = 'Yêu cầu gửi lên không đúng định dạng nên không được nhận. Xin tải lại trang rồi thử lại.'
