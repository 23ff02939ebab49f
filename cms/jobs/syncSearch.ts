import type { TaskConfig } from 'payload'
import { searchEngine } from '../../search/engine'
import { applySearchSync } from '../../search/sync/apply'
import { isSearchableCollection } from '../../search/sync/items'

/**
 * Persisted search update for one record, queued in the same transaction as the change (see
 * hooks/queueSearchSync). An unreachable engine fails the job, which is retried with exponential
 * backoff (≈ 2 s … 17 min over 11 attempts); the editor's save never waits for it.
 */
export const syncSearchTask: TaskConfig<'syncSearch'> = {
  slug: 'syncSearch',
  label: 'Cập nhật chỉ mục tìm kiếm',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'result', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
  handler: async ({ input, req }) => {
    if (!isSearchableCollection(input.collection)) throw new Error(`Not a searchable collection: ${input.collection}`)
    const result = await applySearchSync(req.payload, await searchEngine(), input.collection, input.id, req)
    return { output: { result } }
  },
}
