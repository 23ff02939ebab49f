/**
 * What the service worker may keep on a member's phone, in one place: shared by the worker
 * (site/offline/serviceWorker.ts), the page scripts that save and list documents, and the tests.
 *
 * Only public pages and files are ever stored, and only when the server sent them as storable: a
 * response marked `Cache-Control: private` or `no-store` (the members area will send those) is
 * never written, whatever its address.
 */

/** Saved documents with their originals and the bundles their pages load; kept across updates. */
export const SAVED_CACHE = 'sotay-saved-v1'
/** The offline page and what it loads, one cache per build (the worker's build id). */
export const SHELL_CACHE_PREFIX = 'sotay-shell-'
/** Lists the saved documents; answers in place of any page that is not saved while offline. */
export const OFFLINE_PATH = '/ngoai-tuyen/'

/** Public areas of the site. Search, the API, forms and anything new (a members area) are not. */
const PUBLIC_PATHS = [
  /^\/$/,
  /^\/(van-ban|tin-tuc|chuyen-de)\/([^/?#]+\/)*$/,
  /^\/(tep|anh)\/[^/?#]+$/,
  /^\/_astro\/[^/?#]+$/,
  /^\/icons\/[^/?#]+\.png$/,
  /^\/(favicon\.svg|manifest\.webmanifest)$/,
  new RegExp(`^${OFFLINE_PATH}$`),
]

export const isPublicPath = (pathname: string): boolean => PUBLIC_PATHS.some((re) => re.test(pathname))

/** A document's own page: /van-ban/<slug>/ (listings have more segments or start with a facet). */
export const isDocumentPath = (pathname: string): boolean => /^\/van-ban\/(?!trang\/)[^/]+\/$/.test(pathname)

/** Responses the server marked as not for keeping. */
export function forbidsStoring(headers: Headers): boolean {
  const cacheControl = headers.get('Cache-Control') ?? ''
  if (/(^|[\s,])(private|no-store)([\s,=]|$)/i.test(cacheControl)) return true
  // A page that differs per visitor says so with Vary; none of the public pages do.
  const vary = (headers.get('Vary') ?? '').toLowerCase()
  return /(^|[\s,])(\*|cookie|authorization)([\s,]|$)/.test(vary)
}

/**
 * Whether a response may be written to the phone: a complete 200 from this site (not a redirect,
 * not opaque), for a public address, that the server did not mark private or no-store.
 */
export function isStorable(response: Response, url: URL, origin: string): boolean {
  if (response.status !== 200 || response.redirected) return false
  if (response.type !== 'basic' && response.type !== 'default') return false
  if (url.origin !== origin || url.search !== '' || !isPublicPath(url.pathname)) return false
  return !forbidsStoring(response.headers)
}

/** Same-origin addresses a saved page needs offline: stylesheets, scripts, icons, its originals. */
export function linkedPaths(html: string, pageUrl: URL): { assets: string[]; files: string[] } {
  const assets = new Set<string>()
  const files = new Set<string>()
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    let url: URL
    try {
      url = new URL(m[1]!.replace(/&amp;/g, '&'), pageUrl)
    } catch {
      continue
    }
    if (url.origin !== pageUrl.origin || url.search) continue
    if (url.pathname.startsWith('/_astro/')) assets.add(url.pathname)
    else if (url.pathname.startsWith('/tep/')) files.add(url.pathname)
  }
  return { assets: [...assets], files: [...files] }
}

/** Title and document name of a saved page, for the list of saved documents. */
export function savedPageLabel(html: string): { name: string; title: string } {
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .trim()
  const name = decode(/<span class="doc-name">([\s\S]*?)<\/span>/.exec(html)?.[1] ?? '')
  const title = decode(/<span class="lede">([\s\S]*?)<\/span>/.exec(html)?.[1] ?? /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '')
  return { name, title }
}

/** Messages from pages to the worker; each is answered on the port sent with it. */
export type WorkerRequest = { type: 'save'; path: string } | { type: 'remove'; path: string } | { type: 'refresh' }
export type WorkerReply = { ok: true; files: number } | { ok: false; reason: 'network' | 'refused' | 'not-public' }
