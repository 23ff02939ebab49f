import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // One Next app serves only the Payload admin and API; the public site is Astro (site/).
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
