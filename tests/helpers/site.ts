/**
 * The built library site for the end-to-end tests (tests/e2e/site/): one fresh CMS database seeded with
 * the demo content plus content that must never reach the site, its library store (`npm run
 * sync:site`), one `astro build`, and one running `node dist/server/serve.mjs`. Built once per test run by tests/e2e/site/global-setup.ts and
 * handed to the test files through vitest's provide/inject.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { readCorpus, type CorpusAnnouncement, type CorpusDocument, type CorpusNews, type CorpusRecord, type CorpusTopic } from '../../search/eval/corpus'
import { fold } from '../../core/vietnamese'
import { freePort } from '../../scripts/lib/net'
import { TEST_SECRET } from './payload'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The public URL the site is built for (canonical links, Open Graph, feeds, sitemap). */
export const SITE_URL = 'https://sotay.example.vn'

export interface SiteFixture {
  /** Where the test server listens, e.g. http://127.0.0.1:41234 */
  url: string
  dir: string
  dataDir: string
  dbFile: string
  distDir: string
  cacheDir: string
  /** What the seed wrote that must never reach the site (see tests/e2e/site/fixture/seed.ts). */
  hidden: HiddenContent
  buildSeconds: number
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteFixture
  }
}

// ---------------------------------------------------------------------------
// Shared corpus: the expectations of the tests come from it, never from hard-coded lists.
// ---------------------------------------------------------------------------

export type { CorpusDocument, CorpusNews, CorpusTopic } from '../../search/eval/corpus'

let corpusCache: CorpusRecord[] | undefined
export function corpus() {
  corpusCache ??= readCorpus()
  const all = corpusCache
  const documents = all.filter((r): r is CorpusDocument => r.kind === 'document')
  return {
    all,
    documents,
    publicDocuments: documents.filter((d) => d.audience === 'public'),
    membersDocuments: documents.filter((d) => d.audience !== 'public'),
    news: all.filter((r): r is CorpusNews => r.kind === 'news'),
    topics: all.filter((r): r is CorpusTopic => r.kind === 'topic'),
    announcements: all.filter((r): r is CorpusAnnouncement => r.kind === 'announcement'),
  }
}

// ---------------------------------------------------------------------------
// Content that must never reach the site
// ---------------------------------------------------------------------------

/** Fixed by the seed; the generated upload filenames are recorded in HiddenContent.filenames. */
export const HIDDEN = {
  draftDocument: {
    slug: 'ke-hoach-901-du-hoa-phong-ban-nhap',
    number: '901-KH/ĐU',
    title: 'Dự thảo kế hoạch chưa duyệt về quỹ khuyến học thôn Đông Hòa năm 2025',
    summary: 'Đoạn tóm tắt của bản dự thảo chưa được Tổng biên tập duyệt, không được đưa lên thư viện.',
  },
  membersLaterDocument: {
    slug: 'quyet-dinh-902-du-hoa-phong-noi-bo',
    number: '902-QĐ/ĐU',
    title: 'Quyết định đã xuất bản rồi chuyển sang chỉ dành cho đảng viên về quỹ đảng phí',
    summary: 'Tóm tắt quyết định nội bộ về việc sử dụng quỹ đảng phí của Đảng bộ xã, chỉ đảng viên được đọc.',
    attachmentName: 'tai-lieu-noi-bo-quy-dang-phi-hoa-phong.pdf',
  },
  secretDocument: {
    slug: 'chi-thi-903-du-hoa-phong-mat',
    number: '903-CT/ĐU',
    title: 'Chỉ thị mật về công tác bảo vệ chính trị nội bộ xã Hòa Phong',
    summary: 'Nội dung mật về bảo vệ chính trị nội bộ, tuyệt đối không đưa lên mạng.',
  },
  membersNews: {
    slug: 'tin-noi-bo-chi-bo-tdp7-danh-gia-dang-vien',
    title: 'Tin nội bộ: Chi bộ Tổ dân phố số 7 thảo luận đánh giá đảng viên trước kỳ họp kín',
    lead: 'Bản tin chỉ dành cho đảng viên về kỳ họp kín của Chi bộ Tổ dân phố số 7.',
    coverName: 'anh-bia-tin-noi-bo-hop-kin-tdp7.jpg',
    coverAlt: 'Ảnh nội bộ phòng họp kín của chi bộ',
  },
  draftTopic: {
    slug: 'chuyen-de-nhap-2025-01-chua-duyet',
    month: '2025-01',
    title: 'Chuyên đề nháp chưa duyệt về công tác phát triển đảng viên trẻ',
    question: 'Câu hỏi nháp chưa duyệt: chi bộ cần bao nhiêu đảng viên trẻ?',
  },
  /** A corpus document that stays published while a newer draft waits for review. */
  newerDraft: {
    slug: 'nghi-quyet-52-tw-2019',
    draftTitle: 'Bản sửa đổi chưa duyệt của trích yếu Nghị quyết về Cách mạng công nghiệp lần thứ tư',
    draftSummary: 'Đoạn tóm tắt sửa đổi còn nằm trong bản nháp, bạn đọc không được thấy.',
  },
} as const

export interface HiddenContent {
  /** Upload filenames Payload gave the hidden attachment and cover (and its resized copies). */
  filenames: string[]
}

/**
 * Every string that must not appear anywhere in the build output: the slugs and titles of the
 * content above, and the members-only corpus documents and announcements (ids, numbers, titles,
 * the start of their text).
 */
export function forbiddenNeedles(hidden: HiddenContent): Array<{ what: string; text: string }> {
  const c = corpus()
  const needles: Array<{ what: string; text: string }> = []
  const add = (what: string, text: string | undefined) => {
    if (text) needles.push({ what, text })
  }
  for (const [name, item] of Object.entries(HIDDEN)) {
    for (const [key, value] of Object.entries(item)) {
      // The published version of the newer-draft document is public: only its draft text is forbidden.
      if (name === 'newerDraft' && key === 'slug') continue
      // A topic month is not distinctive ("2025-01" is also a plain date).
      if (key === 'month') continue
      add(`${name}.${key}`, String(value))
    }
  }
  for (const d of c.membersDocuments) {
    add(`corpus ${d.id} (id)`, d.id)
    add(`corpus ${d.id} (number)`, d.number)
    add(`corpus ${d.id} (title)`, d.title)
    add(`corpus ${d.id} (summary)`, d.summary.slice(0, 80))
  }
  for (const a of c.announcements) {
    add(`corpus ${a.id} (id)`, a.id)
    add(`corpus ${a.id} (title)`, a.title)
    add(`corpus ${a.id} (body)`, a.body.slice(0, 80))
  }
  for (const f of hidden.filenames) add(`upload ${f}`, f)
  return needles
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Decodes HTML/XML entities, JSON and JS escapes and percent-encoding, so an escaped leak is still found. */
export function unescapeAll(text: string): string {
  let out = text
    .replace(/\\u\{([0-9a-f]+)\}/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\x([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (m, name) => ENTITY[name.toLowerCase()] ?? m)
  if (/%[0-9a-f]{2}/i.test(out)) {
    out = out.replace(/(%[0-9a-f]{2})+/gi, (seq) => {
      try {
        return decodeURIComponent(seq)
      } catch {
        return seq
      }
    })
  }
  return out
}

/** The forms a needle is searched in: as written (NFC, lower case) and folded (no accents, đ→d). */
export const searchForms = (text: string): string[] => [...new Set([text.normalize('NFC').toLowerCase(), fold(text)])]

/** Every file under a directory, recursively. */
export function walkFiles(dir: string): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walkFiles(full))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

// ---------------------------------------------------------------------------
// Building and serving
// ---------------------------------------------------------------------------

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')

/** A child process environment (NodeJS.ProcessEnv would insist on NODE_ENV). */
export type Env = Record<string, string | undefined>

/** Environment for the CMS (seed, build) and the site server on the fixture's data directory. */
export function fixtureEnv(dir: string): Env {
  const dataDir = path.join(dir, 'data')
  // The test runner's NODE_ENV=test must not leak into the build (the scripts pick their own).
  const { NODE_ENV: _, ...inherited } = process.env
  return {
    ...inherited,
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'test.db')}`,
    PAYLOAD_SECRET: TEST_SECRET,
    JOBS_IN_PROCESS: 'false',
    SITE_URL,
    // Empty wins over a developer's .env: the embedded search engine, the default site name, no mail.
    SITE_NAME: '',
    SITE_DESCRIPTION: '',
    MEILI_URL: '',
    MEILI_MASTER_KEY: '',
    SMTP_URL: '',
    SITE_OUT_DIR: path.join(dir, 'dist'),
    SITE_CACHE_DIR: path.join(dir, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  }
}

/** Runs a command to completion; rejects with its output when it fails. */
function run(command: string, args: string[], env: Env, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(output)
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`}):\n${output.slice(-6000)}`))
    })
  })
}

export interface RunningServer {
  url: string
  process: ChildProcess
  /** What the server printed so far (for failure messages). */
  output: () => string
  stop: () => Promise<void>
}

/** Starts `node <dist>/server/serve.mjs` on a free port and waits until it answers. */
export async function startSiteServer(distDir: string, env: Env): Promise<RunningServer> {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(distDir, 'server/serve.mjs')], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port) } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The site server exited (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/robots.txt`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The site server did not answer within 30 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    })
  return { url, process: child, output: () => output, stop }
}

/**
 * Fresh data directory and database, demo content plus hidden content (in a child process, so
 * Payload never loads into the test runner), then the site build, then the server.
 */
export async function buildSiteFixture(): Promise<{ fixture: SiteFixture; stop: () => Promise<void> }> {
  // Under the project: the server bundle imports its external packages from node_modules, which
  // Node only finds by walking up from dist/.
  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true })
  const dir = fs.mkdtempSync(path.join(ROOT, 'tmp', 'site-test-'))
  const env = fixtureEnv(dir)
  const cleanUp = () => {
    if (!process.env.KEEP_SITE_FIXTURE) fs.rmSync(dir, { recursive: true, force: true })
  }
  fs.mkdirSync(env.DATA_DIR!, { recursive: true })
  const hiddenFile = path.join(dir, 'hidden.json')
  let server: RunningServer
  let buildSeconds: number
  try {
    await run(process.execPath, [TSX, path.join(ROOT, 'tests/e2e/site/fixture/seed.ts'), hiddenFile], env, 'Seeding the site fixture')
    const started = Date.now()
    // The build holds code only; the library store is filled from the CMS at the same time.
    await Promise.all([
      run(process.execPath, [TSX, path.join(ROOT, 'scripts/build-site.ts')], env, 'The site build'),
      run(process.execPath, [TSX, path.join(ROOT, 'scripts/sync-site.ts')], env, 'The library store sync'),
    ])
    buildSeconds = (Date.now() - started) / 1000
    server = await startSiteServer(env.SITE_OUT_DIR!, env)
  } catch (error) {
    cleanUp()
    throw error
  }
  const fixture: SiteFixture = {
    url: server.url,
    dir,
    dataDir: env.DATA_DIR!,
    dbFile: env.DATABASE_URL!.slice('file:'.length),
    distDir: env.SITE_OUT_DIR!,
    cacheDir: env.SITE_CACHE_DIR!,
    hidden: JSON.parse(fs.readFileSync(hiddenFile, 'utf8')) as HiddenContent,
    buildSeconds,
  }
  return {
    fixture,
    stop: async () => {
      await server.stop()
      cleanUp()
    },
  }
}

// ---------------------------------------------------------------------------
// HTTP and HTML
// ---------------------------------------------------------------------------

/**
 * A keep-alive connection the server closes just as the client reuses it fails with
 * UND_ERR_SOCKET before the request reached the server; a GET is then sent once more, on a new
 * connection. A server that died fails the second time too.
 */
async function fetchRetryingStaleSocket(url: URL): Promise<Response> {
  try {
    return await fetch(url)
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error
    return fetch(url)
  }
}

export async function get(base: string, pathname: string): Promise<{ status: number; text: string; type: string; bytes: Buffer; headers: Headers }> {
  const res = await fetchRetryingStaleSocket(new URL(pathname, base))
  const bytes = Buffer.from(await res.arrayBuffer())
  return { status: res.status, text: bytes.toString('utf8'), type: res.headers.get('content-type') ?? '', bytes, headers: res.headers }
}

export interface CrawledPage {
  path: string
  status: number
  type: string
  text: string
  bytes: Buffer
}

const crawls = new Map<string, Promise<CrawledPage[]>>()

/**
 * Every page and file the site serves to an anonymous visitor, found the way a crawler finds them:
 * from the home page, the sitemap, the feeds and robots.txt, following every same-origin link,
 * image and <loc>. Pages render on demand, so this (not the build output) is what "the site" is.
 * Search pages (/tim-kiem, /api/) are left out: they answer any query. Memoized per server.
 */
export function crawlSite(base: string): Promise<CrawledPage[]> {
  let crawl = crawls.get(base)
  if (!crawl) crawls.set(base, (crawl = doCrawl(base)))
  return crawl
}

async function doCrawl(base: string): Promise<CrawledPage[]> {
  const seen = new Set<string>()
  const queue = ['/', '/sitemap-index.xml', '/van-ban/rss.xml', '/tin-tuc/rss.xml', '/robots.txt', '/khong-co-trang-nay/']
  const pages: CrawledPage[] = []
  const site = new URL(SITE_URL)
  while (queue.length > 0) {
    const next = queue.shift()!
    if (seen.has(next)) continue
    seen.add(next)
    const res = await get(base, next)
    pages.push({ path: next, status: res.status, type: res.type, text: res.text, bytes: res.bytes })
    if (!/html|xml|text\/plain/.test(res.type)) continue
    const links = [
      ...[...res.text.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!),
      ...[...res.text.matchAll(/srcset="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!)),
      ...[...res.text.matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)].map((m) => m[1]!),
      ...[...res.text.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!),
    ]
    for (const link of links) {
      const url = new URL(unescapeAll(link), new URL(next, site))
      if (url.origin !== site.origin && url.origin !== new URL(base).origin) continue
      const target = url.pathname
      if (target.startsWith('/tim-kiem') || target.startsWith('/api/') || seen.has(target)) continue
      queue.push(target)
    }
  }
  return pages
}

/** Text content of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export const textOf = (html: string): string =>
  unescapeAll(html.replace(/<script[\s\S]*?<\/script>/gi, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()

/**
 * The slugs of the document cards (`<li class="card"><h3><a href="/van-ban/<slug>/">`) of the first
 * card list of a listing, or of search results.
 */
export function listedDocumentSlugs(html: string): string[] {
  const list = html.match(/<(ul|ol) class="card-list[^"]*"[^>]*>([\s\S]*?)<\/\1>/)?.[2] ?? ''
  return [...list.matchAll(/<h3><a href="\/van-ban\/([^/"]+)\/">/g)].map((m) => m[1]!)
}

/** <meta property|name="key" content="…"> values of a page. */
export function metaContent(html: string, key: string): string | undefined {
  for (const m of html.matchAll(/<meta\s+([^>]*)>/g)) {
    const attrs = m[1]!
    const name = attrs.match(/(?:property|name)="([^"]*)"/)?.[1]
    if (name === key) return unescapeAll(attrs.match(/content="([^"]*)"/)?.[1] ?? '')
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  const { launchOptions } = await import('../../scripts/lib/browser')
  return chromium.launch(launchOptions)
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 }, ...options })
  const page = await context.newPage()
  return { context, page }
}

/**
 * A stand-in for window.speechSynthesis: offers the given voices, records every utterance
 * (text, lang, voice) in window.__spoken, and ends each one asynchronously after `ms` unless it is
 * cancelled first, like the real engine. With `ms: 'manual'` an utterance ends only when the test
 * calls window.__endSpeech() (still asynchronously), so a test can step through sentences.
 */
export function speechStub(voices: Array<{ name: string; lang: string }>, ms: number | 'manual' = 30): string {
  return `(() => {
    const voices = ${JSON.stringify(voices)}.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false }))
    const spoken = []
    let current = null
    let timer = 0
    const finish = (u, type, error) => {
      if (type === 'end') { u.onend && u.onend({ type: 'end', utterance: u }) }
      else { u.onerror && u.onerror({ type: 'error', error, utterance: u }) }
    }
    class FakeUtterance {
      constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; this.onend = null; this.onerror = null }
    }
    const synth = {
      speaking: false,
      paused: false,
      pending: false,
      getVoices: () => voices,
      speak(u) {
        spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null })
        current = u
        this.speaking = true
        if (${JSON.stringify(ms)} !== 'manual') timer = setTimeout(() => window.__endSpeech(), ${ms === 'manual' ? 0 : ms})
      },
      cancel() {
        clearTimeout(timer)
        const u = current
        current = null
        this.speaking = false
        if (u) setTimeout(() => finish(u, 'error', 'canceled'), 0)
      },
      pause() { this.paused = true },
      resume() { this.paused = false },
      addEventListener() {},
      removeEventListener() {},
    }
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true })
    window.__spoken = spoken
    window.__endSpeech = () => {
      const u = current
      if (!u) return false
      clearTimeout(timer)
      current = null
      synth.speaking = false
      setTimeout(() => finish(u, 'end'), 0)
      return true
    }
  })()`
}

/** axe-core in the page, WCAG 2.0/2.1 A and AA plus 2.2 AA: the violations and how many rules passed. */
export async function axeAudit(
  page: Page,
): Promise<{ passed: number; violations: Array<{ id: string; impact: string | null; help: string; nodes: string[] }> }> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  // Evaluated through the debugging protocol, not a <script> tag: the site's Content-Security-Policy
  // (rightly) refuses scripts it does not know.
  if (!hasAxe) await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'))
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[]; passes: any[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return {
      passed: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id as string,
        impact: v.impact as string | null,
        help: v.help as string,
        nodes: (v.nodes as Array<{ target: unknown; failureSummary?: string }>).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
      })),
    }
  })
}
