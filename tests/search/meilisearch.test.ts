/**
 * The contract suite against a real Meilisearch server. Needs MEILI_URL (and MEILI_MASTER_KEY when
 * the server has one), e.g. `docker compose up meilisearch`; each run works in its own indexes
 * (so-tay-test-<run>-<name>) and deletes them afterwards. With a master key, the members' index is
 * searched through tenant tokens signed by a search-only key the run creates (and deletes), as in
 * production with MEILI_SEARCH_KEY; without one (a server with no keys), through the scope filter alone.
 */
import { randomBytes } from 'node:crypto'
import { Meilisearch } from 'meilisearch'
import { afterAll, describe, expect, it } from 'vitest'
import { createMeilisearchEngine, type MeiliSearchKey } from '../../search/engines/meilisearch'
import { syntheticDocument } from '../../search/eval/corpus'
import { searchEngineContract } from './contract'

const url = process.env.MEILI_URL
const apiKey = process.env.MEILI_MASTER_KEY ?? ''

if (url) {
  const run = randomBytes(4).toString('hex')
  const uid = (name: string) => `so-tay-test-${run}-${name}`
  const admin = new Meilisearch({ host: url, apiKey: apiKey || undefined })
  let searchKey: Promise<MeiliSearchKey | undefined> | undefined
  const ensureSearchKey = () =>
    (searchKey ??= apiKey
      ? admin
          .createKey({ description: `so-tay test ${run}`, actions: ['search'], indexes: [`so-tay-test-${run}-*`], expiresAt: new Date(Date.now() + 3_600_000) })
          .then((k) => ({ key: k.key, uid: k.uid }))
      : Promise.resolve(undefined))
  afterAll(async () => {
    const k = await searchKey
    if (k) await admin.deleteKey(k.uid)
  })
  searchEngineContract('meilisearch', {
    open: async (name, which) =>
      createMeilisearchEngine({ url, apiKey, index: uid(name), which, searchKey: which === 'members' ? await ensureSearchKey() : undefined }),
    destroy: async (name) => {
      await admin.deleteIndexIfExists(uid(name))
      await admin.deleteIndexIfExists(`${uid(name)}_tmp`)
    },
  })

  describe.skipIf(!apiKey)('meilisearch: tenant tokens', () => {
    it("narrow a member's searches on the server, whatever filter is sent", async () => {
      const key = (await ensureSearchKey())!
      const index = uid('tokens')
      const engine = createMeilisearchEngine({ url, apiKey, index, which: 'members', searchKey: key })
      try {
        const mine = syntheticDocument('token-a', { title: 'Báo cáo riêng của chi bộ', scope: 'org:a' })
        const theirs = syntheticDocument('token-b', { title: 'Báo cáo riêng của chi bộ', scope: 'org:b' })
        await engine.replaceAll(
          (async function* () {
            yield [mine, theirs]
          })(),
        )
        const r = await engine.search({ q: 'bao cao rieng', filters: {}, page: 1, limit: 10, scopes: ['org:a'] })
        expect(r.hits.map((h) => h.slug)).toEqual([mine.slug])
        // The same token with no filter at all: the server applies the token's rule by itself.
        const { generateTenantToken } = await import('meilisearch/token')
        const token = await generateTenantToken({ apiKey: key.key, apiKeyUid: key.uid, searchRules: { [index]: { filter: 'scope IN ["org:a"]' } } })
        const direct = await new Meilisearch({ host: url, apiKey: token }).index(index).search('bao cao rieng')
        expect(direct.hits.map((h) => h.slug)).toEqual([mine.slug])
      } finally {
        await engine.close()
        await admin.deleteIndexIfExists(index)
        await admin.deleteIndexIfExists(`${index}_tmp`)
      }
    })
  })
} else {
  console.log('SKIPPED: Meilisearch contract tests (set MEILI_URL to run them)')
  describe('search contract: meilisearch', () => {
    it.skip('needs a Meilisearch server: set MEILI_URL (and MEILI_MASTER_KEY)', () => {})
  })
}
