import { SearchQueryError, SearchUnavailableError, type SearchQuery, type SearchResult } from '../../search/contract'
import { searchEngine } from '../../search/engine'
import { parseSearchParams } from '../../search/query'
import type { ScopeKey } from '../../core/scopes'

export type SearchOutcome =
  | { ok: true; query: SearchQuery; result: SearchResult }
  | { ok: false; status: 400 | 503; message: string; parameter?: string; query?: SearchQuery }

/**
 * One way in for the search API and the search pages: validate, ask the configured engine, classify
 * errors. With a member's scopes the members' index answers, limited to what the member may read
 * (core/scopes.ts); without, the public index, which holds public items only.
 */
export async function runSearch(params: URLSearchParams, member?: { scopes: readonly ScopeKey[] }): Promise<SearchOutcome> {
  let query: SearchQuery
  try {
    query = parseSearchParams(params)
  } catch (error) {
    if (error instanceof SearchQueryError) return { ok: false, status: 400, message: error.message, parameter: error.parameter }
    throw error
  }
  try {
    if (member) query = { ...query, scopes: [...member.scopes] }
    const engine = await searchEngine(member ? 'members' : 'public')
    return { ok: true, query, result: await engine.search(query) }
  } catch (error) {
    console.error('search failed:', error instanceof Error ? error.message : error)
    const message = error instanceof SearchUnavailableError ? error.message : 'Tìm kiếm tạm thời không hoạt động. Đồng chí vui lòng thử lại sau ít phút.'
    return { ok: false, status: 503, message, query }
  }
}
