import { NextResponse, type NextRequest } from 'next/server'

const MB = 1024 * 1024
const mb = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? value : fallback
}

/**
 * Request size limits for every route of the CMS server, checked before Next or Payload reads a
 * byte: uploads up to the larger of the two upload limits (the collections' hooks then apply the
 * precise one), everything else — REST JSON, GraphQL, the admin's server actions — 4 MB, far above
 * the longest resolution's full text. A TLS proxy in front should cap bodies too (docs/operations.md).
 */
export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0)
  const upload = /^\/api\/(files|media)(\/|$)/.test(request.nextUrl.pathname)
  const limit = upload ? (Math.max(mb('UPLOAD_MAX_MB', 30), mb('IMAGE_MAX_MB', 10)) + 1) * MB : 4 * MB
  if (length > limit) {
    return NextResponse.json({ errors: [{ message: `Yêu cầu quá lớn: tối đa ${Math.round(limit / MB)} MB.` }] }, { status: 413 })
  }
  return NextResponse.next()
}

export const config = { matcher: ['/api/:path*', '/admin/:path*'] }
