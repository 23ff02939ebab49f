import fs from 'node:fs/promises'
import path from 'node:path'
import type { Transport } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'

/**
 * The embedded default for mail: every message becomes an .eml file under DATA_DIR/outbox and one
 * log line says where, so nothing is ever dropped on a machine without an SMTP server.
 */
export function outboxTransport(dir: string): Transport<{ envelope: object; messageId: string; path: string }> {
  return {
    name: 'so-tay-outbox',
    version: '1.0.0',
    send(mail: MailMessage, done) {
      const chunks: Buffer[] = []
      const stream = mail.message.createReadStream()
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (error: Error) => done(error, undefined as never))
      stream.on('end', () => {
        const messageId = mail.message.messageId()
        const stamp = new Date().toISOString().replace(/[:.]/g, '-')
        const file = path.join(dir, `${stamp}-${messageId.replace(/[^a-zA-Z0-9]+/g, '_').slice(0, 60)}.eml`)
        fs.mkdir(dir, { recursive: true })
          .then(() => fs.writeFile(file, Buffer.concat(chunks)))
          .then(() => {
            console.log(`[mail] outbox: «${String(mail.data.subject ?? '')}» → ${file}`)
            done(null, { envelope: mail.message.getEnvelope(), messageId, path: file })
          })
          .catch((error: Error) => done(error, undefined as never))
      })
    },
  }
}
