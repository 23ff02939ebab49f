/**
 * Request parameters and hand-built queries: scopes come from the server's session only, never
 * from a parameter, and a malformed scope list is refused before any engine sees it.
 */
import { describe, expect, it } from 'vitest'
import { SearchQueryError, type SearchQuery } from '../../search/contract'
import { parseSearchParams } from '../../search/query'
import { checkQuery, scopeList } from '../../search/ranking'

const base: SearchQuery = { q: 'sinh hoạt chi bộ', filters: {}, page: 1, limit: 10 }

describe('search queries and scopes', () => {
  it('refuses scopes given as request parameters', () => {
    for (const name of ['scopes', 'scope']) {
      expect(() => parseSearchParams(new URLSearchParams({ q: 'x', [name]: 'org:a' })), name).toThrow(SearchQueryError)
    }
    expect(parseSearchParams(new URLSearchParams({ q: 'x' })).scopes).toBeUndefined()
  })

  it('accepts announcements as a kind', () => {
    expect(parseSearchParams(new URLSearchParams({ kind: 'announcement' })).filters.kind).toBe('announcement')
  })

  it('refuses malformed scope lists in hand-built queries', () => {
    const bad: unknown[] = ['public', [''], ['org:'], ['org:a b'], ['org:a", "members'], ['everyone'], Array.from({ length: 65 }, (_, i) => `org:o${i}`)]
    for (const scopes of bad) expect(() => checkQuery({ ...base, scopes } as SearchQuery), JSON.stringify(scopes)).toThrow(SearchQueryError)
    for (const scopes of [[], ['public'], ['public', 'members', 'org:64a1f0c2e4b0a1b2c3d4e5f6', 'org:12', 'org:chi-bo_7']] as const) {
      expect(() => checkQuery({ ...base, scopes: [...scopes] })).not.toThrow()
    }
  })

  it('reads scopes as a sorted list without repeats, or null for none', () => {
    expect(scopeList(base)).toBeNull()
    expect(scopeList({ ...base, scopes: ['org:b', 'public', 'org:b', 'members'] })).toEqual(['members', 'org:b', 'public'])
    expect(scopeList({ ...base, scopes: [] })).toEqual([])
  })
})
