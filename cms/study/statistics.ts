import type { Payload, PayloadRequest } from 'payload'
import { relationId } from '../lib/relations'
import { organizationSubtree, organizationTree } from '../access/organizationTree'
import { studyOrganizations } from '../access/studyScope'
import type { StudyStat } from '../payload-types'
import { parseItemKey } from './events'

/**
 * What a committee sees for one organization (its whole subtree): members active in the last 30
 * days, each month's readers, reads, quiz participation and average score, campaign completion, the
 * most-read documents, and the same headline figures for each organization directly below it (the
 * drill-down). Reads only rows the rollup already summed (cms/study/rollup.ts).
 */
export interface MonthFigures {
  month: string
  readers: number
  reads: number
  quizzes: number
  /** Average quiz score in percent, or null without quizzes. */
  averageScore: number | null
  completions: number
}

export interface OrganizationFigures {
  id: string
  name: string
  members: number
  active: number
  /** Percent of members active in the last 30 days. */
  activePercent: number
  month: MonthFigures
}

export interface CampaignFigures {
  id: string
  title: string
  deadline: string
  members: number
  completed: number
  percent: number
}

export interface Statistics {
  organization: OrganizationFigures
  /** The organizations this account may open, for the picker (id, name, depth under the top). */
  choices: { id: string; name: string; depth: number }[]
  path: { id: string; name: string }[]
  months: MonthFigures[]
  children: OrganizationFigures[]
  campaigns: CampaignFigures[]
  topDocuments: { item: string; title: string; reads: number }[]
  /** When the member counts were last made (YYYY-MM-DD), or null before the first run. */
  countedDay: string | null
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)

function monthFigures(month: string, row: Partial<StudyStat> | undefined): MonthFigures {
  const quizzes = row?.quizzes ?? 0
  return {
    month,
    readers: row?.readers ?? 0,
    reads: row?.reads ?? 0,
    quizzes,
    averageScore: quizzes > 0 ? Math.round(((row?.scoreSum ?? 0) / quizzes) * 10) / 10 : null,
    completions: row?.completions ?? 0,
  }
}

/** The last `count` months up to `month` (YYYY-MM), oldest first. */
export function lastMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1))
    return d.toISOString().slice(0, 7)
  })
}

export class OutOfScope extends Error {}

/** The figures of `organizationId` (default: the account's top organization) for `month`, within the account's scope. */
export async function statisticsFor(payload: Payload, req: PayloadRequest, month: string, organizationId?: string): Promise<Statistics> {
  const scope = await studyOrganizations(req)
  if (!scope) throw new OutOfScope()
  const tree = await organizationTree(req)
  const allowedList = scope === 'all' ? [...tree.keys()] : scope
  const allowed = new Set(allowedList)
  const roots = allowedList.filter((id) => !allowed.has(tree.get(id)?.parentId ?? ''))
  const orgId = organizationId ?? roots[0]
  if (!orgId || !allowed.has(orgId)) throw new OutOfScope()

  const { docs: orgs } = await payload.find({
    collection: 'organizations',
    ...(scope === 'all' ? {} : { where: { id: { in: allowedList } } }),
    depth: 0,
    pagination: false,
    select: { name: true },
    overrideAccess: true,
    req,
  })
  const names = new Map(orgs.map((o) => [String(o.id), o.name]))
  const children = allowedList.filter((id) => tree.get(id)?.parentId === orgId)
  const months = lastMonths(month, 12)
  const ask = [orgId, ...children]

  const { docs: rows } = await payload.find({
    collection: 'study-stats',
    where: { and: [{ organization: { in: ask } }, { period: { in: [...months, 'now'] } }, { item: { exists: false } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const row = (org: string, period: string) => rows.find((r) => relationId(r.organization) === org && r.period === period)
  const figures = (id: string): OrganizationFigures => {
    const now = row(id, 'now')
    return {
      id,
      name: names.get(id) ?? '',
      members: now?.members ?? 0,
      active: now?.active ?? 0,
      activePercent: percent(now?.active ?? 0, now?.members ?? 0),
      month: monthFigures(month, row(id, month)),
    }
  }

  const [topRows, campaigns] = await Promise.all([
    payload.find({
      collection: 'study-stats',
      where: { and: [{ organization: { equals: orgId } }, { period: { equals: month } }, { item: { exists: true } }] },
      sort: '-reads',
      limit: 10,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    campaignFigures(payload, req, orgId, tree, figures(orgId).members),
  ])

  const path: { id: string; name: string }[] = []
  for (let id: string | null | undefined = orgId; id && allowed.has(id); id = tree.get(id)?.parentId) path.unshift({ id, name: names.get(id) ?? '' })

  const depth = (id: string) => {
    let d = 0
    for (let p = tree.get(id)?.parentId; p && allowed.has(p); p = tree.get(p)?.parentId) d++
    return d
  }
  return {
    organization: figures(orgId),
    choices: allowedList
      .map((id) => ({ id, name: names.get(id) ?? '', depth: depth(id) }))
      .sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name, 'vi')),
    path,
    months: months.map((m) => monthFigures(m, row(orgId, m))),
    children: children.map(figures).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    campaigns,
    topDocuments: await titled(payload, req, topRows.docs),
    countedDay: row(orgId, 'now')?.countedDay ?? null,
  }
}

/** Completion of the campaigns that reach this organization's members (set for it, above it or below it). */
async function campaignFigures(
  payload: Payload,
  req: PayloadRequest,
  orgId: string,
  tree: Awaited<ReturnType<typeof organizationTree>>,
  members: number,
): Promise<CampaignFigures[]> {
  const subtree = await organizationSubtree(req, orgId)
  const above: string[] = []
  for (let id: string | null | undefined = orgId; id; id = tree.get(id)?.parentId) above.push(id)
  const { docs } = await payload.find({
    collection: 'study-campaigns',
    where: { and: [{ active: { equals: true } }, { organization: { in: [...new Set([...above, ...subtree])] } }] },
    sort: '-deadline',
    limit: 20,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const out: CampaignFigures[] = []
  for (const c of docs) {
    const campaignOrg = relationId(c.organization) ?? ''
    // A campaign set below this organization concerns only that part of it.
    const scopeOrg = above.includes(campaignOrg) ? orgId : campaignOrg
    const { docs: stats } = await payload.find({
      collection: 'study-stats',
      where: { key: { in: [`${scopeOrg}|campaign:${c.id}|`, `${scopeOrg}|now|`] } },
      depth: 0,
      overrideAccess: true,
      req,
    })
    const assigned = scopeOrg === orgId ? members : (stats.find((s) => s.period === 'now')?.members ?? 0)
    const completed = stats.find((s) => s.period !== 'now')?.completions ?? 0
    out.push({
      id: String(c.id),
      title: c.title,
      deadline: (c.deadline ?? '').slice(0, 10),
      members: assigned,
      completed,
      percent: percent(completed, assigned),
    })
  }
  return out
}

async function titled(payload: Payload, req: PayloadRequest, rows: StudyStat[]) {
  const refs = rows.map((r) => parseItemKey(r.item ?? ''))
  const titles = new Map<string, string>()
  for (const collection of ['documents', 'topics'] as const) {
    const ids = refs.filter((r) => r?.collection === collection).map((r) => r!.id)
    if (ids.length === 0) continue
    const { docs } = await payload.find({ collection, where: { id: { in: ids } }, depth: 0, pagination: false, overrideAccess: true, req })
    for (const doc of docs) titles.set(`${collection}:${doc.id}`, 'number' in doc && doc.number ? `${doc.number} — ${doc.title}` : doc.title)
  }
  return rows.map((r) => ({ item: r.item ?? '', title: titles.get(r.item ?? '') ?? '(đã xóa)', reads: r.reads ?? 0 }))
}
