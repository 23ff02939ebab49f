import type { PayloadRequest } from 'payload'
import { organizationAndAncestors, type OrganizationLink } from '../../core/scopes'
import { relationId } from '../lib/relations'

const CACHE = 'soTayOrganizationTree'

/**
 * Every organization's parent, read once per request (a province has hundreds of organizations, a
 * few kilobytes): access rules ask for a reader's chain or a staff member's subtree many times.
 */
export async function organizationTree(req: PayloadRequest): Promise<Map<string, OrganizationLink>> {
  const cached = req.context[CACHE] as Map<string, OrganizationLink> | undefined
  if (cached) return cached
  const { docs } = await req.payload.find({
    collection: 'organizations',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { parent: true },
    req,
  })
  const tree = new Map(docs.map((o) => [String(o.id), { id: String(o.id), parentId: relationId(o.parent) ?? null }]))
  req.context[CACHE] = tree
  return tree
}

/** An organization and every one above it (whose members-of-subtree content it may read). */
export async function organizationChain(req: PayloadRequest, organizationId: string): Promise<string[]> {
  return organizationAndAncestors(organizationId, await organizationTree(req))
}

/** An organization and every one below it (whose members its staff look after). */
export async function organizationSubtree(req: PayloadRequest, organizationId: string): Promise<string[]> {
  const tree = await organizationTree(req)
  const children = new Map<string, string[]>()
  for (const org of tree.values()) if (org.parentId) children.set(org.parentId, [...(children.get(org.parentId) ?? []), org.id])
  const out: string[] = []
  const queue = [organizationId]
  while (queue.length > 0) {
    const id = queue.shift()!
    if (out.includes(id)) continue
    out.push(id)
    queue.push(...(children.get(id) ?? []))
  }
  return out
}
