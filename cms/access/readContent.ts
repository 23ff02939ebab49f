import type { Access, PayloadRequest, Where } from 'payload'
import type { EditorialDoc, OwnerField } from '../lib/records'
import { organizationChain } from './organizationTree'
import { isMember, isStaff, organizationOf, roleOf } from './roles'

const published: Where = { _status: { equals: 'published' } }

/**
 * What a signed-in reader may read of published content: everything public or for all members, and
 * what is meant for their organization or one above it (core/scopes.ts). Secret documents can never
 * be published (hooks/enforceWorkflow), so "published" implies "not secret".
 */
export async function visibleToReader(req: PayloadRequest): Promise<Where> {
  if (!isMember(req.user)) return { and: [published, { audience: { equals: 'public' } }] }
  const org = organizationOf(req.user)
  const chain = org ? await organizationChain(req, org) : []
  const scoped: Where[] = chain.length > 0 ? [{ and: [{ audience: { equals: 'organization' } }, { audienceOrganization: { in: chain } }] }] : []
  return { and: [published, { or: [{ audience: { in: ['public', 'members'] } }, ...scoped] }] }
}

/**
 * Read rule of every editorial collection (documents, news, topics, announcements): anonymous
 * readers get published public content; members also what their organization allows; contributors
 * also their own organization's drafts; staff everything.
 */
export const readContent =
  (ownerField: OwnerField): Access<EditorialDoc> =>
  async ({ req }) => {
    const user = req.user
    if (isStaff(user)) return true
    const visible = await visibleToReader(req)
    const org = organizationOf(user)
    if (roleOf(user) === 'contributor' && org) return { or: [visible, { [ownerField]: { equals: org } }] }
    return visible
  }
