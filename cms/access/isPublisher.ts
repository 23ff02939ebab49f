import type { Access } from 'payload'
import { canPublish } from './roles'

/** Delete (and other irreversible actions) belong to publishers and admins. */
export const isPublisher: Access = ({ req }) => canPublish(req.user)
