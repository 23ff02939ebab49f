/**
 * Who may read an item, as one key per audience, shared by every channel that filters by reader:
 * `public` (everyone), `members` (every party member of the province) and `org:<id>` (the members of
 * that organization and of the organizations below it). A reader holds the keys of what they may
 * see; an item is visible when its key is among them.
 */
import type { Audience } from './vocabulary'

export type ScopeKey = 'public' | 'members' | `org:${string}`

export const PUBLIC_SCOPE: ScopeKey = 'public'
export const MEMBERS_SCOPE: ScopeKey = 'members'
export const organizationScope = (organizationId: string): ScopeKey => `org:${organizationId}`

/** The key of an item, or null when its audience names no organization it needs. */
export function scopeOfAudience(audience: Audience | null | undefined, audienceOrganization: string | null | undefined): ScopeKey | null {
  if (audience === 'public') return PUBLIC_SCOPE
  if (audience === 'members') return MEMBERS_SCOPE
  if (audience === 'organization' && audienceOrganization) return organizationScope(audienceOrganization)
  return null
}

/**
 * The keys a member holds: public, members, and one per organization from their own up to the top
 * (content for a đảng bộ reaches the members of every chi bộ below it).
 */
export const memberScopes = (organizationAndAncestors: readonly string[]): ScopeKey[] => [
  PUBLIC_SCOPE,
  MEMBERS_SCOPE,
  ...organizationAndAncestors.map(organizationScope),
]

export interface OrganizationLink {
  id: string
  parentId: string | null
}

/** An organization and every organization above it, nearest first; stops at a loop or an unknown parent. */
export function organizationAndAncestors(organizationId: string, byId: ReadonlyMap<string, OrganizationLink>): string[] {
  const chain: string[] = []
  for (let id: string | null = organizationId; id && !chain.includes(id); id = byId.get(id)?.parentId ?? null) chain.push(id)
  return chain
}
