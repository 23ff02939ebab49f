/**
 * `npm run reindex`: rebuilds the search index from the CMS into a new index and swaps it in at once
 * (searches keep answering meanwhile). `npm run reindex -- --check`: reports drift (missing, stale,
 * extra) and changes nothing. Exit codes: 0 done / no drift, 3 drift found, 1 failure.
 */
import { parseArgs } from 'node:util'
import { searchEngine } from '../search/engine'
import { checkDrift, reindexAll } from '../cms/publish/search/reindex'
import { payloadClient } from './lib/payload'
import { progressBar } from './lib/progress'

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
const payload = await payloadClient()
const engine = await searchEngine()
try {
  if (values.check) {
    const drift = await checkDrift(payload, engine)
    const total = drift.missing.length + drift.stale.length + drift.extra.length
    console.log(`Chỉ mục tìm kiếm (${engine.name}): thiếu ${drift.missing.length}, cũ ${drift.stale.length}, thừa ${drift.extra.length}.`)
    for (const [label, ids] of [
      ['Thiếu', drift.missing],
      ['Cũ', drift.stale],
      ['Thừa', drift.extra],
    ] as const) {
      for (const id of ids.slice(0, 50)) console.log(`  ${label}: ${id}`)
      if (ids.length > 50) console.log(`  … và ${ids.length - 50} mục khác`)
    }
    if (total > 0) console.log('Chạy `npm run reindex` để dựng lại chỉ mục.')
    process.exit(total > 0 ? 3 : 0)
  }
  const bar = progressBar(`Đang dựng chỉ mục (${engine.name})`)
  const { count } = await reindexAll(payload, engine, bar.update)
  bar.done()
  console.log(`Đã dựng lại chỉ mục tìm kiếm: ${count} mục.`)
  process.exit(0)
} catch (error) {
  console.error('Không dựng được chỉ mục tìm kiếm:', error instanceof Error ? error.message : error)
  process.exit(1)
}
