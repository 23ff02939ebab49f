/**
 * The service worker (/sw.js, built by site/integrations/serving.ts). Reading online is unchanged:
 * pages come from the network (navigation preload starts the request while the worker boots).
 * The worker adds three things:
 * - the shell: the offline page and what it loads, cached at install;
 * - saved documents: a member presses "Lưu để đọc khi không có mạng" and the page asks the worker
 *   to keep the document page, its originals (/tep/) and its bundles; offline they are answered
 *   from the phone, and any other page is answered by the offline page, which lists them;
 * - updates: a saved page is replaced by each newer copy the member loads, and all of them are
 *   fetched again after a new worker activates and when a page asks (at most twice a day); a
 *   document that is no longer public (404/410) is dropped.
 * Everything written goes through isStorable (site/offline/policy.ts).
 */
import {
  forbidsStoring,
  isDocumentPath,
  isStorable,
  linkedPaths,
  OFFLINE_PATH,
  SAVED_CACHE,
  SHELL_CACHE_PREFIX,
  type WorkerReply,
  type WorkerRequest,
} from './policy'

declare const __BUILD_ID__: string

// The few worker types used here: the project type-checks against the DOM library, and the
// WebWorker library cannot be loaded next to it.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request
  readonly preloadResponse: Promise<Response | undefined>
  respondWith(response: Response | Promise<Response>): void
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown
  readonly ports: readonly MessagePort[]
}
interface WorkerScope {
  location: Location
  registration: { navigationPreload?: { enable(): Promise<void> } }
  clients: { claim(): Promise<void> }
  skipWaiting(): Promise<void>
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void
}
const sw = self as unknown as WorkerScope

const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${__BUILD_ID__}`
const origin = sw.location.origin
const urlOf = (path: string) => new URL(path, origin)

/** Fetches a public address past the HTTP cache and stores it in `cache` if it may be stored. */
async function fetchInto(cache: Cache, path: string): Promise<Response | null> {
  const response = await fetch(urlOf(path), { cache: 'no-cache', credentials: 'omit' })
  if (!isStorable(response, urlOf(path), origin)) return response.status === 200 ? null : response
  await cache.put(path, response.clone())
  return response
}

async function installShell(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE)
  const page = await fetchInto(cache, OFFLINE_PATH)
  if (!page?.ok) throw new Error('the offline page could not be cached')
  const { assets } = linkedPaths(await page.text(), urlOf(OFFLINE_PATH))
  await Promise.all([...assets, '/manifest.webmanifest', '/favicon.svg'].map((path) => fetchInto(cache, path)))
}

type SaveResult = WorkerReply

/** The page and what it needs, written only once everything arrived (no half-saved document). */
async function saveDocument(path: string): Promise<SaveResult> {
  if (!isDocumentPath(path)) return { ok: false, reason: 'not-public' }
  let page: Response
  try {
    page = await fetch(urlOf(path), { cache: 'no-cache', credentials: 'omit' })
  } catch {
    return { ok: false, reason: 'network' }
  }
  if (page.status === 404 || page.status === 410) {
    await removeDocument(path)
    return { ok: false, reason: 'not-public' }
  }
  if (!isStorable(page, urlOf(path), origin)) return { ok: false, reason: forbidsStoring(page.headers) ? 'refused' : 'network' }
  const html = await page.clone().text()
  const { assets, files } = linkedPaths(html, urlOf(path))
  const parts: Array<[string, Response]> = [[path, page]]
  try {
    for (const part of [...assets, ...files]) {
      const response = await fetch(urlOf(part), { credentials: 'omit' })
      if (!isStorable(response, urlOf(part), origin)) return { ok: false, reason: forbidsStoring(response.headers) ? 'refused' : 'network' }
      parts.push([part, response])
    }
  } catch {
    return { ok: false, reason: 'network' }
  }
  const cache = await caches.open(SAVED_CACHE)
  await Promise.all(parts.map(([key, response]) => cache.put(key, response)))
  await prune(cache)
  return { ok: true, files: files.length }
}

async function removeDocument(path: string): Promise<void> {
  const cache = await caches.open(SAVED_CACHE)
  await cache.delete(path)
  await prune(cache)
}

/** Drops originals and bundles no saved page links to any more. */
async function prune(cache: Cache): Promise<void> {
  const keys = await cache.keys()
  const needed = new Set<string>()
  for (const request of keys) {
    const path = new URL(request.url).pathname
    if (!isDocumentPath(path)) continue
    needed.add(path)
    const html = await (await cache.match(request))?.text()
    if (html) for (const p of Object.values(linkedPaths(html, urlOf(path))).flat()) needed.add(p)
  }
  await Promise.all(keys.filter((r) => !needed.has(new URL(r.url).pathname)).map((r) => cache.delete(r)))
}

/** Fetches every saved document again; one that fails for want of network stays as it was. */
async function refreshSaved(): Promise<void> {
  const cache = await caches.open(SAVED_CACHE)
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname
    if (isDocumentPath(path)) await saveDocument(path)
  }
}

sw.addEventListener('install', (event) => {
  event.waitUntil(installShell().then(() => sw.skipWaiting()))
})

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(SHELL_CACHE_PREFIX) && name !== SHELL_CACHE) await caches.delete(name)
      await sw.registration.navigationPreload?.enable()
      await sw.clients.claim()
      // A new version of the site: saved pages should load its bundles, and show its text.
      refreshSaved().catch(() => undefined)
    })(),
  )
})

async function fromPhone(path: string): Promise<Response | undefined> {
  return (await caches.match(path, { cacheName: SAVED_CACHE })) ?? (await caches.match(path, { cacheName: SHELL_CACHE }))
}

async function navigate(event: FetchEvent, path: string): Promise<Response> {
  try {
    const response = (await event.preloadResponse) ?? (await fetch(event.request))
    if (isDocumentPath(path) && (await caches.match(path, { cacheName: SAVED_CACHE }))) {
      // The member reads a saved document online: keep the copy current (or drop a withdrawn one).
      if (response.status === 404 || response.status === 410) event.waitUntil(removeDocument(path))
      else if (isStorable(response, urlOf(path), origin)) event.waitUntil(caches.open(SAVED_CACHE).then((c) => c.put(path, response.clone())))
    }
    return response
  } catch {
    return (await fromPhone(path)) ?? (await caches.match(OFFLINE_PATH, { cacheName: SHELL_CACHE })) ?? Response.error()
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== origin) return
  if (request.mode === 'navigate' && !url.search) {
    event.respondWith(navigate(event, url.pathname))
  } else if (url.pathname.startsWith('/_astro/')) {
    // Hashed bundles never change: the phone's copy, else the network.
    event.respondWith(fromPhone(url.pathname).then((hit) => hit ?? fetch(request)))
  } else if (url.pathname.startsWith('/tep/') || url.pathname === OFFLINE_PATH || url.pathname === '/manifest.webmanifest' || url.pathname === '/favicon.svg') {
    event.respondWith(fetch(request).catch(async () => (await fromPhone(url.pathname)) ?? Response.error()))
  }
})

sw.addEventListener('message', (event) => {
  const message = event.data as WorkerRequest
  const port = event.ports[0]
  const work = (async (): Promise<WorkerReply> => {
    if (message?.type === 'save') return saveDocument(message.path)
    if (message?.type === 'remove') {
      await removeDocument(message.path)
      return { ok: true, files: 0 }
    }
    if (message?.type === 'refresh') {
      await refreshSaved()
      return { ok: true, files: 0 }
    }
    return { ok: false, reason: 'not-public' }
  })().catch((): WorkerReply => ({ ok: false, reason: 'network' }))
  event.waitUntil(work.then((reply) => port?.postMessage(reply)))
})
