import type { Access } from 'payload'
import type { Organization, Subject } from '../payload-types'
import { isStaff } from './roles'

/** Create and update of the lists (organizations, subjects) are the staff's. */
export const isStaffAccess: Access<Organization | Subject> = ({ req }) => isStaff(req.user)
