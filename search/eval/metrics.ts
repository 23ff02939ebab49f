/** Retrieval metrics for the judged query set (search/eval/queries.json). */
export interface JudgedQuery {
  category: string
  q: string
  /** Acceptable answers (corpus ids = search slugs); the first is the best one. */
  relevant: string[]
  /** Leak probes: members-only records that must never be listed. */
  forbidden?: string[]
}

export interface QueryOutcome {
  query: JudgedQuery
  ranked: string[]
  tookMs: number
}

/** 1 / rank of the first relevant result (0 when none in the list). */
export const reciprocalRank = (ranked: string[], relevant: string[]): number => {
  const i = ranked.findIndex((id) => relevant.includes(id))
  return i < 0 ? 0 : 1 / (i + 1)
}

/** Whether the result list starts with relevant items only, as many as there are (several for a reused number). */
export const successAt1 = (ranked: string[], relevant: string[]): number => (ranked.length > 0 && relevant.includes(ranked[0]!) ? 1 : 0)

export const recallAt = (k: number, ranked: string[], relevant: string[]): number =>
  relevant.length ? relevant.filter((id) => ranked.slice(0, k).includes(id)).length / relevant.length : 1

/**
 * nDCG@k with graded gains: 2 for the best answer (listed first), 1 for every other acceptable one,
 * over the ideal order of those gains.
 */
export function ndcgAt(k: number, ranked: string[], relevant: string[]): number {
  const gain = (id: string) => (id === relevant[0] ? 2 : relevant.includes(id) ? 1 : 0)
  const dcg = (gains: number[]) => gains.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0)
  const ideal = dcg(relevant.map(gain).sort((a, b) => b - a))
  return ideal > 0 ? dcg(ranked.map(gain)) / ideal : 1
}

/** How many forbidden records the list holds (leak probes; 0 is the only acceptable answer). */
export const leaksIn = (ranked: string[], forbidden: string[] = []): number => ranked.filter((id) => forbidden.includes(id)).length

export interface CategoryScore {
  category: string
  queries: number
  mrr: number
  ndcgAt10: number
  successAt1: number
  recallAt10: number
  zeroResults: number
  leaks: number
}

export function score(outcomes: QueryOutcome[]): CategoryScore[] {
  const byCategory = new Map<string, QueryOutcome[]>()
  for (const o of outcomes) byCategory.set(o.query.category, [...(byCategory.get(o.query.category) ?? []), o])
  byCategory.set('all', outcomes)
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
  return [...byCategory].map(([category, list]) => ({
    category,
    queries: list.length,
    mrr: mean(list.map((o) => reciprocalRank(o.ranked, o.query.relevant))),
    ndcgAt10: mean(list.map((o) => ndcgAt(10, o.ranked, o.query.relevant))),
    successAt1: mean(list.map((o) => successAt1(o.ranked, o.query.relevant))),
    recallAt10: mean(list.map((o) => recallAt(10, o.ranked, o.query.relevant))),
    zeroResults: list.filter((o) => o.ranked.length === 0).length,
    leaks: list.reduce((sum, o) => sum + leaksIn(o.ranked, o.query.forbidden), 0),
  }))
}
