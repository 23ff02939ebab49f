// Container health check, plain JavaScript so each run costs one bare `node` start (no tsx).
//   node scripts/healthcheck.mjs http <url>            healthy when the URL answers 2xx within 4 s
//   node scripts/healthcheck.mjs file <path> <seconds> healthy when the file changed in the last <seconds>
import fs from 'node:fs'

const [kind, target, maxAge = '120'] = process.argv.slice(2)
if (kind === 'file') {
  try {
    const age = (Date.now() - fs.statSync(target).mtimeMs) / 1000
    process.exit(age <= Number(maxAge) ? 0 : 1)
  } catch {
    process.exit(1)
  }
} else if (kind === 'http') {
  fetch(target, { signal: AbortSignal.timeout(4000) }).then(
    (response) => process.exit(response.ok ? 0 : 1),
    () => process.exit(1),
  )
} else {
  console.error('usage: node scripts/healthcheck.mjs http <url> | file <path> <max-age-seconds>')
  process.exit(2)
}
