import type { Access, Where } from 'payload'
import type { EditorialDoc, OwnerField } from '../lib/records'
import { isMember, isStaff, organizationOf, roleOf } from './roles'

const published: Where = { _status: { equals: 'published' } }

/**
 * Read rule of every editorial collection (documents, news, topics, announcements).
 * Anonymous readers get published public content only; members also get members-only content;
 * contributors also see their own organization's drafts; staff see everything.
 * Secret documents can never be published (see hooks/enforceWorkflow), so "published" implies "not secret".
 */
export const readContent =
  (ownerField: OwnerField): Access<EditorialDoc> =>
  ({ req }) => {
    const user = req.user
    if (isStaff(user)) return true
    const visible: Where = isMember(user)
      ? { and: [published, { audience: { in: ['public', 'members'] } }] }
      : { and: [published, { audience: { equals: 'public' } }] }
    const org = organizationOf(user)
    if (roleOf(user) === 'contributor' && org) {
      return { or: [visible, { [ownerField]: { equals: org } }] }
    }
    return visible
  }
