import { BodyTooLarge, bodyLimit, readBodyWithin } from './bodyLimits'

/**
 * The body of a form POST, or why it cannot be read: the site's forms accept only what a browser's
 * form sends, within the route's body limit (site/lib/bodyLimits.ts; a body sent without a length
 * is counted while it arrives). Never an exception, so never a 500.
 */
export type FormRead = { ok: true; form: FormData } | { ok: false; status: 400 | 413 | 415; message: string }

export const FORM_MALFORMED = 'Biểu mẫu gửi lên không đúng định dạng nên không được nhận. Xin tải lại trang rồi gửi lại.'
export const FORM_TOO_LARGE = 'Nội dung gửi lên quá lớn nên không được nhận.'

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data'])

export async function readForm(request: Request): Promise<FormRead> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!FORM_TYPES.has(type)) return { ok: false, status: 415, message: FORM_MALFORMED }
  let bytes: Uint8Array
  try {
    bytes = await readBodyWithin(request, bodyLimit(new URL(request.url).pathname))
  } catch (error) {
    return error instanceof BodyTooLarge ? { ok: false, status: 413, message: FORM_TOO_LARGE } : { ok: false, status: 400, message: FORM_MALFORMED }
  }
  try {
    const body = new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': request.headers.get('content-type') ?? type } })
    return { ok: true, form: await body.formData() }
  } catch {
    return { ok: false, status: 400, message: FORM_MALFORMED }
  }
}

/**
 * The visitor's address as the nearest proxy saw it (the last X-Forwarded-For entry, which the TLS
 * proxy in front appends), else the socket's. The CMS limits the subscription form per address.
 */
export function visitorAddress(request: Request, socketAddress: string | undefined): string | undefined {
  const forwarded = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  return forwarded.at(-1) ?? socketAddress
}

/** The visitor's address of a page's request (`Astro`): the proxy's record, else the socket's when the adapter knows it. */
export function visitorOf(astro: { request: Request; readonly clientAddress: string }): string | undefined {
  let socket: string | undefined
  try {
    socket = astro.clientAddress
  } catch {
    // Not every adapter or request (prerendering) has a socket address.
  }
  return visitorAddress(astro.request, socket)
}
