import type { PayloadRequest } from 'payload'
import { isEditorial } from './roles'

/** Member accounts read the site; only the editorial board enters the admin panel. */
export const canUseAdmin = ({ req }: { req: PayloadRequest }): boolean => isEditorial(req.user)
