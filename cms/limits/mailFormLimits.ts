import type { PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { env } from '../../core/env/cms'
import { clientAddress } from './clientAddress'
import { countRequest } from './countRequest'

export type MailForm = 'subscribe' | 'forgot-password'

export class TooManyRequestsError extends APIError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
    super(
      `Đã có quá nhiều yêu cầu gửi thư từ máy của bạn hoặc cho địa chỉ email này trong thời gian ngắn. Xin bạn thử lại sau khoảng ${minutes} phút.`,
      429,
      undefined,
      true,
    )
    this.name = 'TooManyRequestsError'
  }
}

/**
 * Forms that make the CMS send mail to an address anyone can type in are limited per client
 * address and per e-mail address (MAIL_FORM_LIMIT_*), whether they come from the site's page or
 * straight to the API. Throws TooManyRequestsError over the limit; the same answer for every
 * address, so the limit reveals nothing about who has an account or a subscription.
 */
export async function checkMailFormLimits(req: PayloadRequest, form: MailForm, email: string): Promise<void> {
  const { MAIL_FORM_LIMIT_PER_IP, MAIL_FORM_LIMIT_PER_ADDRESS, MAIL_FORM_WINDOW_MINUTES } = env()
  const windowMs = MAIL_FORM_WINDOW_MINUTES * 60_000
  const now = Date.now()
  const checks: Array<[string, string, number]> = [
    [`${form}:ip`, clientAddress(req.headers), MAIL_FORM_LIMIT_PER_IP],
    [`${form}:address`, email.trim().normalize('NFC').toLowerCase(), MAIL_FORM_LIMIT_PER_ADDRESS],
  ]
  for (const [limit, subject, max] of checks) {
    const { count, resetsAt } = await countRequest(req.payload, limit, subject, windowMs, { now, req })
    if (count > max) throw new TooManyRequestsError(Math.ceil((resetsAt.getTime() - now) / 1000))
  }
}
