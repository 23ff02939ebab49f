/** Retrieval metrics for the judged query set (search/eval/queries.json). */
export interface JudgedQuery {
  category: string
  q: string
  /** Acceptable answers (corpus ids = search slugs); the first is the best one. */
  relevant: string[]
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

export interface CategoryScore {
  category: string
  queries: number
  mrr: number
  successAt1: number
  recallAt10: number
  zeroResults: number
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
    successAt1: mean(list.map((o) => successAt1(o.ranked, o.query.relevant))),
    recallAt10: mean(list.map((o) => recallAt(10, o.ranked, o.query.relevant))),
    zeroResults: list.filter((o) => o.ranked.length === 0).length,
  }))
}
