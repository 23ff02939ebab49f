import type { TaskConfig } from 'payload'
import { searchEngine } from '../../search/engine'
import { applyReferenceSync, isReferencedCollection } from '../../search/sync/references'

/**
 * Re-indexes the public documents that show a renamed organization or field, or a replaced
 * original's text (hooks/queueContentSync). Retried with backoff like the search sync.
 */
export const syncSearchReferencesTask: TaskConfig<'syncSearchReferences'> = {
  slug: 'syncSearchReferences',
  label: 'Cập nhật chỉ mục tìm kiếm của văn bản liên quan',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    if (!isReferencedCollection(input.collection)) throw new Error(`Not a collection documents refer to: ${input.collection}`)
    const count = await applyReferenceSync(req.payload, await searchEngine(), input.collection, input.id, req)
    return { output: { result: `${count} documents re-indexed` } }
  },
}
