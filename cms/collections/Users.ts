import type { CollectionBeforeChangeHook, CollectionConfig, FieldAccess } from 'payload'
import type { User } from '../payload-types'
import { limitPasswordResetMail } from '../auth/limitPasswordResetMail'
import { refuseWeakPassword } from '../auth/passwordStrength'
import { fieldError } from '../lib/fieldError'
import { canUseAdmin } from '../access/canUseAdmin'
import { isAdmin } from '../access/isAdmin'
import { env } from '../../core/env/cms'
import { forgotPasswordEmail } from '../email/templates/auth'
import { ROLE_LABELS, ROLES, roleOf } from '../access/roles'

const adminOnlyField: Record<'create' | 'update', FieldAccess<User>> = {
  create: ({ req }) => roleOf(req.user) === 'admin' || !req.user,
  update: ({ req }) => roleOf(req.user) === 'admin',
}

/** A contributor writes for one organization, so their account must name it. */
const contributorHasOrganization: CollectionBeforeChangeHook<User> = ({ data, originalDoc, req }) => {
  const role = data.role ?? originalDoc?.role
  const org = data.organization ?? originalDoc?.organization
  if (role === 'contributor' && !org) {
    throw fieldError(req, 'users', 'organization', 'Cộng tác viên phải thuộc một tổ chức đảng.')
  }
  return data
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Người dùng', plural: 'Người dùng' },
  auth: {
    // Five wrong passwords lock the account for 15 minutes (Payload counts per user, in the database,
    // so the lock holds across CMS processes and restarts).
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // Secure cookies whenever the CMS is served over HTTPS, which production requires (core/env/cms.ts);
    // HttpOnly always (Payload). Lax keeps the cookie off cross-site POSTs; CSRF origins are in payload.config.
    cookies: { sameSite: 'Lax', secure: env().SERVER_URL.startsWith('https://') },
    // Vietnamese reset mail (HTML; the email adapter adds the plain-text part).
    forgotPassword: forgotPasswordEmail,
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'role', 'organization'], group: 'Quản trị' },
  access: {
    admin: canUseAdmin,
    read: ({ req }) => (roleOf(req.user) === 'admin' ? true : req.user ? { id: { equals: req.user.id } } : false),
    create: isAdmin,
    update: ({ req }) => (roleOf(req.user) === 'admin' ? true : req.user ? { id: { equals: req.user.id } } : false),
    delete: isAdmin,
    // Unlocking resets the lockout's counter: in anyone else's hands it would allow unlimited guessing.
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', label: 'Họ và tên', type: 'text', required: true },
    {
      name: 'role',
      label: 'Vai trò',
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      access: adminOnlyField,
    },
    {
      name: 'organization',
      label: 'Tổ chức đảng',
      type: 'relationship',
      relationTo: 'organizations',
      saveToJWT: true,
      access: adminOnlyField,
      admin: { description: 'Bắt buộc với Cộng tác viên: họ chỉ soạn nội dung của tổ chức này.' },
    },
  ],
  hooks: {
    beforeOperation: [refuseWeakPassword, limitPasswordResetMail],
    beforeChange: [contributorHasOrganization],
  },
}
