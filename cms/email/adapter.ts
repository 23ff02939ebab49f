import path from 'node:path'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import nodemailer from 'nodemailer'
import { parseConnectionUrl } from 'nodemailer/lib/shared'
import type SMTPPool from 'nodemailer/lib/smtp-pool'
import type { EmailAdapter, SendEmailOptions } from 'payload'
import type { Env } from '../../core/env/cms'
import { outboxTransport } from './outboxTransport'
import { htmlToText } from './render/htmlToText'

/**
 * SMTP when SMTP_URL is set; otherwise the local outbox (DATA_DIR/outbox). TLS follows the URL:
 * smtps:// is TLS from the first byte (port 465); smtp:// upgrades with STARTTLS when the server
 * offers it, and `?requireTLS=true` refuses to send without it. nodemailer reads further options
 * from the query string (e.g. `tls.servername=…`); see docs/email.md.
 */
function transport(env: Env) {
  if (!env.SMTP_URL) return nodemailer.createTransport(outboxTransport(path.join(env.dataDir, 'outbox')))
  return nodemailer.createTransport({
    // One reused connection: the sender sends one message at a time, and a fresh connection per
    // message costs three more round trips each.
    pool: true,
    maxConnections: 1,
    // Short timeouts: a hung server must fail the attempt (to be retried) well inside the sender's lease.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    // The URL's own settings (host, port, auth, TLS, even `pool=false`) take precedence.
    ...parseConnectionUrl(env.SMTP_URL),
  } as SMTPPool.Options)
}

/**
 * Every message leaves with a plain-text part (Payload's auth mail brings HTML only) and the
 * configured Reply-To.
 */
function complete(message: SendEmailOptions, replyTo: string): SendEmailOptions {
  const html = typeof message.html === 'string' ? message.html : undefined
  return {
    ...(replyTo && !message.replyTo ? { replyTo } : {}),
    ...message,
    ...(html && !message.text ? { text: htmlToText(html) } : {}),
  }
}

export async function emailAdapter(env: Env): Promise<EmailAdapter> {
  const base = await nodemailerAdapter({
    defaultFromAddress: env.MAIL_FROM,
    defaultFromName: env.MAIL_FROM_NAME,
    transport: transport(env),
    // The outbox cannot be "verified"; an SMTP server is checked at start so a typo shows at once.
    skipVerify: !env.SMTP_URL,
  })
  return (args) => {
    const adapter = base(args)
    return { ...adapter, sendEmail: (message) => adapter.sendEmail(complete(message, env.MAIL_REPLY_TO)) }
  }
}
