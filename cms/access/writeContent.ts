import type { Access } from 'payload'
import { ownerOf, type EditorialDoc, type OwnerField } from '../lib/records'
import { isStaff, organizationOf, roleOf } from './roles'

/** Create: staff anywhere; a contributor only for their own organization. */
export const createContent =
  (ownerField: OwnerField): Access<EditorialDoc> =>
  ({ req, data }) => {
    if (isStaff(req.user)) return true
    if (roleOf(req.user) !== 'contributor') return false
    const org = organizationOf(req.user)
    // The admin asks for create permission before any data exists; the real check runs on save.
    if (!data) return Boolean(org)
    return Boolean(org) && ownerOf(data, ownerField) === org
  }

/** Update: staff anything; a contributor only their organization's unpublished drafts. */
export const updateContent =
  (ownerField: OwnerField): Access<EditorialDoc> =>
  ({ req, data }) => {
    if (isStaff(req.user)) return true
    if (roleOf(req.user) !== 'contributor') return false
    const org = organizationOf(req.user)
    if (!org) return false
    if (data && ownerField in data && ownerOf(data, ownerField) !== org) return false
    return { and: [{ [ownerField]: { equals: org } }, { _status: { not_equals: 'published' } }] }
  }
