/**
 * The members' variant of the search benchmark: who may read each generated item, and the member
 * whose searches are measured (run.ts, measure.ts `members`).
 *
 * Organizations: a tree of 50 — the tỉnh ủy, 7 đảng bộ under it and 6 chi bộ under each (42).
 * Items: ~80 % public, ~10 % for every member (`members`), ~10 % for one organization and those
 * below it — of these, 60 % a chi bộ's, 30 % a đảng bộ's, 10 % the tỉnh ủy's, each organization of
 * a level equally likely. Decided by a hash of the item id, so an item has the same scope in every
 * run, whatever the batches.
 *
 * The member belongs to the first chi bộ of the first đảng bộ and holds five keys: public,
 * members, and the chi bộ, its đảng bộ and the tỉnh ủy (core/scopes.ts) — ~91.6 % of the items.
 */
import { memberScopes, organizationAndAncestors, organizationScope, type OrganizationLink, type ScopeKey } from '../../core/scopes'
import type { SearchItem } from '../../search/contract'

const PROVINCE = 'tu'
const DISTRICTS = Array.from({ length: 7 }, (_, d) => `db-${d}`)
const CELLS = DISTRICTS.flatMap((district, d) => Array.from({ length: 6 }, (_, c) => ({ id: `cb-${d}-${c}`, parentId: district })))

/** The organization tree, by id. */
export const BENCH_ORGANIZATIONS: ReadonlyMap<string, OrganizationLink> = new Map(
  [{ id: PROVINCE, parentId: null }, ...DISTRICTS.map((id) => ({ id, parentId: PROVINCE })), ...CELLS].map((o) => [o.id, o]),
)

/** The measured member's keys: public, members, org:cb-0-0, org:db-0, org:tu. */
export const BENCH_MEMBER_SCOPES: ScopeKey[] = memberScopes(organizationAndAncestors(CELLS[0]!.id, BENCH_ORGANIZATIONS))

/** FNV-1a of `text`, as a number in [0, 1). */
function unit(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) / 2 ** 32
}

const pick = <T>(list: readonly T[], u: number): T => list[Math.min(list.length - 1, Math.floor(u * list.length))]!

/** The scope of a generated item in the members' index. */
export function benchScopeOf(id: string): ScopeKey {
  const u = unit(id)
  if (u < 0.8) return 'public'
  if (u < 0.9) return 'members'
  const v = unit(`${id}#organization`)
  const w = unit(`${id}#which`)
  if (v < 0.6) return organizationScope(pick(CELLS, w).id)
  if (v < 0.9) return organizationScope(pick(DISTRICTS, w))
  return organizationScope(PROVINCE)
}

/** A batch of generated (public) items as the members' index holds them. */
export const withBenchScopes = (items: SearchItem[]): SearchItem[] => items.map((item) => ({ ...item, scope: benchScopeOf(item.id) }))
