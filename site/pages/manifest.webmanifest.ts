import type { APIRoute } from 'astro'
import { SITE_DESCRIPTION, SITE_NAME } from '../lib/site'

// The web app manifest: what a phone needs to install the library as an app (name, icons, colours,
// start page). The name is the site's, set at run time.
export const prerender = false

export const GET: APIRoute = () => {
  const manifest = {
    id: '/',
    name: SITE_NAME,
    short_name: 'Sổ tay',
    description: SITE_DESCRIPTION,
    lang: 'vi',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#9b1c1c',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      { name: 'Văn bản', url: '/van-ban/' },
      { name: 'Tin tức', url: '/tin-tuc/' },
      { name: 'Văn bản đã lưu', short_name: 'Đã lưu', url: '/ngoai-tuyen/' },
    ],
  }
  return new Response(JSON.stringify(manifest), {
    headers: { 'Content-Type': 'application/manifest+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}
