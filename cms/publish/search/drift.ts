import type { IndexEntry } from '../../../search/contract'

export interface Drift {
  /** Public in the CMS, absent from the index. */
  missing: string[]
  /** In both, but the index holds an older version. */
  stale: string[]
  /** In the index, but not (or no longer) public in the CMS. */
  extra: string[]
}

export function compareEntries(cms: IndexEntry[], index: IndexEntry[]): Drift {
  const indexed = new Map(index.map((e) => [e.id, e.updatedAt]))
  const expected = new Set(cms.map((e) => e.id))
  const drift: Drift = { missing: [], stale: [], extra: [] }
  for (const e of cms) {
    const at = indexed.get(e.id)
    if (at === undefined) drift.missing.push(e.id)
    else if (at !== e.updatedAt) drift.stale.push(e.id)
  }
  for (const e of index) if (!expected.has(e.id)) drift.extra.push(e.id)
  return drift
}
