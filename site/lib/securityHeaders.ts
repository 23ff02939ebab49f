/**
 * Headers every answer of the site carries: set by site/middleware.ts on rendered answers, by
 * site/server/serve.ts (nosniff) on build files, and by the front server on what it answers itself
 * (deploy/nginx/security-headers.conf, checked against this list by tests/scripts/deploy/front.test.ts).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
}
