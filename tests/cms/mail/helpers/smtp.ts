import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface Received {
  /** RCPT TO addresses, lower-cased. */
  to: string[]
  mail: ParsedMail
  raw: string
}

export interface Behaviour {
  /** An SMTP error for RCPT TO of this address (e.g. 550 or 452); undefined accepts it. */
  rcpt?: (address: string) => { code: number; message: string } | undefined
  /**
   * Called once a message is fully received, before the server answers. 'drop' never answers it
   * (the message is not accepted and not recorded).
   */
  beforeAccept?: (message: Received) => undefined | 'drop'
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code })

/**
 * A real SMTP server on 127.0.0.1 for the tests (the `smtp-server` package). Accepted messages are
 * parsed back with mailparser. It can be stopped and started again on the same port to play an
 * outage, and told to refuse recipients.
 */
export class TestSmtpServer {
  received: Received[] = []
  behaviour: Behaviour = {}
  port = 0
  private server: SMTPServer | null = null

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      disableReverseLookup: true,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.behaviour.rcpt?.(address.address.toLowerCase())
        callback(refusal ? smtpError(refusal.code, refusal.message) : undefined)
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          simpleParser(raw).then(
            (mail) => {
              const message: Received = { to: session.envelope.rcptTo.map((a) => a.address.toLowerCase()), mail, raw }
              if (this.behaviour.beforeAccept?.(message) === 'drop') return
              this.received.push(message)
              callback()
            },
            (error: Error) => callback(error),
          )
        })
      },
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    this.server = server
    const address = (server as unknown as { server: { address(): { port: number } } }).server.address()
    this.port = address.port
  }

  /** Closes the port: connections are refused until start() again. */
  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.to.includes(address.toLowerCase()))
  }

  /** Accepted messages per recipient. */
  countByRecipient(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const r of this.received) for (const to of r.to) counts.set(to, (counts.get(to) ?? 0) + 1)
    return counts
  }
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const server = new TestSmtpServer()
  await server.start(0)
  return server
}

/** The first link in the plain-text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const links = String(mail.text ?? '').match(/https?:\/\/\S+/g) ?? []
  const link = links.find((l) => l.startsWith(prefix))
  if (!link) throw new Error(`No link starting with ${prefix} in:\n${mail.text}`)
  return link
}

export const tokenOf = (link: string): string => new URL(link).searchParams.get('t') ?? ''

/** A header exactly as sent (mailparser turns List-* headers into objects). */
export const header = (mail: ParsedMail, name: string): string => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? ''
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim()
}
