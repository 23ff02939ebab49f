/**
 * What a built site contains, per page type: how many HTML pages, and what a page weighs over the
 * wire = gzip(HTML) + gzip of every stylesheet and script it references from /_astro/ (each asset
 * counted once per page, as a first visit downloads it). Fonts and images are left out.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export const PAGE_TYPES = ['home', 'library', 'facet', 'document', 'news-list', 'news', 'topic-list', 'topic', 'other'] as const
export type PageType = (typeof PAGE_TYPES)[number]

const FACET_KEYS = new Set(['loai', 'co-quan', 'cap', 'nam', 'linh-vuc', 'hieu-luc'])

/** The page type of a URL path ("/van-ban/loai/nghi-quyet/trang/2/" → facet). */
export function pageTypeOf(urlPath: string): PageType {
  const parts = urlPath.split('/').filter(Boolean)
  if (parts.length === 0) return 'home'
  const [section, second] = parts
  if (section === 'van-ban') {
    if (!second || second === 'trang') return 'library'
    if (FACET_KEYS.has(second)) return 'facet'
    return parts.length === 2 ? 'document' : 'other'
  }
  if (section === 'tin-tuc') return !second || second === 'trang' ? 'news-list' : parts.length === 2 ? 'news' : 'other'
  if (section === 'chuyen-de') return !second ? 'topic-list' : 'topic'
  return 'other'
}

/** Every HTML file under the site's client directory, as URL paths ("/van-ban/", "/404.html"). */
export function listPages(clientDir: string): string[] {
  const out: string[] = []
  const walk = (dir: string, prefix: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (prefix === '/' && entry.name === '_astro') continue
        walk(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      } else if (entry.name.endsWith('.html')) {
        out.push(entry.name === 'index.html' ? prefix : `${prefix}${entry.name}`)
      }
    }
  }
  walk(clientDir, '/')
  return out.sort()
}

export function directorySize(dir: string): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}

export interface Weight {
  /** Pages of this type in the build. */
  pages: number
  /** Pages measured (all, or an even sample of at most `sample`). */
  measured: number
  htmlBytesMedian: number
  htmlGzipMedian: number
  /** Uncompressed bytes of inline <script> inside the HTML (sent again with every page, never cached). */
  inlineScriptBytesMedian: number
  assetsGzipMedian: number
  totalGzipMedian: number
  totalGzipMax: number
  /** The measured page closest to the median, for looking at it. */
  example: string
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g
const ASSET_REF = /(?:href|src)="(\/_astro\/[^"?#]+\.(?:css|js|mjs))"/g
const gzipSize = (data: Buffer | string) => zlib.gzipSync(data).length

export function pageWeights(clientDir: string, sample = 400): { counts: Record<PageType, number>; weights: Partial<Record<PageType, Weight>> } {
  const pages = listPages(clientDir)
  const byType = new Map<PageType, string[]>(PAGE_TYPES.map((t) => [t, []]))
  for (const p of pages) byType.get(pageTypeOf(p))!.push(p)

  const assetCache = new Map<string, number>()
  const assetGzip = (ref: string) => {
    let size = assetCache.get(ref)
    if (size === undefined) {
      const file = path.join(clientDir, ref)
      size = fs.existsSync(file) ? gzipSize(fs.readFileSync(file)) : 0
      assetCache.set(ref, size)
    }
    return size
  }
  const fileOf = (p: string) => path.join(clientDir, p.endsWith('/') ? `${p}index.html` : p)

  const counts = Object.fromEntries(PAGE_TYPES.map((t) => [t, byType.get(t)!.length])) as Record<PageType, number>
  const weights: Partial<Record<PageType, Weight>> = {}
  for (const [type, list] of byType) {
    if (list.length === 0 || type === 'other') continue
    const step = Math.max(1, Math.ceil(list.length / sample))
    const measured = list
      .filter((_, i) => i % step === 0)
      .map((p) => {
        const html = fs.readFileSync(fileOf(p))
        const text = html.toString('utf8')
        const assets = [...new Set([...text.matchAll(ASSET_REF)].map((m) => m[1]!))]
        const inline = [...text.matchAll(INLINE_SCRIPT)].reduce((sum, m) => sum + Buffer.byteLength(m[1]!), 0)
        const htmlGzip = gzipSize(html)
        const assetsGzip = assets.reduce((sum, a) => sum + assetGzip(a), 0)
        return { p, html: html.length, htmlGzip, inline, assetsGzip, total: htmlGzip + assetsGzip }
      })
      .sort((a, b) => a.total - b.total)
    const mid = measured[Math.floor((measured.length - 1) / 2)]!
    const median = (key: 'html' | 'htmlGzip' | 'inline' | 'assetsGzip' | 'total') => {
      const values = measured.map((m) => m[key]).sort((a, b) => a - b)
      return values[Math.floor((values.length - 1) / 2)]!
    }
    weights[type] = {
      pages: list.length,
      measured: measured.length,
      htmlBytesMedian: median('html'),
      htmlGzipMedian: median('htmlGzip'),
      inlineScriptBytesMedian: median('inline'),
      assetsGzipMedian: median('assetsGzip'),
      totalGzipMedian: median('total'),
      totalGzipMax: measured.at(-1)!.total,
      example: mid.p,
    }
  }
  return { counts, weights }
}
