import { env } from '../../core/env/cms'

export interface MailSettings {
  /** Name shown in mail (the sender's display name). */
  siteName: string
  /** Public URL of the site (links in mail), without a trailing slash. */
  siteUrl: string
  /** Public URL of the CMS (one-click unsubscribe endpoint, password reset), without a trailing slash. */
  serverUrl: string
  /** Host part of Message-IDs. */
  messageIdHost: string
  replyTo: string | undefined
  secret: string
  ratePerMinute: number
  retryBaseMs: number
  maxAttempts: number
  digestHour: number
  leaseMs: number
}

const trimSlash = (url: string) => url.replace(/\/+$/, '')

/** The mail part of the validated environment, read once per process. */
export function mailSettings(): MailSettings {
  const e = env()
  const siteUrl = trimSlash(e.SITE_URL)
  return {
    siteName: e.MAIL_FROM_NAME,
    siteUrl,
    serverUrl: trimSlash(e.SERVER_URL),
    messageIdHost: new URL(siteUrl).hostname || 'localhost',
    replyTo: e.MAIL_REPLY_TO || undefined,
    secret: e.PAYLOAD_SECRET,
    ratePerMinute: e.MAIL_RATE_PER_MINUTE,
    retryBaseMs: e.MAIL_RETRY_BASE_SECONDS * 1000,
    maxAttempts: e.MAIL_MAX_ATTEMPTS,
    digestHour: e.MAIL_DIGEST_HOUR,
    leaseMs: e.MAIL_LEASE_SECONDS * 1000,
  }
}
