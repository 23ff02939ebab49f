/**
 * Page weight for cheap phones on slow lines: a document page (HTML + the CSS and JS it references,
 * fonts and images aside) is at most 30 KB gzipped, and no page references anything from another
 * origin (fonts, scripts, styles, images, frames).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, inject, it } from 'vitest'
import { corpus, crawlSite, get, SITE_URL, walkFiles } from '../../helpers/site'

const site = inject('site')
const c = corpus()
const BUDGET = 30 * 1024

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes).length
/** Values of an attribute on the given tags. */
const attributeValues = (html: string, tags: string, attribute: string) =>
  [...html.matchAll(new RegExp(`<(?:${tags})\\b[^>]*?\\s${attribute}="([^"]*)"`, 'gi'))].map((m) => m[1]!)
const cssUrls = (css: string) => [
  ...[...css.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/gi)].map((m) => m[1]!),
  ...[...css.matchAll(/@import\s+['"]([^'"]+)['"]/gi)].map((m) => m[1]!),
]

/** Every resource a page makes the browser fetch (not links it merely offers). */
function resourcesOf(html: string): { styles: string[]; scripts: string[]; all: string[] } {
  const styles = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /rel="[^"]*stylesheet/.test(tag))
    .map((tag) => tag.match(/href="([^"]*)"/)![1]!)
  const scripts = [
    ...attributeValues(html, 'script', 'src'),
    ...[...html.matchAll(/<link\b[^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => /rel="(?:modulepreload|preload|prefetch)"/.test(tag))
      .map((tag) => tag.match(/href="([^"]*)"/)![1]!),
  ]
  const srcsets = attributeValues(html, 'img|source', 'srcset').flatMap((s) => s.split(',').map((part) => part.trim().split(/\s+/)[0]!))
  const all = [
    ...[...html.matchAll(/<link\b[^>]*>/gi)]
      .map((m) => m[0])
      .filter((tag) => !/rel="(?:canonical|alternate|sitemap)"/.test(tag))
      .map((tag) => tag.match(/href="([^"]*)"/)?.[1] ?? ''),
    ...attributeValues(html, 'script|img|source|iframe|embed|audio|video|track|input', 'src'),
    ...attributeValues(html, 'object', 'data'),
    ...attributeValues(html, 'video', 'poster'),
    ...srcsets,
    ...[...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].flatMap((m) => cssUrls(m[1]!)),
    ...attributeValues(html, '[a-z]+', 'style').flatMap(cssUrls),
    // Social previews fetch these on the site's behalf.
    ...[...html.matchAll(/<meta\s+property="og:image"\s+content="([^"]*)"/g)].map((m) => m[1]!),
  ].filter(Boolean)
  return { styles, scripts, all }
}

const isThirdParty = (url: string) => {
  if (url.startsWith('data:')) return false
  const resolved = new URL(url, SITE_URL)
  return resolved.origin !== SITE_URL
}

describe('page weight', () => {
  it('keeps every document page within 30 KB gzipped with its CSS and JS', async () => {
    const assets = new Map<string, number>()
    const weights: Array<{ slug: string; total: number; html: number; assets: string[] }> = []
    for (const doc of c.publicDocuments) {
      const page = await get(site.url, `/van-ban/${doc.id}/`)
      expect(page.status).toBe(200)
      const { styles, scripts } = resourcesOf(page.text)
      expect(styles.length, 'the page references its stylesheet').toBeGreaterThan(0)
      let total = gzipSize(page.bytes)
      const html = total
      const pending = [...styles, ...scripts]
      const seen = new Set<string>()
      while (pending.length) {
        const url = pending.shift()!
        if (seen.has(url)) continue
        seen.add(url)
        if (!assets.has(url)) {
          const res = await get(site.url, url)
          expect(res.status, url).toBe(200)
          assets.set(url, gzipSize(res.bytes))
          // Stylesheets imported by a stylesheet count too.
          if (url.endsWith('.css'))
            for (const imported of cssUrls(res.text).filter((u) => /\.css(\?|$)/.test(u))) pending.push(new URL(imported, new URL(url, SITE_URL)).pathname)
        }
        total += assets.get(url)!
      }
      weights.push({ slug: doc.id, total, html, assets: [...seen] })
    }
    const heaviest = weights.sort((a, b) => b.total - a.total)[0]!
    expect(heaviest.total, `${heaviest.slug}: ${heaviest.total} bytes (HTML ${heaviest.html}) with ${heaviest.assets.join(', ')}`).toBeLessThanOrEqual(BUDGET)
  })
})

describe('third-party resources', () => {
  it('no page, stylesheet or script references another origin', async () => {
    const client = path.join(site.distDir, 'client')
    const offenders: string[] = []
    const pages = (await crawlSite(site.url)).filter((p) => p.type.startsWith('text/html'))
    for (const page of pages) {
      const { all } = resourcesOf(page.text)
      for (const url of all.filter(isThirdParty)) offenders.push(`${page.path}: ${url}`)
    }
    for (const file of walkFiles(client)) {
      if (file.endsWith('.css')) {
        for (const url of cssUrls(fs.readFileSync(file, 'utf8')).filter(isThirdParty)) offenders.push(`${path.relative(client, file)}: ${url}`)
      } else if (file.endsWith('.js') || file.endsWith('.mjs')) {
        // Scripts loading more scripts or fonts from elsewhere.
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:import\s*\(|from\s*|src\s*=\s*)['"`](https?:)?\/\/[^'"`]+/g))
          offenders.push(`${path.relative(client, file)}: ${m[0]}`)
      }
    }
    expect(pages.length).toBeGreaterThan(50)
    expect(offenders).toEqual([])
  })

  it('the on-demand pages reference no other origin either', async () => {
    for (const url of ['/tim-kiem?q=27+qd+tw', '/khong-co-trang-nay']) {
      const { all } = resourcesOf((await get(site.url, url)).text)
      expect(all.length).toBeGreaterThan(0)
      expect(all.filter(isThirdParty)).toEqual([])
    }
  })

  it('would notice a third-party font or script', () => {
    const sample = '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Be+Vietnam+Pro"><script src="//cdn.example.com/x.js"></script>'
    expect(resourcesOf(sample).all.filter(isThirdParty)).toHaveLength(2)
  })
})
