/**
 * Search items carry names from other records — the issuer, the fields — and the text of the
 * attached originals. Renaming an organization or a field re-indexes the public documents that
 * show it, through a job, so a search for the new name finds them and the old name no longer does.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runQueuedJobs } from '../../cms/jobs/runner'
import type { SearchEngine, SearchQuery } from '../../search/contract'
import { setSearchEngine } from '../../search/engine'
import { createSqliteEngine } from '../../search/engines/sqlite'
import { documentData, startWorld } from '../helpers/fixtures'

let payload: Payload
let engine: SearchEngine
let issuer: string
const query = (q: string): SearchQuery => ({ q, filters: {}, page: 1, limit: 50 })
const slugsFor = async (q: string) => (await engine.search(query(q))).hits.map((h) => h.slug)

beforeAll(async () => {
  const world = await startWorld()
  payload = world.payload
  issuer = world.orgs.province.id
  engine = createSqliteEngine({ path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'so-tay-index-')), 'index.sqlite') })
  setSearchEngine(engine)
})
afterAll(async () => {
  setSearchEngine(undefined)
  await engine?.close()
  await payload?.destroy()
})

describe('renames reach the documents that show them', () => {
  it('re-indexes documents when their issuer is renamed', async () => {
    const doc = await payload.create({ collection: 'documents', data: documentData(issuer, { _status: 'published', level: 'tinh' }) })
    const draft = await payload.create({ collection: 'documents', data: documentData(issuer, { level: 'tinh' }), draft: true })
    await runQueuedJobs(payload, 200)
    expect(await slugsFor('Tỉnh ủy Hòa Bình Mẫu')).toContain(doc.slug)
    await payload.update({ collection: 'organizations', id: issuer, data: { name: 'Tỉnh ủy Sông Lam Thử Nghiệm' } })
    await runQueuedJobs(payload, 200)
    expect(await slugsFor('song lam thu nghiem')).toContain(doc.slug)
    expect(await slugsFor('hoa binh mau')).not.toContain(doc.slug)
    // Only public documents are (re-)indexed.
    expect(await slugsFor('song lam thu nghiem')).not.toContain(draft.slug)
  })

  it('re-indexes documents when a field is renamed, and not on an unrelated save', async () => {
    const subject = await payload.create({ collection: 'subjects', data: { name: 'Công tác dân vận khu phố' } })
    const doc = await payload.create({ collection: 'documents', data: documentData(issuer, { _status: 'published', level: 'tinh', subjects: [subject.id] }) })
    await runQueuedJobs(payload, 200)
    const queued = async () => (await payload.count({ collection: 'payload-jobs', where: { taskSlug: { equals: 'syncSearchReferences' } } })).totalDocs
    const before = await queued()
    await payload.update({ collection: 'subjects', id: subject.id, data: { name: 'Công tác dân vận khu phố' } })
    expect(await queued()).toBe(before)
    await payload.update({ collection: 'subjects', id: subject.id, data: { name: 'Dân vận chính quyền cơ sở' } })
    expect(await queued()).toBe(before + 1)
    await runQueuedJobs(payload, 200)
    expect(await slugsFor('dan van chinh quyen co so')).toContain(doc.slug)
  })
})
