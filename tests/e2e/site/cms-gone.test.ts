/**
 * The built site does not need the CMS: a second server instance from the same build, pointed at
 * a copy of the CMS data directory, keeps serving pages, files and on-demand search after the CMS's
 * SQLite database and its stored uploads are deleted — and never recreates the database. (The
 * search index next to them belongs to the search engine, not the CMS, and stays.)
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { corpus, fixtureEnv, get, listedDocumentSlugs, startSiteServer, type RunningServer } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const dir = path.join(site.dir, 'cms-gone')
const env = fixtureEnv(dir)
const dataDir = env.DATA_DIR!
const dbFile = env.DATABASE_URL!.slice('file:'.length)
const cmsFiles = () => [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`, path.join(dataDir, 'files'), path.join(dataDir, 'media')]
let server: RunningServer

const URLS = [
  '/',
  '/van-ban/',
  '/van-ban/trang/2/',
  '/van-ban/loai/quy-dinh/',
  '/van-ban/quyet-dinh-27-tw-2021/',
  `/tin-tuc/${c.news[0]!.id}/`,
  '/tin-tuc/',
  `/chuyen-de/${c.topics[0]!.id}/`,
  '/tin-tuc/rss.xml',
  '/sitemap-index.xml',
  '/robots.txt',
]

async function search(q: string) {
  const res = await get(server.url, `/tim-kiem?q=${encodeURIComponent(q)}`)
  expect(res.status, q).toBe(200)
  return listedDocumentSlugs(res.text)
}

beforeAll(async () => {
  fs.cpSync(site.dataDir, dataDir, { recursive: true })
  expect(fs.existsSync(dbFile)).toBe(true)
  server = await startSiteServer(site.distDir, env)
})
afterAll(async () => {
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('with the CMS database gone', () => {
  it('serves pages, files and search before and after the database is deleted', async () => {
    const home = await get(server.url, '/')
    expect(home.status).toBe(200)
    const files = [
      (await get(server.url, '/van-ban/quyet-dinh-27-tw-2021/')).text.match(/href="(\/tep\/[^"]+)"/)![1]!,
      home.text.match(/<img src="(\/anh\/[^"]+)"/)![1]!,
    ]
    expect(await search('27 qd tw')).toContain('quyet-dinh-27-tw-2021')

    for (const file of cmsFiles()) fs.rmSync(file, { recursive: true, force: true })
    expect(fs.existsSync(dbFile)).toBe(false)

    for (const url of [...URLS, ...files]) {
      const res = await get(server.url, url)
      expect(res.status, url).toBe(200)
      expect(res.bytes.length, url).toBeGreaterThan(100)
    }
    expect((await search('27 qd tw'))[0]).toBe('quyet-dinh-27-tw-2021')
    expect(await search('nghị quyết 21')).toEqual(expect.arrayContaining(['nghi-quyet-21-tw-2017', 'nghi-quyet-21-tw-2022']))
    expect((await get(server.url, '/khong-co-trang-nay')).status).toBe(404)

    // The site never reached for the database: it was not recreated, and the server is still up.
    expect(cmsFiles().filter((f) => fs.existsSync(f))).toEqual([])
    expect(server.process.exitCode).toBeNull()
  })
})
