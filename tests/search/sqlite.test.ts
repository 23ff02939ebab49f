import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseSearchEnv } from '../../core/env/search'
import { SearchScopeError, type SearchItem, type SearchQuery } from '../../search/contract'
import { closeSearchEngine, openSearchEngine, searchEngine, searchIndexName, setSearchEngine } from '../../search/engine'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { syntheticAnnouncement, syntheticDocument } from '../../search/eval/corpus'
import { searchEngineContract } from './contract'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-search-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

searchEngineContract('sqlite', {
  open: async (name, which) => createSqliteEngine({ path: path.join(dir, `${name}.sqlite`), which }),
  destroy: async (name) => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `${name}.sqlite${suffix}`), { force: true })
  },
})

describe('sqlite engine: a writer and a reader on the same file', () => {
  const q = (text: string): SearchQuery => ({ q: text, filters: {}, page: 1, limit: 10 })
  const A = syntheticDocument('ket-noi-a', { summary: 'Từ khóa riêng: khoaduyet.' })
  const B = syntheticDocument('ket-noi-b', { summary: 'Từ khóa riêng: lamvuonxanh.', type: 'chi-thi' })
  const C = syntheticDocument('ket-noi-c', { summary: 'Từ khóa riêng: thuyenbien.' })
  async function* batches(...lists: SearchItem[][]): AsyncGenerator<SearchItem[]> {
    for (const list of lists) yield list
  }

  it('lets a reader opened earlier see every committed write, and the old index during a rebuild', async () => {
    const file = path.join(dir, 'shared.sqlite')
    const writer = createSqliteEngine({ path: file })
    const reader = createSqliteEngine({ path: file })
    try {
      expect((await reader.search(q(''))).total).toBe(0)
      await writer.replaceAll(batches([A]))
      expect((await reader.search(q('khoaduyet'))).total).toBe(1)

      await writer.upsert([B])
      const withB = await reader.search(q(''))
      expect(withB.total).toBe(2)
      expect(withB.facets.type.find((f) => f.value === 'chi-thi')?.count).toBe(1)

      await writer.remove([A.id])
      expect((await reader.search(q('khoaduyet'))).total).toBe(0)
      expect((await reader.entries()).map((e) => e.id)).toEqual([B.id])

      async function* slow(): AsyncGenerator<SearchItem[]> {
        yield [C]
        // Mid-rebuild: the reader still answers from the live generation.
        expect((await reader.search(q('lamvuonxanh'))).total).toBe(1)
        expect((await reader.search(q('thuyenbien'))).total).toBe(0)
      }
      await writer.replaceAll(slow())
      expect((await reader.search(q('thuyenbien'))).total).toBe(1)
      expect((await reader.search(q('lamvuonxanh'))).total).toBe(0)
    } finally {
      await reader.close()
      await writer.close()
    }
  })

  it('serves another process (the site server) from the file the CMS writes', async () => {
    const file = path.join(dir, 'process.sqlite')
    const writer = createSqliteEngine({ path: file })
    try {
      await writer.replaceAll(batches([A, B]))
      const script = `
        import { createSqliteEngine } from ${JSON.stringify(path.resolve('search/engines/sqlite.ts'))}
        const e = createSqliteEngine({ path: ${JSON.stringify(file)} })
        const r = await e.search({ q: 'lamvuonxanh', filters: {}, page: 1, limit: 10 })
        console.log(JSON.stringify({ total: r.total, slug: r.hits[0]?.slug }))
        await e.close()`
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
      expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ total: 1, slug: B.slug })
    } finally {
      await writer.close()
    }
  })

  it('keeps a WAL-mode file on disk', async () => {
    const file = path.join(dir, 'wal.sqlite')
    const e = createSqliteEngine({ path: file })
    await e.upsert([A])
    expect(fs.existsSync(`${file}-wal`)).toBe(true)
    await e.close()
  })
})

describe('search/engine.ts: the public index and the members index', () => {
  it('opens SEARCH_INDEX and SEARCH_INDEX-members, one engine per index and process', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-indexes-'))
    const config = parseSearchEnv({ DATA_DIR: dataDir, SEARCH_INDEX: 'so-tay' })
    expect(searchIndexName(config, 'public')).toBe('so-tay')
    expect(searchIndexName(config, 'members')).toBe('so-tay-members')
    const notice = syntheticAnnouncement('hop-chi-bo', { title: 'Thông báo họp chi bộ', scope: 'org:a' })
    const members = await openSearchEngine(config, 'members')
    const pub = await openSearchEngine(config)
    try {
      expect([pub.index, members.index]).toEqual(['public', 'members'])
      await members.upsert([notice])
      await expect(pub.upsert([notice])).rejects.toThrow(SearchScopeError)
      expect(
        fs
          .readdirSync(path.join(dataDir, 'search'))
          .filter((f) => f.endsWith('.sqlite'))
          .sort(),
      ).toEqual(['so-tay-members.sqlite', 'so-tay.sqlite'])
      expect((await members.search({ q: 'hop chi bo', filters: {}, page: 1, limit: 5, scopes: ['org:a'] })).total).toBe(1)
      expect((await pub.search({ q: 'hop chi bo', filters: {}, page: 1, limit: 5 })).total).toBe(0)
    } finally {
      await Promise.all([pub.close(), members.close()])
    }

    const before = process.env.DATA_DIR
    process.env.DATA_DIR = dataDir
    try {
      const shared = await searchEngine('members')
      expect(await searchEngine('members')).toBe(shared)
      expect(shared.index).toBe('members')
      expect((await searchEngine()).index).toBe('public')
      expect((await shared.search({ q: 'hop chi bo', filters: {}, page: 1, limit: 5, scopes: ['org:a'] })).total).toBe(1)
      const stand = { ...shared, name: 'stand-in' }
      setSearchEngine(stand, 'members')
      expect(await searchEngine('members')).toBe(stand)
      expect((await searchEngine('public')).name).toBe('sqlite')
      setSearchEngine(undefined, 'members')
      await shared.close()
    } finally {
      process.env.DATA_DIR = before
      if (before === undefined) delete process.env.DATA_DIR
      await closeSearchEngine()
    }
  })
})
