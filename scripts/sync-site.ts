/**
 * `npm run sync:site`: makes the site's library store (DATA_DIR/site/) match the CMS — fetches only
 * what is new or changed, drops what is gone, and commits it all at once; a running site server
 * shows the result on its next request. Jobs keep the store current after each change; this is for
 * a first start, a restored backup or a store that was deleted. Exit codes: 0 done, 1 failure.
 */
import { env } from '../core/env/cms'
import { syncAll } from '../cms/publish/site/sync'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'

const payload = await payloadClient()
try {
  const bars = new Map<string, ReturnType<typeof progressBar>>()
  const result = await syncAll(payload, env().dataDir, ({ collection, done, total }) => {
    let bar = bars.get(collection)
    if (!bar) bars.set(collection, (bar = progressBar(`Đang cập nhật ${collection}`)))
    bar.update(done, total)
    if (done === total) bar.done()
  })
  console.log(`Thư viện công khai: ghi ${result.written}, gỡ ${result.removed}, giữ nguyên ${result.unchanged} mục.`)
  process.exit(0)
} catch (error) {
  console.error('Không cập nhật được thư viện công khai (không có gì bị thay đổi):', error instanceof Error ? error.message : error)
  process.exit(1)
}
