/**
 * The background warm-up: after new item columns are built (first search, new generation) or the
 * posting sets were emptied, the posting sets of the frequent words and the best-ranked headlines
 * are read a few milliseconds at a time between searches.
 *
 * Without it, the first queries using a common word each pay one FTS5 read of its long doclist
 * (up to ~10 ms at 100 k items), and the phrase tier its headline reads. Slices are short and run
 * from a timer, so a search arriving meanwhile waits for at most one slice; each slice runs in its
 * own read transaction after refresh(), so what it adds is consistent with the columns, and later
 * commits patch it like any other entry. It stops when the generation changes (the new columns'
 * own warm-up takes over), at the budget, or on close.
 */
import type { ItemColumns } from './columns'
import type { Connection } from './connection'
import type { Matcher } from './match'
import type { Memory } from './memory'
import { ASCII_TOKEN, type Scope } from './postings'
import { tablesOf } from './schema'
import { MAX_HEADLINES, type Ranker } from './tiers'

/**
 * What the warm-up reads: the posting sets of the words found in at least WARMUP_MIN_SHARE of the
 * items, most frequent first, scope by scope, then the headlines (best-ranked first, up to
 * WARMUP_HEADLINES), in slices of about WARMUP_SLICE_MS, until WARMUP_BUDGET_SHARE of the
 * posting-set budget is used. At 100 k items (2 cores, quiet): ~800 words × 4 scopes = 22 MB, plus
 * 100 k headlines (13 MB), in 4.5–7 s; a search arriving meanwhile waits for the running slice:
 * ≤ ~20 ms (one FTS5 read of a very common word can take 10 ms by itself). At 10 k items: 0.5–0.8 s.
 */
const WARMUP_MIN_SHARE = 0.01
const WARMUP_SCOPES: readonly Scope[] = ['full', 'title', 'catalogue', 'head']
const WARMUP_SLICE_MS = 3
const WARMUP_BUDGET_SHARE = 0.8
const WARMUP_HEADLINES = 150_000

/** Words in at least this many items count as frequent: warmed up, and kept apart in prefixes. */
export const warmupMinDocs = (columns: ItemColumns) => Math.max(2, Math.ceil(columns.size * WARMUP_MIN_SHARE))

export class Warmup {
  private run: { timer: NodeJS.Timeout | null; done: () => void } | null = null
  /** Settles when the running warm-up is done (benchmarks and tests wait on it). */
  warming: Promise<void> = Promise.resolve()

  constructor(
    private readonly c: Connection,
    private readonly memory: Memory,
    private readonly matcher: Matcher,
    private readonly ranker: Ranker,
  ) {}

  /** Starts the warm-up for `columns`, ending any running one. */
  schedule(columns: ItemColumns): void {
    this.stop()
    let queue: Array<() => void> | null = null
    let at = 0
    let done!: () => void
    this.warming = new Promise<void>((resolve) => (done = resolve))
    const run = { timer: null as NodeJS.Timeout | null, done }
    this.run = run
    const next = () => {
      run.timer = setTimeout(slice, 0)
      run.timer.unref()
    }
    const slice = () => {
      run.timer = null
      if (this.run !== run) return
      let more = false
      try {
        if (this.c.db.isOpen && !this.c.db.isTransaction) {
          more = this.c.read(() => {
            // A new generation (or a closed engine) ends this warm-up; refresh() starts the next one.
            if (this.memory.refresh() !== columns || this.run !== run) return false
            const t = tablesOf(columns.generation)
            if (!queue) {
              // The posting sets of the frequent words, scope by scope, then the best-ranked headlines.
              const terms = this.c.all<{ term: string }>(`SELECT term FROM ${t.vocab} WHERE docs >= ? ORDER BY docs DESC`, warmupMinDocs(columns))
              const words = terms.map((r) => r.term).filter((term) => ASCII_TOKEN.test(term))
              const budget = this.memory.postings.budgetBytes * WARMUP_BUDGET_SHARE
              queue = WARMUP_SCOPES.flatMap((scope) =>
                words.map((term) => () => {
                  if (this.memory.postings.bytes < budget && !this.memory.postings.peek(scope, term)) this.matcher.postingSet(t, columns, scope, term)
                }),
              )
              const top = Array.from(columns.rankOrder().subarray(0, WARMUP_HEADLINES))
              for (let i = 0; i < top.length; i += 500) {
                const part = top.slice(i, i + 500)
                queue.push(() => {
                  if (columns.headlineCount < MAX_HEADLINES) {
                    this.ranker.loadHeadlines(
                      t,
                      columns,
                      part.filter((rid) => columns.headlines[rid] === undefined),
                    )
                  }
                })
              }
            }
            const started = performance.now()
            while (at < queue.length && performance.now() - started < WARMUP_SLICE_MS) queue[at++]()
            return at < queue.length
          })
        }
      } catch {
        more = false
      }
      if (this.run !== run) return
      if (more) next()
      else this.stop()
    }
    next()
  }

  stop(): void {
    const run = this.run
    if (!run) return
    this.run = null
    if (run.timer) clearTimeout(run.timer)
    run.done()
  }
}
