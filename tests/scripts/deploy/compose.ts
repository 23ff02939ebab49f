import { parseEnv as parseDotEnv } from 'node:util'

type Healthcheck = { test?: string | string[]; disable?: boolean; interval?: string; timeout?: string; retries?: number }
export type Service = {
  image?: string
  build?: unknown
  command?: string | string[]
  profiles?: string[]
  restart?: string
  environment?: Record<string, string>
  volumes?: (string | { source: string; target: string })[]
  ports?: string[]
  depends_on?: Record<string, { condition?: string }>
  healthcheck?: Healthcheck
}
export type Compose = { name?: string; services: Record<string, Service>; volumes?: Record<string, unknown> }

/** A .env file as docker compose and Node read it (Node's own parser). */
export const readEnvFile = (text: string): Record<string, string> => parseDotEnv(text) as Record<string, string>

/**
 * Compose's variable interpolation, applied to every string of the parsed file:
 * `$$`, `$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME-default}`, `${NAME:?error}`,
 * `${NAME?error}`, `${NAME:+alt}`, `${NAME+alt}`. A required variable that is missing throws, as
 * `docker compose` refuses to start.
 */
export function interpolate<T>(value: T, env: Record<string, string | undefined>): T {
  if (typeof value === 'string') return substitute(value, env) as T
  if (Array.isArray(value)) return value.map((v) => interpolate(v, env)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env)])) as T
  return value
}

function substitute(text: string, env: Record<string, string | undefined>): string {
  return text.replace(
    /\$(\$|([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])((?:[^}]|\}(?=[^$]*\}))*?))?\})/g,
    (_whole, dollar, bare, name, colon, op, arg) => {
      if (dollar === '$') return '$'
      const key = bare ?? name
      const raw = env[key]
      const unset = raw === undefined || (colon === ':' && raw === '')
      switch (op) {
        case '-':
          return unset ? substitute(arg, env) : raw!
        case '?':
          if (unset) throw new Error(`required variable ${key} is missing a value: ${arg}`)
          return raw!
        case '+':
          return unset ? '' : substitute(arg, env)
        default:
          return raw ?? ''
      }
    },
  )
}
