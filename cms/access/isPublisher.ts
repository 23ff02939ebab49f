import type { Access } from 'payload'
import type { EditorialDoc } from '../lib/records'
import { canPublish } from './roles'

/** Delete (and other irreversible actions) belong to publishers and admins. */
export const isPublisher: Access<EditorialDoc> = ({ req }) => canPublish(req.user)
