import type { Access, PayloadRequest, Where } from 'payload'
import { isEditorial, isStaff, organizationOf } from './roles'
import { organizationSubtree } from './organizationTree'

/**
 * The organizations whose study figures and campaigns a staff account looks after: every one for
 * the editorial board's staff, the own organization and those below it for an organization's
 * account (a chi bộ secretary sees their chi bộ; a huyện ủy account, its whole district). Null: none.
 */
export async function studyOrganizations(req: PayloadRequest): Promise<'all' | string[] | null> {
  if (isStaff(req.user)) return 'all'
  const own = isEditorial(req.user) ? organizationOf(req.user) : undefined
  return own ? organizationSubtree(req, own) : null
}

/** Read/write rule for rows that belong to an organization (`field`): the account's subtree. */
export const withinStudyScope =
  (field = 'organization'): Access =>
  async ({ req }) => {
    const scope = await studyOrganizations(req)
    if (scope === 'all') return true
    if (!scope) return false
    return { [field]: { in: scope } } as Where
  }
