import type { APIRoute } from 'astro'
import { siteUrl } from '../lib/site'

export const prerender = false

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /tim-kiem\nDisallow: /api/\n\nSitemap: ${new URL('/sitemap-index.xml', siteUrl(site))}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
