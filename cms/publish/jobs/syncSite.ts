import { isSiteCollection } from '../../../library/store'
import { syncEntries } from '../site/sync'
import { env } from '../../../core/env/cms'
import { recordTask } from './recordTask'

/**
 * The public site's entry for one record, and the uploads it shows, written into the site's library
 * store in one transaction (site/store/sync.ts); the site server picks the change up on its next
 * request. A failure (e.g. an upload's bytes missing) changes nothing.
 */
export const syncSiteTask = recordTask('syncSite', 'Cập nhật trang công khai', async ({ collection, id }, req) => {
  if (!isSiteCollection(collection)) throw new Error(`Not a site collection: ${collection}`)
  const result = await syncEntries(req.payload, env().dataDir, [{ collection, id }], req)
  return `${result.written} written, ${result.removed} removed, ${result.unchanged} unchanged`
})
