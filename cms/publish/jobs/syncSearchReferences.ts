import { searchEngine } from '../../../search/engine'
import { applyReferenceSync, isReferencedCollection } from '../search/references'
import { recordTask } from './recordTask'

/** The search entries (both indexes) of the documents that show a renamed organization or field, or a replaced original. */
export const syncSearchReferencesTask = recordTask(
  'syncSearchReferences',
  'Cập nhật chỉ mục tìm kiếm của văn bản liên quan',
  async ({ collection, id }, req) => {
    if (!isReferencedCollection(collection)) throw new Error(`Not a collection documents refer to: ${collection}`)
    return `${await applyReferenceSync(req.payload, [await searchEngine('public'), await searchEngine('members')], collection, id, req)} documents re-indexed`
  },
)
