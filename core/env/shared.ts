/**
 * What every part's environment parsing shares: the project root (relative paths resolve against
 * it), `.env` loading, the error that names each bad variable, and small zod helpers.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/**
 * Project root: every relative path in the environment is resolved against it. Found by walking up
 * to the nearest package.json, because this module also runs bundled (the site server under
 * dist/server/chunks/), where "one level up" would be the wrong place.
 */
export const ROOT_DIR = findRoot(path.dirname(fileURLToPath(import.meta.url)))

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir
    if (path.dirname(dir) === dir) return process.cwd()
  }
}

/** Values from `.env` at the project root fill in what the real environment leaves unset. */
export function loadDotEnv(): void {
  const file = path.join(ROOT_DIR, '.env')
  if (fs.existsSync(file)) process.loadEnvFile(file)
}

export class EnvError extends Error {}

export const envError = (issues: z.core.$ZodIssue[]) =>
  new EnvError(`Invalid configuration (see .env.example):\n${issues.map((i) => `  - ${i.path.join('.') || '(environment)'}: ${i.message}`).join('\n')}`)

/** Parses `source` with `schema`, or throws EnvError listing every bad variable. */
export function parseWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source)
  if (!result.success) throw envError(result.error.issues)
  return result.data
}

/** Host names that only this machine reaches. */
export const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

export const optionalUrl = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.url({ message: `must be a URL (${what})` }).optional())

export const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes')
