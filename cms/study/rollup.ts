import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'
import { relationId } from '../lib/relations'
import type { StudyStat } from '../payload-types'
import { organizationAndAncestors, type OrganizationLink } from '../../core/scopes'
import { organizationTree } from '../access/organizationTree'

/**
 * Folding study events into the committees' figures (`study-stats`). Every count is added to the
 * member's organization and to each one above it, so a question about any organization's subtree
 * reads its own rows only — at the cost of a few writes per event, paid once, in a job.
 */
export interface FoldableEvent {
  kind: string
  organization: string
  item: string
  day: string
  value?: number | null
}

export type StatCounters = Pick<StudyStat, 'members' | 'active' | 'readers' | 'reads' | 'quizzes' | 'scoreSum' | 'completions'>
export type StatKey = { organization: string; period: string; item?: string }
export const statKey = (k: StatKey) => `${k.organization}|${k.period}|${k.item ?? ''}`

export type Deltas = Map<string, StatKey & Partial<Record<keyof StatCounters, number>>>

function add(deltas: Deltas, key: StatKey, counter: keyof StatCounters, by: number) {
  const id = statKey(key)
  const row = deltas.get(id) ?? { ...key }
  row[counter] = (row[counter] ?? 0) + by
  deltas.set(id, row)
}

/** The additions a batch of events makes, per organization (own and every one above) and period. */
export function foldEvents(events: Iterable<FoldableEvent>, chainOf: (organization: string) => readonly string[], deltas: Deltas = new Map()): Deltas {
  for (const e of events) {
    const month = e.day.slice(0, 7)
    for (const organization of chainOf(e.organization)) {
      switch (e.kind) {
        case 'active':
          add(deltas, { organization, period: month }, 'readers', 1)
          break
        case 'read':
        case 'listen':
          add(deltas, { organization, period: month }, 'reads', 1)
          add(deltas, { organization, period: month, item: e.item }, 'reads', 1)
          break
        case 'quiz':
          add(deltas, { organization, period: month }, 'quizzes', 1)
          add(deltas, { organization, period: month }, 'scoreSum', e.value ?? 0)
          break
        case 'complete':
          add(deltas, { organization, period: month }, 'completions', 1)
          add(deltas, { organization, period: e.item }, 'completions', 1)
          break
      }
    }
  }
  return deltas
}

/** A chain lookup over the organization tree, memoised (a batch has many events per organization). */
export function chainLookup(tree: ReadonlyMap<string, OrganizationLink>): (organization: string) => readonly string[] {
  const memo = new Map<string, string[]>()
  return (organization) => {
    let chain = memo.get(organization)
    if (!chain) memo.set(organization, (chain = organizationAndAncestors(organization, tree)))
    return chain
  }
}

const COUNTERS: (keyof StatCounters)[] = ['members', 'active', 'readers', 'reads', 'quizzes', 'scoreSum', 'completions']

/** Adds deltas to the stored rows (creating missing ones); `replace` sets the counters instead (the daily member counts). */
export async function applyDeltas(payload: Payload, deltas: Deltas, req: PayloadRequest, replace = false, extra: { countedDay?: string } = {}): Promise<void> {
  const all = [...deltas.entries()]
  for (let i = 0; i < all.length; i += 200) {
    const slice = all.slice(i, i + 200)
    const { docs } = await payload.find({
      collection: 'study-stats',
      where: { key: { in: slice.map(([k]) => k) } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const existing = new Map(docs.map((d) => [d.key, d]))
    for (const [key, delta] of slice) {
      const row = existing.get(key)
      const values: Partial<StatCounters> & { countedDay?: string } = { ...extra }
      for (const c of COUNTERS) if (delta[c] !== undefined) values[c] = replace ? delta[c] : (row?.[c] ?? 0) + (delta[c] ?? 0)
      if (row) await payload.update({ collection: 'study-stats', id: row.id, data: values, depth: 0, overrideAccess: true, req })
      else
        await payload.create({
          collection: 'study-stats',
          data: { key, organization: delta.organization, period: delta.period, item: delta.item ?? null, ...values },
          depth: 0,
          overrideAccess: true,
          req,
        })
    }
  }
}

export const ROLLUP_BATCH = 1000

/**
 * Folds up to `batch` uncounted events into the figures and marks them counted, in one
 * transaction: a crash leaves both undone, so no event is counted twice or lost. True: more remain.
 */
export async function rollupBatch(payload: Payload, batch = ROLLUP_BATCH): Promise<{ counted: number; more: boolean }> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const { docs, hasNextPage } = await payload.find({
      collection: 'study-events',
      where: { counted: { not_equals: true } },
      depth: 0,
      limit: batch,
      overrideAccess: true,
      req,
    })
    if (docs.length === 0) {
      await commitTransaction(req)
      return { counted: 0, more: false }
    }
    const chainOf = chainLookup(await organizationTree(req))
    const events = docs.map((d) => ({ kind: d.kind, organization: relationId(d.organization) ?? '', item: d.item, day: d.day, value: d.value }))
    await applyDeltas(payload, foldEvents(events, chainOf), req)
    await payload.update({
      collection: 'study-events',
      where: { id: { in: docs.map((d) => d.id) } },
      data: { counted: true },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await commitTransaction(req)
    return { counted: docs.length, more: hasNextPage }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/**
 * The daily counts: members per organization's subtree and those who studied in the last 30 days
 * (members.lastStudyDay), written as the "now" rows with the day they were counted.
 */
export async function countMembers(payload: Payload, today: string): Promise<void> {
  const req = await createLocalReq({}, payload)
  const tree = await organizationTree(req)
  const chainOf = chainLookup(tree)
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10)
  const deltas: Deltas = new Map()
  for (const organization of tree.keys()) {
    add(deltas, { organization, period: 'now' }, 'members', 0)
    add(deltas, { organization, period: 'now' }, 'active', 0)
  }
  for (const organization of tree.keys()) {
    const active = { status: { equals: 'active' } }
    const [members, studied] = await Promise.all([
      payload.count({ collection: 'members', where: { and: [{ organization: { equals: organization } }, active] }, overrideAccess: true, req }),
      payload.count({
        collection: 'members',
        where: { and: [{ organization: { equals: organization } }, active, { lastStudyDay: { greater_than_equal: cutoff } }] },
        overrideAccess: true,
        req,
      }),
    ])
    for (const up of chainOf(organization)) {
      add(deltas, { organization: up, period: 'now' }, 'members', members.totalDocs)
      add(deltas, { organization: up, period: 'now' }, 'active', studied.totalDocs)
    }
  }
  await initTransaction(req)
  try {
    await applyDeltas(payload, deltas, req, true, { countedDay: today })
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/** The day the members were last counted (see countMembers), or null before the first count. */
export async function lastCountedDay(payload: Payload, req?: PayloadRequest): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'study-stats',
    where: { period: { equals: 'now' } },
    sort: '-countedDay',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0]?.countedDay ?? null
}
