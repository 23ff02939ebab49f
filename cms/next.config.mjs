import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'
import { uploadBodyLimit } from './requestLimits.mjs'

// The request limits below read UPLOAD_MAX_MB / IMAGE_MAX_MB; values from the project's .env count
// too (the shell's win), as they do for the rest of the CMS (cms/env.ts).
const dotEnv = new URL('../.env', import.meta.url)
if (fs.existsSync(dotEnv)) process.loadEnvFile(dotEnv)

// Turbopack resolves packages only under its root, the project. When node_modules is a link to a
// shared install elsewhere (a git worktree), the root must also cover where the link points.
const projectRoot = fileURLToPath(new URL('..', import.meta.url))
const modules = fs.realpathSync(path.join(projectRoot, 'node_modules'))
const commonRoot = (a, b) => (path.relative(a, b).startsWith('..') ? commonRoot(path.dirname(a), b) : a)
const turbopackRoot = commonRoot(path.resolve(projectRoot), modules)

/** Headers of every CMS answer: the admin is never framed (clickjacking) and types are never sniffed. */
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // One Next app serves only the Payload admin and API; the public site is Astro (site/).
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
    // The proxy (cms/proxy.ts) sees at most this much of a body; Next's default, 10 MB, cut uploads
    // between 10 MB and the 30 MB upload limit short (a 500). A longer body reaches the proxy cut
    // at a chunk boundary below this size, so 1 MB above the largest accepted request keeps even a
    // cut-off body sent without a length larger than the limit: the proxy refuses it.
    proxyClientMaxBodySize: uploadBodyLimit() + 1024 * 1024,
  },
  headers: async () => [{ source: '/:path*', headers: SECURITY_HEADERS }],
  ...(turbopackRoot !== path.resolve(projectRoot) ? { turbopack: { root: turbopackRoot }, outputFileTracingRoot: turbopackRoot } : {}),
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
