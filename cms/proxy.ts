import { NextResponse, type NextRequest } from 'next/server'
import { JSON_BODY_LIMIT, uploadBodyLimit, uploadLimitsMb } from './requestLimits.mjs'

const MB = 1024 * 1024
const UPLOAD_PATH = /^\/api\/(files|media)(\/|$)/

function tooLarge(pathname: string, limit: number) {
  const upload = UPLOAD_PATH.exec(pathname)?.[1] as 'files' | 'media' | undefined
  const message = upload
    ? `Tệp tải lên vượt giới hạn ${uploadLimitsMb()[upload]} MB nên không được nhận. Hãy nén hoặc tách tệp rồi tải lên lại.`
    : `Yêu cầu quá lớn nên không được nhận (tối đa ${Math.round(limit / MB)} MB).`
  return NextResponse.json({ errors: [{ message }] }, { status: 413 })
}

/** Bytes of a body sent without a length, counted up to just past the limit. */
async function measure(body: ReadableStream<Uint8Array>, limit: number): Promise<number> {
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done || size > limit) return size
    size += value.byteLength
  }
}

/**
 * Request size limits for every route of the CMS server, checked before Next or Payload parses a
 * byte: uploads up to the larger of the two upload limits + 1 MB (the collections' hooks then apply
 * the precise one), everything else 4 MB. A body sent without a length is counted here: Next hands
 * the proxy a copy of at most `proxyClientMaxBodySize` bytes (next.config.mjs, 1 MB above the
 * upload limit, so even a cut copy of a longer body is over the limit) and would pass a longer
 * body on cut short, which Payload would fail to parse.
 * A TLS proxy in front should cap bodies too (docs/operations.md).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  const limit = UPLOAD_PATH.test(pathname) ? uploadBodyLimit() : JSON_BODY_LIMIT
  const declared = request.headers.get('content-length')
  const size = declared !== null ? Number(declared) : request.body ? await measure(request.body, limit) : 0
  if (size > limit) return tooLarge(pathname, limit)
  return NextResponse.next()
}

export const config = { matcher: ['/api/:path*', '/admin/:path*'] }
