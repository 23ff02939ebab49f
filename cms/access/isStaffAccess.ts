import type { Access } from 'payload'
import { isStaff } from './roles'

export const isStaffAccess: Access = ({ req }) => isStaff(req.user)
