import type { TaskConfig } from 'payload'
import { isSiteCollection } from '../../site/store/db'
import { syncEntries } from '../../site/store/sync'
import { env } from '../env'

/**
 * Persisted update of the public site for one record, queued in the same transaction as the
 * change (hooks/queueContentSync). It re-reads the record as an anonymous visitor and writes the
 * entry, and the uploads it shows, into the site's library store in one transaction; the site
 * server picks the change up on its next request. A failure (e.g. an upload's bytes missing)
 * changes nothing and is retried with backoff.
 */
export const syncSiteTask: TaskConfig<'syncSite'> = {
  slug: 'syncSite',
  label: 'Cập nhật trang công khai',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    if (!isSiteCollection(input.collection)) throw new Error(`Not a site collection: ${input.collection}`)
    const result = await syncEntries(req.payload, env().dataDir, [{ collection: input.collection, id: input.id }], req)
    return { output: { result: `${result.written} written, ${result.removed} removed, ${result.unchanged} unchanged` } }
  },
}
