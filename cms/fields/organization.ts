import type { Field } from 'payload'
import { organizationOf, roleOf } from '../access/roles'

/** The organization that owns an item; a contributor's own organization is filled in for them. */
export const organizationField = (name = 'organization', label = 'Tổ chức đảng', required = true): Field => ({
  name,
  label,
  type: 'relationship',
  relationTo: 'organizations',
  required,
  index: true,
  defaultValue: ({ user }) => (roleOf(user) === 'contributor' ? organizationOf(user) : undefined),
})
