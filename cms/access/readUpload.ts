import type { Access, Where } from 'payload'
import type { UploadDoc } from '../lib/records'
import { organizationChain } from './organizationTree'
import { isMember, isStaff, organizationOf, roleOf } from './roles'

/**
 * Files follow the content that uses them (see hooks/uploadVisibility): anonymous readers get
 * public ones; members also those for all members and those of their organization or one above it.
 * Contributors read what members read plus their own organization's uploads, like content; staff
 * read everything.
 */
export const readUpload: Access<UploadDoc> = async ({ req }) => {
  const user = req.user
  // Everything, as a condition rather than `true`: Payload then looks the file up before serving
  // it, and answers a name that no record has with 404 instead of failing on the disk (500).
  if (isStaff(user)) return { id: { exists: true } }
  const org = organizationOf(user)
  let visible: Where = { visibility: { equals: 'public' } }
  if (isMember(user)) {
    const chain = org ? await organizationChain(req, org) : []
    const scoped: Where[] = chain.length > 0 ? [{ and: [{ visibility: { equals: 'organization' } }, { visibleTo: { in: chain } }] }] : []
    visible = { or: [{ visibility: { in: ['public', 'members'] } }, ...scoped] }
  }
  if (roleOf(user) === 'contributor' && org) return { or: [visible, { organization: { equals: org } }] }
  return visible
}
