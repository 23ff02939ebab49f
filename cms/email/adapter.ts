import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import type { Env } from '../env'
import { outboxTransport } from './outboxTransport'

/** SMTP when SMTP_URL is set; otherwise the local outbox (DATA_DIR/outbox). */
export function emailAdapter(env: Env) {
  const transport = env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport(outboxTransport(path.join(env.dataDir, 'outbox')))
  return nodemailerAdapter({
    defaultFromAddress: env.MAIL_FROM,
    defaultFromName: env.MAIL_FROM_NAME,
    transport,
    // The outbox cannot be "verified"; an SMTP server is checked at start so a typo shows at once.
    skipVerify: !env.SMTP_URL,
  })
}
