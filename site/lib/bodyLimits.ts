import { QUESTION_FILE_MAX_BYTES } from '../../core/participation'

/**
 * The largest request body a route accepts (the site's forms are well under 4 KB); the front
 * server refuses larger ones first (deploy/nginx/nginx.conf, client_max_body_size).
 */
export const MAX_BODY_BYTES = 64 * 1024

/** The one form that takes a file (a photo or PDF with a question to the committee) takes more. */
export const QUESTION_FORM = /^\/ca-nhan\/hoi-dap\/?$/
export const QUESTION_BODY_BYTES = QUESTION_FILE_MAX_BYTES + 64 * 1024

export const bodyLimit = (pathname: string): number => (QUESTION_FORM.test(pathname) ? QUESTION_BODY_BYTES : MAX_BODY_BYTES)

export class BodyTooLarge extends Error {}

/**
 * A request's body, read to at most `limit` bytes: a body sent without a length (chunked) is only
 * checked while it arrives. The adapter's own cut (astro.config.mjs) is the larger, file form's.
 * Throws BodyTooLarge beyond the limit.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      throw new BodyTooLarge()
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}
