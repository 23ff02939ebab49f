/** The shortest member password: long enough to resist guessing under the lockout, short enough to type on a phone. */
export const MEMBER_PASSWORD_MIN = 10

const COMMON = ['1234567890', '0123456789', 'matkhau123', 'matkhau1234', 'dangvien123', 'abc1234567', 'qwerty1234', '12345678910']

/**
 * Why a member's password is unfit, in Vietnamese, or null: at least 10 characters with both
 * letters and digits, and not one of the passwords everybody tries first. Checked by the site (to
 * answer at once) and enforced by the CMS.
 */
export function memberPasswordProblem(password: string): string | null {
  const rule = `Mật khẩu cần ít nhất ${MEMBER_PASSWORD_MIN} ký tự, gồm cả chữ và số.`
  if (password.length < MEMBER_PASSWORD_MIN || !/\p{L}/u.test(password) || !/\d/.test(password)) return rule
  if (COMMON.includes(password.toLowerCase())) return `Mật khẩu này quá dễ đoán. ${rule}`
  return null
}
