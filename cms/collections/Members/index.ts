import type { CollectionConfig } from 'payload'
import { env } from '../../../core/env/cms'
import { dayOnlyField } from '../../fields/dayOnly'
import { organizationField } from '../../fields/organization'
import { manageMembers, manageMembersOf } from './access/manageMembers'
import { readMembers } from './access/readMembers'
import { activateEndpoint } from './endpoints/activate'
import { activationSheetEndpoint } from './endpoints/activationSheet'
import { feedEndpoints } from './endpoints/feed'
import { sendActivationEndpoint } from './endpoints/sendActivation'
import { studyEndpoints } from './endpoints/study'
import { readerEndpoints } from './endpoints/reader'
import { meetingEndpoints } from './endpoints/meetings'
import { questionEndpoints } from './endpoints/questions'
import { onlyActiveMembers } from './hooks/onlyActiveMembers'
import { refuseWeakMemberPassword } from './hooks/refuseWeakMemberPassword'
import { sessionBookkeeping } from './hooks/sessionBookkeeping'
import { keepASignInName, signInName } from './hooks/signInName'
import { limitPasswordResetMail } from '../../auth/limitPasswordResetMail'
import { memberResetMail } from '../../email/templates/members'

export const MEMBER_STATUSES = [
  { label: 'Chờ kích hoạt', value: 'pending' },
  { label: 'Đang hoạt động', value: 'active' },
  { label: 'Đã khóa', value: 'disabled' },
] as const

/**
 * Đảng viên: accounts issued by their party organization (never self sign-up), for reading on the
 * site what their organization allows. They sign in on the site with a phone number or an e-mail
 * address, never in the admin (only `users` can). A member first sets a password with an activation
 * link by e-mail or a one-time code the chi bộ secretary hands over (endpoints/activation.ts).
 */
export const Members: CollectionConfig = {
  slug: 'members',
  labels: { singular: 'Đảng viên', plural: 'Đảng viên' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'organization', 'phone', 'email', 'status'],
    group: 'Đảng viên',
    description:
      'Tài khoản đảng viên đọc Sổ tay trên trang công khai (không vào được trang quản trị). In phiếu mã kích hoạt cho đảng viên chờ kích hoạt: mở /api/members/activation-sheet (tổ chức của mình) hoặc /api/members/activation-sheet?organization=<mã tổ chức, ví dụ CB7>.',
  },
  auth: {
    // The username is always set (the phone, else the e-mail: hooks/signInName.ts); requiring it
    // keeps Payload from refusing a phone-only account before the hooks have run.
    loginWithUsername: { allowEmailLogin: true, requireEmail: false, requireUsername: true },
    // As in the admin: five wrong passwords lock the account for 15 minutes, in the database.
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    // The longest a sign-in lasts ("remember this device": 90 days); without it the site keeps the
    // token in a cookie that ends with the browser session (site/lib/members/session.ts).
    tokenExpiration: 90 * 24 * 60 * 60,
    // One session per signed-in device: signing out, a new password or a locked account ends them
    // (hooks/sessionBookkeeping.ts), and Payload refuses a token whose session is gone.
    useSessions: true,
    cookies: { sameSite: 'Lax', secure: env().SERVER_URL.startsWith('https://') },
    forgotPassword: memberResetMail,
  },
  access: {
    admin: () => false,
    read: readMembers,
    create: manageMembers,
    update: manageMembers,
    delete: manageMembers,
    // Unlocking resets the lockout's counter: the member's own organization's staff only.
    unlock: manageMembers,
  },
  endpoints: [
    activateEndpoint,
    activationSheetEndpoint,
    sendActivationEndpoint,
    ...readerEndpoints,
    ...feedEndpoints,
    ...meetingEndpoints,
    ...questionEndpoints,
    ...studyEndpoints,
  ],
  fields: [
    { name: 'name', label: 'Họ và tên', type: 'text', required: true, index: true },
    dayOnlyField('birthDate', 'Ngày sinh'),
    { name: 'partyCardNumber', label: 'Số thẻ đảng viên', type: 'text', unique: true, admin: { description: 'Không bắt buộc.' } },
    {
      ...organizationField('organization', 'Chi bộ (tổ chức đảng)', true),
      access: { update: manageMembersOf },
      admin: { description: 'Đảng viên đọc được nội dung dành cho tổ chức này và các tổ chức cấp trên.' },
    } as CollectionConfig['fields'][number],
    {
      name: 'phone',
      label: 'Số điện thoại',
      type: 'text',
      unique: true,
      admin: { description: 'Dùng để đăng nhập (cùng thư điện tử, nếu có). Cần ít nhất một trong hai.' },
    },
    {
      name: 'status',
      label: 'Trạng thái',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [...MEMBER_STATUSES],
      access: { update: manageMembersOf },
      admin: { position: 'sidebar' },
    },
    // Secrets: never in an API answer or the admin (hidden), read only by the endpoints.
    { name: 'activationCodeHash', type: 'text', hidden: true },
    { name: 'activationCodeExpiresAt', type: 'date', hidden: true },
    { name: 'activationCodeAttempts', type: 'number', hidden: true },
    { name: 'activationLinkHash', type: 'text', hidden: true },
    { name: 'activationLinkExpiresAt', type: 'date', hidden: true },
    { name: 'feedToken', type: 'text', hidden: true, index: true },
    // Study (cms/study/): kept by the members' study endpoints, read-only in the admin.
    {
      name: 'studyPoints',
      label: 'Điểm học tập',
      type: 'number',
      defaultValue: 0,
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Tổng các lần được cộng điểm (mục Điểm học tập).' },
    },
    { name: 'lastStudyDay', label: 'Lần học tập gần nhất', type: 'text', index: true, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'hideFromRanking',
      label: 'Ẩn tên khỏi bảng xếp hạng cấp trên',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { position: 'sidebar', description: 'Đảng viên tự chọn trong mục Học tập; tên vẫn hiện trong bảng xếp hạng của chi bộ.' },
    },
  ],
  hooks: {
    beforeValidate: [keepASignInName],
    // The password rule first: the stand-in password of a new account (signInName) is not the member's.
    beforeOperation: [refuseWeakMemberPassword, signInName, limitPasswordResetMail],
    beforeChange: [sessionBookkeeping],
    beforeLogin: [onlyActiveMembers],
  },
}
