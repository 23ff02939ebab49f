/** Percentiles and per-class summaries shared by the in-process and HTTP measurements. */

/** Nearest-rank percentile of unsorted samples (ms); NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)))
  return sorted[rank - 1]!
}

export interface Summary {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

const round = (x: number) => Math.round(x * 100) / 100

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(samples.length ? Math.max(...samples) : NaN),
    mean: round(samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length)),
  }
}

export interface Sample {
  id: string
  cls: string
  ms: number
}

/**
 * Overall summary plus one per query class, and the slowest queries (by their median). `medians`
 * summarizes the per-query medians over the passes: a p95 that a few scheduling or GC hiccups
 * cannot move, i.e. what the queries themselves cost.
 */
export function summarizeSamples(samples: readonly Sample[]): {
  all: Summary
  byClass: Record<string, Summary>
  medians: { all: Summary; byClass: Record<string, Summary> }
  slowest: Array<{ id: string; cls: string; medianMs: number }>
} {
  const byClass: Record<string, number[]> = {}
  const byQuery = new Map<string, { cls: string; ms: number[] }>()
  for (const s of samples) {
    ;(byClass[s.cls] ??= []).push(s.ms)
    const q = byQuery.get(s.id) ?? { cls: s.cls, ms: [] }
    q.ms.push(s.ms)
    byQuery.set(s.id, q)
  }
  const medians = [...byQuery].map(([id, q]) => ({ id, cls: q.cls, medianMs: percentile(q.ms, 50) }))
  const medianByClass: Record<string, number[]> = {}
  for (const m of medians) (medianByClass[m.cls] ??= []).push(m.medianMs)
  const slowest = [...medians]
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 12)
    .map((m) => ({ ...m, medianMs: round(m.medianMs) }))
  return {
    all: summarize(samples.map((s) => s.ms)),
    byClass: Object.fromEntries(Object.entries(byClass).map(([cls, ms]) => [cls, summarize(ms)])),
    medians: {
      all: summarize(medians.map((m) => m.medianMs)),
      byClass: Object.fromEntries(Object.entries(medianByClass).map(([cls, ms]) => [cls, summarize(ms)])),
    },
    slowest,
  }
}
