/**
 * What a failed send means for the message and the address:
 * - `server`: the mail server is unreachable, refuses us as a whole (421, authentication, sender
 *   rejected) or the connection broke. Nobody's fault but ours; the message waits and the sender
 *   backs off, without counting it against the recipient.
 * - `temporary`: a 4xx for this recipient (mailbox busy, greylisting): retried with backoff.
 * - `recipient`: a 5xx for this address (no such user…): recorded, never retried, address stopped.
 * - `message`: a 5xx for this message's content: recorded, never retried; the address stays.
 */
export type FailureKind = 'server' | 'temporary' | 'recipient' | 'message'

export interface SmtpFailure {
  kind: FailureKind
  code: number | null
  message: string
}

const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETLS',
  'EPROTOCOL',
  'EAUTH',
  'EREQUIRETLS',
  'ENOTFOUND',
])

export function classifySmtpError(error: unknown): SmtpFailure {
  const e = (error ?? {}) as { code?: string; responseCode?: number; command?: string; response?: string; message?: string }
  const code = typeof e.responseCode === 'number' ? e.responseCode : null
  const message = String(e.response || e.message || error).slice(0, 1000)
  // Refused before anything was sent (a malformed address or message): no retry can fix it.
  if (code === null && e.code === 'EENVELOPE') return { kind: 'recipient', code, message }
  if (code === null && (e.code === 'EMESSAGE' || e.code === 'ESTREAM')) return { kind: 'message', code, message }
  if (code === null || CONNECTION_CODES.has(e.code ?? '') || code === 421) return { kind: 'server', code, message }
  if (e.command === 'MAIL FROM' || e.command === 'AUTH' || e.command?.startsWith('AUTH ')) return { kind: 'server', code, message }
  if (code >= 500) return { kind: e.command === 'RCPT TO' ? 'recipient' : 'message', code, message }
  if (code >= 400) return { kind: 'temporary', code, message }
  return { kind: 'server', code, message }
}

/** base · 2^(n−1), capped: 1 min, 2, 4, 8… with the default base, never more than `capMs`. */
export const backoffMs = (baseMs: number, n: number, capMs: number) => Math.min(capMs, baseMs * 2 ** Math.max(0, n - 1))
