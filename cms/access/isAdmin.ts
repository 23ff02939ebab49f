import type { PayloadRequest } from 'payload'
import { roleOf } from './roles'

/** Typed for both collection access and the jobs queue's access (which accepts booleans only). */
export const isAdmin = ({ req }: { req: PayloadRequest }): boolean => roleOf(req.user) === 'admin'
