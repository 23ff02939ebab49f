import type { Access } from 'payload'
import { isEditorial, isMember } from './roles'

/** Files follow the content that uses them (see hooks/uploadVisibility). */
export const readUpload: Access = ({ req }) => {
  if (isEditorial(req.user)) return true
  if (isMember(req.user)) return { visibility: { in: ['public', 'members'] } }
  return { visibility: { equals: 'public' } }
}
