/**
 * The contract suite against a real Meilisearch server. Needs MEILI_URL (and MEILI_MASTER_KEY when
 * the server has one), e.g. `docker compose up meilisearch`; each run works in its own indexes
 * (so-tay-test-<run>-<name>) and deletes them afterwards.
 */
import { randomBytes } from 'node:crypto'
import { Meilisearch } from 'meilisearch'
import { describe, it } from 'vitest'
import { createMeilisearchEngine } from '../../search/engines/meilisearch'
import { searchEngineContract } from './contract'

const url = process.env.MEILI_URL
const apiKey = process.env.MEILI_MASTER_KEY ?? ''

if (url) {
  const run = randomBytes(4).toString('hex')
  const uid = (name: string) => `so-tay-test-${run}-${name}`
  const admin = new Meilisearch({ host: url, apiKey: apiKey || undefined })
  searchEngineContract('meilisearch', {
    open: async (name) => createMeilisearchEngine({ url, apiKey, index: uid(name) }),
    destroy: async (name) => {
      await admin.deleteIndexIfExists(uid(name))
      await admin.deleteIndexIfExists(`${uid(name)}_tmp`)
    },
  })
} else {
  console.log('SKIPPED: Meilisearch contract tests (set MEILI_URL to run them)')
  describe('search contract: meilisearch', () => {
    it.skip('needs a Meilisearch server: set MEILI_URL (and MEILI_MASTER_KEY)', () => {})
  })
}
