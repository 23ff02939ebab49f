/**
 * `npm run reindex`: rebuilds both search indexes (public, members) from the CMS, each into a new
 * index swapped in at once (searches keep answering meanwhile). `npm run reindex -- --check`:
 * reports drift (missing, stale, extra) and changes nothing. `--index public|members` does one.
 * Exit codes: 0 done / no drift, 3 drift found, 1 failure.
 */
import { parseArgs } from 'node:util'
import { SEARCH_INDEXES, type SearchIndex } from '../search/contract'
import { searchEngine } from '../search/engine'
import { checkDrift, reindexAll } from '../cms/publish/search/reindex'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, index: { type: 'string' } } })
if (values.index !== undefined && !(SEARCH_INDEXES as readonly string[]).includes(values.index)) {
  console.error(`--index phải là một trong: ${SEARCH_INDEXES.join(', ')}`)
  process.exit(1)
}
const indexes: readonly SearchIndex[] = values.index ? [values.index as SearchIndex] : SEARCH_INDEXES
const LABEL: Record<SearchIndex, string> = { public: 'công khai', members: 'đảng viên' }
const payload = await payloadClient()
try {
  if (values.check) {
    let total = 0
    for (const index of indexes) {
      const engine = await searchEngine(index)
      const drift = await checkDrift(payload, engine)
      total += drift.missing.length + drift.stale.length + drift.extra.length
      console.log(`Chỉ mục ${LABEL[index]} (${engine.name}): thiếu ${drift.missing.length}, cũ ${drift.stale.length}, thừa ${drift.extra.length}.`)
      for (const [label, ids] of [
        ['Thiếu', drift.missing],
        ['Cũ', drift.stale],
        ['Thừa', drift.extra],
      ] as const) {
        for (const id of ids.slice(0, 50)) console.log(`  ${label}: ${id}`)
        if (ids.length > 50) console.log(`  … và ${ids.length - 50} mục khác`)
      }
    }
    if (total > 0) console.log('Chạy `npm run reindex` để dựng lại chỉ mục.')
    process.exit(total > 0 ? 3 : 0)
  }
  for (const index of indexes) {
    const engine = await searchEngine(index)
    const bar = progressBar(`Đang dựng chỉ mục ${LABEL[index]} (${engine.name})`)
    const { count } = await reindexAll(payload, engine, bar.update)
    bar.done()
    console.log(`Đã dựng lại chỉ mục ${LABEL[index]}: ${count} mục.`)
  }
  process.exit(0)
} catch (error) {
  console.error('Không dựng được chỉ mục tìm kiếm:', error instanceof Error ? error.message : error)
  process.exit(1)
}
