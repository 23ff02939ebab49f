/**
 * The CMS's environment (the CMS server, the worker and operator scripts): every variable validated
 * at start, each bad one named with what is expected.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { refineSearch, searchFields } from './search'
import { cmsLinkFields } from './site'
import { bool, envError, loadDotEnv, LOOPBACK_HOSTS, ROOT_DIR } from './shared'

/** Sending of subscriber mail (docs/email.md). */
const mailFields = {
  MAIL_RATE_PER_MINUTE: z.coerce.number().int().min(1, { message: 'must be at least 1' }).max(100_000).default(60),
  MAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600, { message: 'must be at most 3600 (one hour)' }).default(60),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23, { message: 'must be an hour of the day, 0–23 (Vietnam time)' }).default(7),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(600),
}

/** Requests that make the CMS send mail (subscription form, password reset), per window (docs/security.md). */
const formLimitFields = {
  MAIL_FORM_LIMIT_PER_IP: z.coerce.number().int().min(1, { message: 'must be at least 1' }).max(100_000).default(10),
  MAIL_FORM_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1, { message: 'must be at least 1' }).max(1000).default(3),
  MAIL_FORM_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60, { message: 'must be at most 10080 (a week)' })
    .default(60),
}

const schema = z
  .object({
    ...searchFields,
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || v.startsWith('file:') || /^mongodb(\+srv)?:\/\//.test(v) || v === ':memory:', {
        message: 'must be empty (SQLite under DATA_DIR), "file:<path>" (SQLite) or "mongodb://…" (MongoDB)',
      }),
    PAYLOAD_SECRET: z.string().default(''),
    SERVER_URL: z.url({ message: 'must be the public URL of the CMS, e.g. https://cms.example.vn' }).default('http://localhost:3000'),
    SITE_URL: z.url({ message: 'must be the public URL of the site, e.g. https://sotay.example.vn' }).default('http://localhost:4321'),
    ...cmsLinkFields,
    SITE_PORT: z.coerce.number().int().min(1).max(65535).default(4321),
    SMTP_URL: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || /^smtps?:\/\//.test(v), { message: 'must be smtp://user:pass@host:port or smtps://…' }),
    MAIL_FROM: z.email({ message: 'must be an e-mail address' }).default('sotay@localhost'),
    MAIL_FROM_NAME: z.string().default('Sổ tay đảng viên điện tử'),
    MAIL_REPLY_TO: z.union([z.literal(''), z.email({ message: 'must be an e-mail address' })]).default(''),
    ...mailFields,
    ...formLimitFields,
    JOBS_IN_PROCESS: bool.default(true),
    // A job a crashed runner left "processing" is run again after this long (mail jobs: MAIL_LEASE_SECONDS).
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(2).max(86_400).default(300),
    UPLOAD_MAX_MB: z.coerce.number().positive().max(500).default(30),
    IMAGE_MAX_MB: z.coerce.number().positive().max(100).default(10),
    // Where `npm run backup` writes archives; keep it off the data volume, so one failure cannot take both.
    BACKUP_DIR: z.string().default('backups'),
  })
  .superRefine((v, ctx) => {
    refineSearch(v, ctx)
    // Outside development the secret must be given (never generated), long and random: it signs
    // every login token. Only development generates one into DATA_DIR (see developmentSecret).
    const secretProblem = v.NODE_ENV === 'development' ? null : secretWeakness(v.PAYLOAD_SECRET)
    if (secretProblem) {
      ctx.addIssue({
        code: 'custom',
        path: ['PAYLOAD_SECRET'],
        message: `${secretProblem}: outside development it must be set to at least 32 random characters (e.g. \`openssl rand -hex 32\`)`,
      })
    }
    // Login cookies are marked Secure only on an https SERVER_URL (collections/Users.ts), so
    // production refuses plain http except on this machine (`npm start`).
    // (An unparsable SERVER_URL is already reported by its own check.)
    const server = URL.canParse(v.SERVER_URL) ? new URL(v.SERVER_URL) : null
    if (server && v.NODE_ENV === 'production' && server.protocol !== 'https:' && !LOOPBACK_HOSTS.has(server.hostname)) {
      ctx.addIssue({
        code: 'custom',
        path: ['SERVER_URL'],
        message: 'must be an https:// URL in production (login cookies are sent over TLS only); put a TLS-terminating proxy in front of the CMS',
      })
    }
    if (v.MEILI_URL && !v.MEILI_MASTER_KEY && v.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['MEILI_MASTER_KEY'], message: 'is required when MEILI_URL is set in production' })
    }
  })

/** Why a PAYLOAD_SECRET is unfit, or null: too short, a placeholder, or too few distinct characters. */
export function secretWeakness(secret: string): string | null {
  if (!secret) return 'is not set'
  if (secret.length < 32) return `is ${secret.length} characters long`
  if (/change|example|placeholder/i.test(secret)) return 'looks like a placeholder'
  if (new Set(secret).size < 10) return 'is not random (too few distinct characters)'
  return null
}

/** Every variable the validated configuration reads (for .env.example and the compose checks). */
export const ENV_KEYS: readonly string[] = Object.keys(schema.shape)

export type Env = z.infer<typeof schema> & {
  dataDir: string
  database: { kind: 'sqlite'; url: string } | { kind: 'mongodb'; url: string }
}

/** Parses and validates the environment; throws EnvError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source)
  if (!result.success) throw envError(result.error.issues)
  const v = result.data
  const dataDir = path.resolve(ROOT_DIR, v.DATA_DIR)
  let database: Env['database']
  if (v.DATABASE_URL.startsWith('mongodb')) database = { kind: 'mongodb', url: v.DATABASE_URL }
  else if (v.DATABASE_URL === ':memory:') database = { kind: 'sqlite', url: ':memory:' }
  else {
    const file = v.DATABASE_URL ? v.DATABASE_URL.slice('file:'.length) : path.join(dataDir, 'so-tay.db')
    database = { kind: 'sqlite', url: `file:${path.resolve(ROOT_DIR, file)}` }
  }
  const secret = v.PAYLOAD_SECRET || developmentSecret(dataDir)
  return { ...v, PAYLOAD_SECRET: secret, dataDir, database }
}

/**
 * Outside production a fresh clone must start without any configuration, so a random secret is
 * generated once and kept in DATA_DIR (never committed). Production refuses to start without one.
 */
export function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir, { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600 })
    return secret
  }
}

/**
 * `npm start` and the local site build run on embedded defaults with NODE_ENV=production (Next and
 * Astro serve built output only in that mode); without a configured secret they share the one
 * generated in DATA_DIR. A real deployment sets PAYLOAD_SECRET (docker-compose refuses to start without it).
 */
export function useLocalSecretIfUnset(source: Record<string, string | undefined> = process.env): void {
  if (source === process.env) loadDotEnv()
  source.PAYLOAD_SECRET ||= developmentSecret(path.resolve(ROOT_DIR, source.DATA_DIR ?? 'data'))
}

let cached: Env | undefined
/** The validated environment of this process (parsed once). */
export function env(): Env {
  if (!cached) loadDotEnv()
  cached ??= parseEnv()
  return cached
}
