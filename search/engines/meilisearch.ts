/**
 * The Meilisearch engine (server ≥ 1.16, client meilisearch-js 0.62).
 *
 * Two indexes (search/engine.ts): SEARCH_INDEX, the public one, which refuses any item whose scope
 * is not `public`, and SEARCH_INDEX-members, which holds everything some member may find. Every
 * document carries its `scope` (filterable); a query with `scopes` adds `scope IN [...]` to every
 * request it makes (text, facets, number lookup). With a search-only key (MEILI_SEARCH_KEY and
 * its uid), those requests are sent with a tenant token whose search rules pin the index to the
 * same scopes, so the server narrows them even if the filter built here were wrong. Draft and
 * secret content is never given to any engine.
 *
 * Semantics follow search/ranking.ts, as the embedded engine does:
 * - the query sent is the folded words (foldWords), so quotes and "-word" never become phrase or
 *   negation operators, and "27-QĐ/TW" arrives as "27 qd tw", which Meilisearch also joins into
 *   "27qdtw" and finds in `numberCompactKeys`;
 * - matchingStrategy "all" (every word must match); when nothing matches, the query is re-sent
 *   with its trailing words dropped one at a time;
 * - a document number in the query (findDocumentNumber) is looked up exactly with a filter on
 *   numberKey/numberShortKey; those documents are pinned first (in force first, then newest) and
 *   excluded from the text query by primary key so they are not listed twice;
 * - facets of an active filter come from a second query without that filter (multiSearch), so
 *   each facet is counted with the other filters applied; pinned documents are added in JS;
 * - the total is the sum of the `kind` facet (every item has exactly one kind): exact, where
 *   estimatedTotalHits is not.
 */
import {
  Meilisearch,
  MeilisearchError,
  type EnqueuedTaskPromise,
  type Hit,
  type IndexSwap,
  type MultiSearchQuery,
  type MultiSearchResult,
  type Settings,
} from 'meilisearch'
import { generateTenantToken } from 'meilisearch/token'
import type { ScopeKey } from '../../core/scopes'
import {
  checkItemScopes,
  FILTERS,
  MAX_LIMIT,
  MAX_PAGE,
  SearchUnavailableError,
  type FacetCount,
  type FilterName,
  type IndexEntry,
  type SearchEngine,
  type SearchHit,
  type SearchIndex,
  type SearchItem,
  type SearchQuery,
  type SearchResult,
} from '../contract'
import { cleanText, metaText, numberCompactKeys, numberText, statusRank } from '../indexing'
import {
  TYPO_MIN_LENGTH,
  UNAVAILABLE_MESSAGE,
  checkQuery,
  elapsed,
  emptyFacets,
  numberLookup,
  queryWords,
  scopeList,
  sortFacet,
  type NumberLookup,
} from '../ranking'
import { MARK_CLOSE, MARK_OPEN, buildSnippet, markedToHtml } from '../snippet'

// ---------------------------------------------------------------------------------------------
// Documents and settings
// ---------------------------------------------------------------------------------------------

/** What is stored in Meilisearch for one SearchItem: the item (less what is only derived) plus index-only fields. */
export interface MeiliDocument extends Omit<SearchItem, 'numberCompactKey' | 'fieldNames'> {
  /** Primary key: ids allow only [A-Za-z0-9_-], so the item id ("document:3f2a…") is base64url-encoded. */
  pk: string
  /** "27qdtw", "27qd": hit exactly when Meilisearch joins the query words "27 qd tw". */
  numberCompactKeys: string[]
  /** Printed number and canonical key ("27-QĐ/TW 27-qd/tw 27qdtw 27qd"). */
  numberText: string
  statusRank: number
  /** 0 for documents, 1 for news, topics and announcements: documents first when otherwise equal. */
  kindRank: number
  /** Catalogue line: kind, type label and codes, issuer, subjects, year (search/indexing.ts). */
  meta: string
}

export const primaryKeyOf = (id: string): string => Buffer.from(id, 'utf8').toString('base64url')

export function toMeiliDocument(item: SearchItem): MeiliDocument {
  return {
    pk: primaryKeyOf(item.id),
    id: item.id,
    kind: item.kind,
    slug: item.slug,
    url: item.url,
    title: cleanText(item.title),
    number: item.number,
    numberKey: item.numberKey,
    numberShortKey: item.numberShortKey,
    numberCompactKeys: numberCompactKeys(item),
    numberText: numberText(item),
    type: item.type,
    issuer: item.issuer,
    issuerName: item.issuerName ? cleanText(item.issuerName) : null,
    level: item.level,
    issuedAt: item.issuedAt,
    year: item.year,
    fields: [...new Set(item.fields ?? [])],
    status: item.status,
    statusRank: statusRank(item.status),
    kindRank: item.kind === 'document' ? 0 : 1,
    meta: metaText(item),
    summary: cleanText(item.summary),
    body: cleanText(item.body),
    attachmentText: cleanText(item.attachmentText),
    updatedAt: item.updatedAt,
    scope: item.scope,
  }
}

/** Document attribute behind each filter. */
export const FILTER_ATTRIBUTE: Record<FilterName, keyof MeiliDocument> = {
  kind: 'kind',
  type: 'type',
  issuer: 'issuer',
  level: 'level',
  year: 'year',
  field: 'fields',
  status: 'status',
}
const FACET_ATTRIBUTES = FILTERS.map((f) => FILTER_ATTRIBUTE[f])
const TEXT_ATTRIBUTES = ['summary', 'body', 'attachmentText'] as const
const HIT_ATTRIBUTES = ['pk', 'id', 'kind', 'slug', 'url', 'title', 'number', 'type', 'issuer', 'issuedAt']

/**
 * Abbreviations members type, both ways, folded. Only codes that are not Vietnamese syllables:
 * "tu" (Tỉnh ủy, but also tư/từ/tự), "da" (Đề án, but also da/đa) or "du" would match nearly
 * every document as a synonym. The catalogue line (meta) carries the type codes too, so "nq dân
 * số" matches even without these.
 */
const ABBREVIATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['nq', ['nghi quyet']],
  ['ct', ['chi thi']],
  ['qd', ['quyet dinh', 'quy dinh']],
  ['qdi', ['quy dinh']],
  ['kl', ['ket luan']],
  ['hd', ['huong dan']],
  ['tb', ['thong bao']],
  ['kh', ['ke hoach']],
  ['tw', ['trung uong']],
  ['bct', ['bo chinh tri']],
  ['bbt', ['ban bi thu']],
  ['bch', ['ban chap hanh']],
]

export function synonyms(): Record<string, string[]> {
  const out = new Map<string, Set<string>>()
  const add = (from: string, to: string) => out.set(from, (out.get(from) ?? new Set()).add(to))
  for (const [code, words] of ABBREVIATIONS) {
    for (const w of words) {
      add(code, w)
      add(w, code)
    }
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, [...v]]))
}

/** Applied to every index before any document reaches it (settings after documents re-index everything). */
export const MEILI_SETTINGS: Settings = {
  // Ranking intent: number ≫ title ≫ catalogue line ≫ summary ≫ body/attachment.
  searchableAttributes: ['numberCompactKeys', 'numberText', 'title', 'meta', 'summary', 'body', 'attachmentText'],
  filterableAttributes: ['kind', 'type', 'issuer', 'level', 'year', 'fields', 'status', 'numberKey', 'numberShortKey', 'pk', 'scope'],
  sortableAttributes: ['issuedAt', 'year', 'statusRank', 'kindRank', 'url'],
  // The embedded engine's intent (search/ranking.ts, sqlite/tiers.ts and score.ts): every word,
  // fewer typos first, then where the words are (number ≫ title ≫ catalogue ≫ summary ≫ body:
  // `attribute` before `proximity`, as the embedded tiers come before its proximity bonus), then
  // words together, then exact words over prefixes. `sort` sits before the tie-breakers so that
  // browsing (empty query, sort=issuedAt:desc) is newest first; text queries send no sort, so
  // documents before news and topics that quote them, in force first, newest, and finally the URL
  // decide among otherwise equal hits: the order is a function of the documents, never of the
  // order Meilisearch received them in.
  rankingRules: ['words', 'typo', 'attribute', 'proximity', 'exactness', 'sort', 'kindRank:asc', 'statusRank:asc', 'issuedAt:desc', 'url:asc'],
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: TYPO_MIN_LENGTH.oneTypo, twoTypos: TYPO_MIN_LENGTH.twoTypos },
    // A number differs from its neighbour by one digit: 27-QĐ/TW must never find 21-QĐ/TW.
    disableOnAttributes: ['numberCompactKeys', 'numberText'],
    disableOnNumbers: true,
  },
  synonyms: synonyms(),
  // Deep pages: MAX_PAGE × MAX_LIMIT hits must stay reachable.
  pagination: { maxTotalHits: MAX_PAGE * MAX_LIMIT },
  faceting: { maxValuesPerFacet: 1000 },
}

// ---------------------------------------------------------------------------------------------
// Filters (values are validated by search/query.ts; they are quoted and escaped all the same)
// ---------------------------------------------------------------------------------------------

export function quoteFilterValue(value: string | number): string {
  return `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

type ActiveFilter = [FilterName, string]

export function activeFilters(filters: SearchQuery['filters']): ActiveFilter[] {
  return FILTERS.flatMap((name): ActiveFilter[] => {
    const value = filters?.[name]
    return value === undefined || value === '' ? [] : [[name, value]]
  })
}

export function filterClause([name, value]: ActiveFilter): string {
  return `${FILTER_ATTRIBUTE[name]} = ${quoteFilterValue(value)}`
}

export function numberClause(lookup: NumberLookup): string {
  if (lookup.also) return `(${numberClause({ ...lookup, also: undefined })}) OR (${numberClause(lookup.also)})`
  const parts: string[] = []
  if (lookup.keys.length) parts.push(`numberKey IN [${lookup.keys.map(quoteFilterValue).join(', ')}]`)
  if (lookup.shortKeys.length) parts.push(`numberShortKey IN [${lookup.shortKeys.map(quoteFilterValue).join(', ')}]`)
  const either = parts.length > 1 ? `(${parts.join(' OR ')})` : (parts[0] ?? 'pk NOT EXISTS')
  return lookup.year === null ? either : `${either} AND year = ${quoteFilterValue(lookup.year)}`
}

/** Only items of these scopes (a non-empty list; an empty one is answered without asking the server). */
export const scopeClause = (scopes: readonly ScopeKey[]): string => `scope IN [${scopes.map(quoteFilterValue).join(', ')}]`

const excludeClause = (pks: string[]) => `pk NOT IN [${pks.map(quoteFilterValue).join(', ')}]`

function valuesOf(doc: Pick<MeiliDocument, 'kind' | 'type' | 'issuer' | 'level' | 'year' | 'fields' | 'status'>, name: FilterName): string[] {
  if (name === 'field') return doc.fields ?? []
  if (name === 'year') return [String(doc.year)]
  const v = doc[FILTER_ATTRIBUTE[name] as 'kind']
  return v ? [v] : []
}

// ---------------------------------------------------------------------------------------------
// Snippets
// ---------------------------------------------------------------------------------------------

const countMarks = (s: unknown) => (typeof s === 'string' ? s.split(MARK_OPEN).length - 1 : 0)

/** The cropped text attribute with the most highlighted words (summary first on ties), as escaped HTML. */
export function formattedSnippet(formatted: Partial<Record<string, unknown>> | undefined): string {
  if (!formatted) return ''
  let best: string | null = null
  let bestMarks = 0
  for (const name of TEXT_ATTRIBUTES) {
    const value = formatted[name]
    const marks = countMarks(value)
    if (marks > bestMarks) {
      best = value as string
      bestMarks = marks
    }
  }
  if (best === null) best = (TEXT_ATTRIBUTES.map((n) => formatted[n]).find((v) => typeof v === 'string' && v.trim()) as string | undefined) ?? ''
  return markedToHtml(best)
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

const REQUEST_TIMEOUT_MS = 10_000
/** Bulk additions on a small server take minutes, not the client's default 5 s. */
const TASK_TIMEOUT_MS = 10 * 60_000
const WRITE_BATCH = 1000
const CROP_WORDS = 30

type PinnedDoc = Pick<
  MeiliDocument,
  'pk' | 'id' | 'kind' | 'slug' | 'url' | 'title' | 'number' | 'type' | 'issuer' | 'issuedAt' | 'level' | 'year' | 'fields' | 'status' | 'summary'
>

interface Round {
  main: MultiSearchResult<MeiliDocument>
  facetResults: Map<FilterName, MultiSearchResult<MeiliDocument>>
}

/** Tenant tokens live this long; one is reused per scope list until TOKEN_RENEW_MS before it expires. */
const TOKEN_TTL_MS = 60 * 60_000
const TOKEN_RENEW_MS = 5 * 60_000
/** Scope lists with a client kept (one per organization chain in practice). */
const MAX_TOKEN_CLIENTS = 512

/** A search-only API key: its value signs tenant tokens, its uid names it in them. */
export interface MeiliSearchKey {
  key: string
  uid: string
}

const isIndexMissing = (e: unknown) => e instanceof MeilisearchError && (e as { cause?: { code?: string } }).cause?.code === 'index_not_found'

class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch'
  readonly index: SearchIndex
  private readonly client: Meilisearch
  private readonly uid: string
  private readonly tmpUid: string
  private readonly url: string
  private readonly searchKey: MeiliSearchKey | null
  /** Clients authenticated by a tenant token, per scope list (see searchClient). */
  private readonly tokenClients = new Map<string, { client: Promise<Meilisearch>; renewAt: number }>()
  private prepared: Promise<void> | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(options: { url: string; apiKey: string; index: string; which?: SearchIndex; searchKey?: MeiliSearchKey }) {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(options.index)) throw new TypeError(`Invalid Meilisearch index name: ${JSON.stringify(options.index)}`)
    this.uid = options.index
    this.tmpUid = `${options.index}_tmp`
    this.index = options.which ?? 'public'
    this.url = options.url
    this.searchKey = options.searchKey ?? null
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.apiKey || undefined,
      timeout: REQUEST_TIMEOUT_MS,
      defaultWaitOptions: { timeout: TASK_TIMEOUT_MS, interval: 100 },
    })
  }

  /**
   * The client a query's searches go through: with scopes and a search key, one authenticated by a
   * tenant token whose search rules filter this index to those scopes (the server ANDs the rule
   * with every filter sent), so a wrong filter here could not widen what the reader gets.
   * Otherwise the engine's own client, and the scope filter alone.
   */
  private searchClient(scopes: ScopeKey[] | null): Promise<Meilisearch> {
    if (!scopes || !this.searchKey) return Promise.resolve(this.client)
    const cacheKey = scopes.join(' ')
    const now = Date.now()
    const cached = this.tokenClients.get(cacheKey)
    if (cached && cached.renewAt > now) return cached.client
    const { key, uid } = this.searchKey
    const client = generateTenantToken({
      apiKey: key,
      apiKeyUid: uid,
      searchRules: { [this.uid]: { filter: scopeClause(scopes) } },
      expiresAt: new Date(now + TOKEN_TTL_MS),
    }).then((token) => new Meilisearch({ host: this.url, apiKey: token, timeout: REQUEST_TIMEOUT_MS }))
    client.catch(() => this.tokenClients.delete(cacheKey))
    this.tokenClients.delete(cacheKey)
    this.tokenClients.set(cacheKey, { client, renewAt: now + TOKEN_TTL_MS - TOKEN_RENEW_MS })
    if (this.tokenClients.size > MAX_TOKEN_CLIENTS) this.tokenClients.delete(this.tokenClients.keys().next().value!)
    return client
  }

  private unavailable(e: unknown): unknown {
    if (e instanceof SearchUnavailableError) return e
    if (e instanceof MeilisearchError || (e instanceof Error && e.name.startsWith('Meilisearch')))
      return new SearchUnavailableError(UNAVAILABLE_MESSAGE, { cause: e })
    return e
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Waits for a task and turns anything but success (or an `allowed` error code) into SearchUnavailableError. */
  private async settle(task: EnqueuedTaskPromise, what: string, allowed?: string): Promise<void> {
    const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS, interval: 100 })
    if (done.status !== 'succeeded' && !(allowed && done.error?.code === allowed)) {
      const detail = done.error ? `${done.error.code}: ${done.error.message}` : done.status
      throw new SearchUnavailableError(UNAVAILABLE_MESSAGE, { cause: new Error(`Meilisearch ${what} (${done.uid}) ${done.status}: ${detail}`) })
    }
  }

  /** Creates the index if needed and applies the settings, before any document is added. */
  private async prepare(uid: string): Promise<void> {
    await this.settle(this.client.createIndex(uid, { primaryKey: 'pk' }), `create index ${uid}`, 'index_already_exists')
    await this.settle(this.client.index(uid).updateSettings(MEILI_SETTINGS), `settings of ${uid}`)
  }

  /** Deletes an index and waits for it (deleteIndexIfExists only enqueues, which races the next create). */
  private async drop(uid: string): Promise<void> {
    await this.settle(this.client.deleteIndex(uid), `delete index ${uid}`, 'index_not_found')
  }

  private ensureLive(): Promise<void> {
    this.prepared ??= this.prepare(this.uid).catch((e) => {
      this.prepared = null
      throw e
    })
    return this.prepared
  }

  // --- search --------------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    checkQuery(query)
    const started = performance.now()
    const scopes = scopeList(query)
    // No scope at all: nothing is visible (and `scope IN []` is not worth a request).
    if (scopes?.length === 0) return { query: query.q, total: 0, page: query.page, tookMs: elapsed(started), hits: [], facets: emptyFacets() }
    try {
      const client = await this.searchClient(scopes)
      return { ...(await this.answer(query, client, scopes ? [scopeClause(scopes)] : [])), tookMs: elapsed(started) }
    } catch (e) {
      // An index that was never built answers like an empty one.
      if (isIndexMissing(e)) return { query: query.q, total: 0, page: query.page, tookMs: elapsed(started), hits: [], facets: emptyFacets() }
      throw this.unavailable(e)
    }
  }

  private textQuery(q: string, filters: string[], offset: number, limit: number, sort?: string[]): MultiSearchQuery {
    return {
      indexUid: this.uid,
      q,
      filter: filters,
      offset,
      limit,
      facets: FACET_ATTRIBUTES,
      matchingStrategy: 'all',
      attributesToRetrieve: HIT_ATTRIBUTES,
      attributesToHighlight: [...TEXT_ATTRIBUTES],
      attributesToCrop: [...TEXT_ATTRIBUTES],
      cropLength: CROP_WORDS,
      cropMarker: '…',
      highlightPreTag: MARK_OPEN,
      highlightPostTag: MARK_CLOSE,
      ...(sort ? { sort } : {}),
    }
  }

  /** Main query plus one facet-only query per active filter (that filter left out). */
  private async round(client: Meilisearch, q: string, active: ActiveFilter[], extra: string[], offset: number, limit: number, sort?: string[]): Promise<Round> {
    const queries: MultiSearchQuery[] = [this.textQuery(q, [...active.map(filterClause), ...extra], offset, limit, sort)]
    for (const f of active) {
      queries.push({
        indexUid: this.uid,
        q,
        filter: [...active.filter((g) => g !== f).map(filterClause), ...extra],
        facets: [FILTER_ATTRIBUTE[f[0]]],
        limit: 0,
        matchingStrategy: 'all',
      })
    }
    const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, MeiliDocument>({ queries })
    return { main: results[0], facetResults: new Map(active.map(([name], i) => [name, results[i + 1]])) }
  }

  private async pinned(client: Meilisearch, lookup: NumberLookup, scoped: string[]): Promise<PinnedDoc[]> {
    const res = await client.index<MeiliDocument>(this.uid).search('', {
      filter: [numberClause(lookup), ...scoped],
      sort: ['statusRank:asc', 'issuedAt:desc'],
      limit: 100,
      attributesToRetrieve: [...HIT_ATTRIBUTES, 'level', 'year', 'fields', 'status', 'summary'],
    })
    return res.hits as PinnedDoc[]
  }

  /** `scoped`: the scope clause every request carries (empty: no scope filter). */
  private async answer(query: SearchQuery, client: Meilisearch, scoped: string[]): Promise<Omit<SearchResult, 'tookMs'>> {
    const words = queryWords(query.q)
    const active = activeFilters(query.filters)
    const offset = (query.page - 1) * query.limit
    const base = { query: query.q, page: query.page }

    if (words.length === 0) {
      const round = await this.round(client, '', active, scoped, offset, query.limit, ['issuedAt:desc', 'statusRank:asc'])
      return { ...base, total: kindTotal(round.main), hits: round.main.hits.map(textHit), facets: this.facets(round, active, []) }
    }

    const lookup = numberLookup(query.q)
    const pinnedAll = lookup ? await this.pinned(client, lookup, scoped) : []
    const pinned = pinnedAll.filter((d) => active.every(([name, value]) => valuesOf(d, name).includes(value)))
    const extra = [...scoped, ...(pinnedAll.length ? [excludeClause(pinnedAll.map((d) => d.pk))] : [])]
    const from = Math.max(0, offset - pinned.length)
    const count = Math.max(0, offset + query.limit - pinned.length - from)

    let first: { round: Round; words: string[] } | null = null
    let chosen: { round: Round; words: string[] } | null = null
    for (let k = words.length; k >= 1; k--) {
      const kept = words.slice(0, k)
      const round = await this.round(client, kept.join(' '), active, extra, from, count)
      first ??= { round, words: kept }
      if (kindTotal(round.main) + pinned.length > 0) {
        chosen = { round, words: kept }
        break
      }
    }
    const { round, words: used } = chosen ?? first!
    const terms = { exact: used.slice(0, -1), prefixes: used.slice(-1) }
    const pinnedHits = pinned.slice(offset, offset + query.limit).map((d) => ({ ...hitOf(d), snippet: buildSnippet([d.summary ?? ''], terms) }))
    return {
      ...base,
      total: kindTotal(round.main) + pinned.length,
      hits: [...pinnedHits, ...round.main.hits.map(textHit)].slice(0, query.limit),
      facets: this.facets(round, active, pinnedAll),
    }
  }

  private facets(round: Round, active: ActiveFilter[], pinnedAll: PinnedDoc[]): Record<FilterName, FacetCount[]> {
    const out = {} as Record<FilterName, FacetCount[]>
    const activeNames = new Set(active.map(([n]) => n))
    const counts = new Map<FilterName, Map<string, number>>()
    for (const name of FILTERS) {
      const source = activeNames.has(name) ? round.facetResults.get(name) : round.main
      const distribution = source?.facetDistribution?.[FILTER_ATTRIBUTE[name]] ?? {}
      counts.set(name, new Map(Object.entries(distribution)))
    }
    // Pinned documents were excluded from the text queries: count them here, each in the facets
    // whose other filters it passes.
    for (const doc of pinnedAll) {
      const failed = active.filter(([name, value]) => !valuesOf(doc, name).includes(value))
      if (failed.length > 1) continue
      for (const name of failed.length ? [failed[0][0]] : FILTERS) {
        const map = counts.get(name)!
        for (const v of valuesOf(doc, name)) map.set(v, (map.get(v) ?? 0) + 1)
      }
    }
    for (const name of FILTERS) out[name] = sortFacet(name, counts.get(name)!)
    return out
  }

  // --- writes --------------------------------------------------------------------------------

  private async addAll(uid: string, docs: MeiliDocument[]): Promise<void> {
    // One batch at a time: addDocumentsInBatches would send them all at once.
    for (let i = 0; i < docs.length; i += WRITE_BATCH) {
      await this.settle(this.client.index<MeiliDocument>(uid).addDocuments(docs.slice(i, i + WRITE_BATCH), { primaryKey: 'pk' }), `add documents to ${uid}`)
    }
  }

  async upsert(items: SearchItem[]): Promise<void> {
    // Before anything is sent: a refused item leaves the index as it was.
    checkItemScopes(items, this.index)
    if (items.length === 0) return
    const docs = items.map(toMeiliDocument)
    await this.exclusive(async () => {
      try {
        await this.ensureLive()
        await this.addAll(this.uid, docs)
      } catch (e) {
        throw this.unavailable(e)
      }
    })
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.exclusive(async () => {
      try {
        await this.ensureLive()
        const pks = [...new Set(ids)].map(primaryKeyOf)
        for (let i = 0; i < pks.length; i += WRITE_BATCH) {
          await this.settle(this.client.index(this.uid).deleteDocuments(pks.slice(i, i + WRITE_BATCH)), `delete documents from ${this.uid}`)
        }
      } catch (e) {
        throw this.unavailable(e)
      }
    })
  }

  /**
   * Zero-downtime rebuild: `<index>_tmp` is created with the settings, filled batch by batch, then
   * swapped with the live index in one atomic task; the old documents (now under `_tmp`) are
   * deleted. Until the swap every search answers from the live index; a failure deletes `_tmp`.
   */
  async replaceAll(batches: AsyncIterable<SearchItem[]>): Promise<{ count: number }> {
    return this.exclusive(async () => {
      const ids = new Set<string>()
      try {
        await this.drop(this.tmpUid) // left over by a crashed rebuild
        await this.prepare(this.tmpUid)
      } catch (e) {
        throw this.unavailable(e)
      }
      try {
        for await (const batch of batches) {
          // A refused item abandons the rebuild: the live index stays as it was.
          checkItemScopes(batch, this.index)
          const docs = batch.map(toMeiliDocument)
          for (const d of docs) ids.add(d.id)
          await this.addAll(this.tmpUid, docs)
        }
        await this.ensureLive() // swapping needs both indexes to exist
        // `rename` is left out: servers before 1.18 reject the unknown field; absent means a swap.
        await this.settle(this.client.swapIndexes([{ indexes: [this.uid, this.tmpUid] } as IndexSwap]), `swap ${this.uid} with ${this.tmpUid}`)
      } catch (e) {
        await this.drop(this.tmpUid).catch(() => undefined)
        throw this.unavailable(e)
      }
      // The old documents, now under `_tmp`. A failure here leaves a stale `_tmp` that the next
      // rebuild deletes first; the swap has happened, so the rebuild itself succeeded.
      await this.drop(this.tmpUid).catch(() => undefined)
      return { count: ids.size }
    })
  }

  async entries(): Promise<IndexEntry[]> {
    const out: IndexEntry[] = []
    try {
      const index = this.client.index<MeiliDocument>(this.uid)
      for (let offset = 0; ; offset += WRITE_BATCH) {
        const page = await index.getDocuments({ fields: ['id', 'updatedAt'], limit: WRITE_BATCH, offset })
        for (const d of page.results) out.push({ id: d.id, updatedAt: d.updatedAt })
        if (page.results.length < WRITE_BATCH) break
      }
    } catch (e) {
      if (isIndexMissing(e)) return []
      throw this.unavailable(e)
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  async close(): Promise<void> {
    await this.queue
  }
}

function kindTotal(result: MultiSearchResult<MeiliDocument>): number {
  const kinds = result.facetDistribution?.kind
  if (kinds) return Object.values(kinds).reduce((a, b) => a + b, 0)
  return result.totalHits ?? result.estimatedTotalHits ?? 0
}

function hitOf(d: Pick<MeiliDocument, 'slug' | 'kind' | 'title' | 'number' | 'type' | 'issuer' | 'issuedAt' | 'url'>): Omit<SearchHit, 'snippet'> {
  return {
    slug: d.slug,
    kind: d.kind,
    title: d.title,
    number: d.number ?? null,
    type: d.type ?? null,
    issuer: d.issuer ?? null,
    issuedAt: d.issuedAt,
    url: d.url,
  }
}

function textHit(hit: Hit<MeiliDocument>): SearchHit {
  return { ...hitOf(hit), snippet: formattedSnippet(hit._formatted as Partial<Record<string, unknown>> | undefined) }
}

/**
 * An engine on the Meilisearch server at `url`, index `index` (created with its settings on the
 * first write). `apiKey` needs search, documents and index/settings/tasks rights (the admin key).
 * `which` (default public) is the index it is: the public one refuses non-public items.
 * `searchKey`: searches with scopes go through tenant tokens signed by it (see searchClient).
 */
export function createMeilisearchEngine(options: {
  url: string
  apiKey: string
  index: string
  which?: SearchIndex
  searchKey?: MeiliSearchKey
}): SearchEngine {
  return new MeilisearchEngine(options)
}
