/**
 * The search contract: what is indexed, what a query may ask, what comes back. Both engines (the
 * embedded SQLite FTS5 one and Meilisearch) implement `SearchEngine`, and one contract test suite
 * runs against each. Only published, non-secret content is ever given to an engine, each item with
 * the scope of its readers (core/scopes.ts): the public index holds only `public` items (the site's
 * search for everyone), the members index everything some member may find, filtered per query by
 * the reader's scopes.
 */
import { documentNumberCompactKey, documentNumberKey, documentNumberShortKey, parseDocumentNumber } from '../core/documentNumbers'
import type { ScopeKey } from '../core/scopes'

export const SEARCH_KINDS = ['document', 'news', 'topic', 'announcement'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/**
 * The two indexes. `public` is what the public site searches: it only ever holds items of scope
 * `public`, so no query to it can reach anything else. `members` holds every item some member may
 * find (public, members, org:…); a member's query to it names the member's scopes.
 */
export const SEARCH_INDEXES = ['public', 'members'] as const
export type SearchIndex = (typeof SEARCH_INDEXES)[number]

export const VALIDITY_STATUSES = ['in-force', 'expired', 'superseded'] as const
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number]

/** One indexed item. Text fields hold the original (accented) text; engines fold it themselves. */
export interface SearchItem {
  /** Stable id: `<kind>:<cms id>`, e.g. "document:3f2a…". */
  id: string
  kind: SearchKind
  slug: string
  /** Site path, e.g. "/van-ban/nghi-quyet-21-tw-2022/". */
  url: string
  title: string
  /** Documents only: the number as printed ("21-NQ/TW") and its keys from core/documentNumbers.ts. */
  number: string | null
  numberKey: string | null
  numberShortKey: string | null
  numberCompactKey: string | null
  /** Document type slug ("nghi-quyet") or null for news/topics. */
  type: string | null
  /** Issuing body: slug for filters, name for display. */
  issuer: string | null
  issuerName: string | null
  level: string | null
  /**
   * Issue date (documents), publication date (news), first day of the month (topics), meeting or
   * publication date (announcements): YYYY-MM-DD.
   */
  issuedAt: string
  year: number
  /** Subject (lĩnh vực) slugs and names, same order. */
  fields: string[]
  fieldNames: string[]
  status: ValidityStatus | null
  summary: string
  body: string
  /** Text extracted from the public attachments (documents only). */
  attachmentText: string
  /** CMS updatedAt: lets `reindex --check` tell stale entries from current ones. */
  updatedAt: string
  /** Who may find it: one key (core/scopes.ts, scopeOfAudience). */
  scope: ScopeKey
}

type DocumentOnlyField =
  | 'number'
  | 'numberKey'
  | 'numberShortKey'
  | 'numberCompactKey'
  | 'type'
  | 'issuer'
  | 'issuerName'
  | 'level'
  | 'fields'
  | 'fieldNames'
  | 'status'
  | 'attachmentText'

/** The number keys of a SearchItem from the number as printed (all null when it does not parse). */
export function searchNumberKeys(printed: string): Pick<SearchItem, 'numberKey' | 'numberShortKey' | 'numberCompactKey'> {
  const n = parseDocumentNumber(printed)
  return {
    numberKey: n ? documentNumberKey(n) : null,
    numberShortKey: n ? documentNumberShortKey(n) : null,
    numberCompactKey: n ? documentNumberCompactKey(n) : null,
  }
}

/** The document-only fields of a news item, topic or announcement (fresh arrays each call). */
export const noDocumentFields = (): Pick<SearchItem, DocumentOnlyField> => ({
  number: null,
  numberKey: null,
  numberShortKey: null,
  numberCompactKey: null,
  type: null,
  issuer: null,
  issuerName: null,
  level: null,
  fields: [],
  fieldNames: [],
  status: null,
  attachmentText: '',
})

export const FILTERS = ['kind', 'type', 'issuer', 'level', 'year', 'field', 'status'] as const
export type FilterName = (typeof FILTERS)[number]

export interface SearchQuery {
  /** Free text as typed, ≤ MAX_QUERY_LENGTH characters; may be empty (browse with filters). */
  q: string
  filters: Partial<Record<FilterName, string>>
  /** 1-based. */
  page: number
  limit: number
  /**
   * The reader's scope keys (core/scopes.ts, memberScopes): only items whose scope is among them
   * match, and the total and facets count only those; an empty list matches nothing. Absent: no
   * scope filter (the public index, which holds public items only). Set by the server from the
   * signed-in member, never from request parameters.
   */
  scopes?: ScopeKey[]
}

export interface SearchHit {
  slug: string
  kind: SearchKind
  title: string
  number: string | null
  type: string | null
  issuer: string | null
  issuedAt: string
  url: string
  /** Escaped HTML: the best passage with <mark> around matched words. Never contains other tags. */
  snippet: string
}

export interface FacetCount {
  value: string
  count: number
}

export interface SearchResult {
  query: string
  total: number
  page: number
  tookMs: number
  hits: SearchHit[]
  /** Counts per value of each filter over the matching items (with the other filters applied). */
  facets: Record<FilterName, FacetCount[]>
}

export interface IndexEntry {
  id: string
  updatedAt: string
}

export interface SearchEngine {
  readonly name: string
  /** Which index this engine answers from and writes to. */
  readonly index: SearchIndex
  search(query: SearchQuery): Promise<SearchResult>
  /**
   * Adds or replaces items (by id). An item whose scope is not a valid key, or (public index) not
   * `public`, refuses the whole call with SearchScopeError before anything is written.
   */
  upsert(items: SearchItem[]): Promise<void>
  /** Removes items by id; unknown ids are ignored. */
  remove(ids: string[]): Promise<void>
  /**
   * Builds a complete new index from `batches` and swaps it in atomically: searches keep answering
   * from the old index until the new one is complete; a failure leaves the old one in place.
   */
  replaceAll(batches: AsyncIterable<SearchItem[]>): Promise<{ count: number }>
  /** Every indexed id with the updatedAt it was indexed at (for drift checks). */
  entries(): Promise<IndexEntry[]>
  close(): Promise<void>
}

export const MAX_QUERY_LENGTH = 200
export const MAX_LIMIT = 50
export const DEFAULT_LIMIT = 10
/** Deep pages are refused: nobody reads page 200, and both engines cap their hit windows. */
export const MAX_PAGE = 100

/** Scope keys a query may name at most (public, members, a member's organization and those above it). */
export const MAX_SCOPES = 64

const SCOPE_KEY = /^(?:public|members|org:[A-Za-z0-9_-]{1,64})$/
/** Whether `value` is a well-formed scope key (organization ids: letters, digits, "-" and "_"). */
export const isScopeKey = (value: unknown): value is ScopeKey => typeof value === 'string' && SCOPE_KEY.test(value)

/**
 * An item was refused for its scope: malformed, or not public on the public index. A bug in the
 * caller (the CMS sync decides which index gets what), never the reader's doing: the message is
 * for logs, in English.
 */
export class SearchScopeError extends Error {}

/** Throws SearchScopeError unless every item may go into index `which`. */
export function checkItemScopes(items: readonly SearchItem[], which: SearchIndex): void {
  for (const item of items) {
    const scope = (item as { scope?: unknown } | null)?.scope
    if (!isScopeKey(scope)) throw new SearchScopeError(`Search item ${JSON.stringify(item?.id)} has no valid scope: ${JSON.stringify(scope)}`)
    if (which === 'public' && scope !== 'public') {
      throw new SearchScopeError(`The public search index only takes public items: ${JSON.stringify(item.id)} has scope ${JSON.stringify(scope)}`)
    }
  }
}

/** A parameter was wrong; `message` is Vietnamese and safe to show. */
export class SearchQueryError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message)
  }
}

/** The engine could not answer (down, timed out); `message` is Vietnamese and safe to show. */
export class SearchUnavailableError extends Error {}
