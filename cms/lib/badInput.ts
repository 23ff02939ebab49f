/**
 * Bad input that Payload reports as a server error (500, "Something went wrong"): broken JSON in a
 * multipart `_payload`, a broken multipart body, a body that is not what the route accepts. Each
 * gets the 4xx it is and a Vietnamese message; anything else is left as Payload answers it.
 */
export interface BadInputAnswer {
  status: 400 | 413
  message: string
}

export const INVALID_JSON = 'Dữ liệu gửi lên không phải JSON hợp lệ.'
export const BROKEN_MULTIPART = 'Dữ liệu tải lên (multipart/form-data) bị hỏng hoặc không đầy đủ. Hãy tải lên lại.'
export const MULTIPART_TOO_LARGE = 'Yêu cầu tải lên có quá nhiều phần hoặc quá lớn nên không được nhận.'

// Busboy's parse errors and Payload's "not a multipart request" (thrown as 500s).
const MULTIPART_ERRORS =
  /^(Unexpected end of (form|file)|Malformed (part header|content type|urlencoded form)|Multipart: Boundary not found|Missing Content-Type|Unsupported content type|Request is not eligible for file upload)/

export function badInputAnswer(error: unknown): BadInputAnswer | null {
  if (!error || typeof error !== 'object') return null
  const { message = '', status } = error as { message?: unknown; status?: unknown }
  const text = String(message)
  if (error instanceof SyntaxError || text === 'Invalid JSON') return { status: 400, message: INVALID_JSON }
  if (MULTIPART_ERRORS.test(text)) return { status: 400, message: BROKEN_MULTIPART }
  if (status === 413 && /^Multipart (request size )?limit/.test(text)) return { status: 413, message: MULTIPART_TOO_LARGE }
  return null
}
