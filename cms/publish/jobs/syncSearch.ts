import { searchEngine } from '../../../search/engine'
import { applySearchSync } from '../search/apply'
import { isSearchableCollection } from '../search/items'
import { recordTask } from './recordTask'

/** The entries of one document, news item, topic or announcement in both search indexes (hooks/queueContentSync). */
export const syncSearchTask = recordTask('syncSearch', 'Cập nhật chỉ mục tìm kiếm', async ({ collection, id }, req) => {
  if (!isSearchableCollection(collection)) throw new Error(`Not a searchable collection: ${collection}`)
  return applySearchSync(req.payload, [await searchEngine('public'), await searchEngine('members')], collection, id, req)
})
