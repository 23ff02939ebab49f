/**
 * `npm run bench:serving [-- --items 20000] [--duration 10] [--connections 64] [--rounds 2]`
 *
 * How the site is served, at a library of `--items` items (the publish-to-live corpus, cached under
 * bench/out/publish-to-live/): side by side in one run, with wrk at `--connections` connections on
 * loopback, a cached document page from
 *   1. the site server directly (node dist/server/serve.mjs, HTTP, its route cache),
 *   2. the front server as shipped (deploy/nginx/, HTTPS, micro-cache in front of 1),
 *   3. nginx serving the same bytes as a static file, same TLS settings (the ceiling);
 * the time to first byte of pages nobody asked for yet (no cache anywhere), direct and through the
 * front server; and the bytes a phone receives per page type (as sent by the front server).
 * Needs nginx + its Brotli module and wrk (apt-get install nginx-light
 * libnginx-mod-http-brotli-static wrk). Markdown on stdout, JSON in bench/out/serving/.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { findNginx, selfSignedCertificate, startFrontServer } from '../../scripts/lib/frontServer'
import { freePort } from '../../scripts/lib/net'
import { DEFAULT_SEED } from '../publish-to-live/corpus'
import { corpusFor } from '../publish-to-live/corpusCache'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const OUT = path.join(ROOT, 'bench/out/serving')
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    rounds: { type: 'string', default: '2' },
    samples: { type: 'string', default: '60' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
  },
})
const items = Number(values.items)
const log = (m: string) => console.error(`› ${m}`)
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d
const load = () => round(os.loadavg()[0]!, 2)

const nginx = findNginx()
if (!('bin' in nginx)) throw new Error(nginx.missing)
if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is missing (apt-get install wrk)')
fs.mkdirSync(OUT, { recursive: true })

// ── Site build, corpus and library store ─────────────────────────────────────────────────────
const dist = path.join(OUT, 'dist')
log('building the site (code only)…')
if (
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-site.ts'], {
    cwd: ROOT,
    env: { ...process.env, SITE_OUT_DIR: dist },
    stdio: ['ignore', 'ignore', 'inherit'],
  }).status !== 0
)
  throw new Error('site build failed')
const dataDir = path.join(OUT, `data-${items}`)
let storeSyncSeconds: number | null = null
if (!fs.existsSync(path.join(dataDir, 'site/library.sqlite'))) {
  const corpus = corpusFor(items, Number(values.seed))
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.cpSync(corpus, dataDir, { recursive: true })
  log(`building the library store of ${items} items…`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/serving/store.ts', '--dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .at(-1)
  if (r.status !== 0 || !line) throw new Error(`store build failed\n${r.stdout.slice(-2000)}`)
  storeSyncSeconds = (JSON.parse(line) as { storeSyncSeconds: number }).storeSyncSeconds
}

// ── Servers ──────────────────────────────────────────────────────────────────────────────────
const sitePort = await freePort()
const site = spawn(process.execPath, [path.join(dist, 'server/serve.mjs')], {
  cwd: ROOT,
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(sitePort),
    NODE_ENV: 'production',
    MEILI_URL: '',
    SITE_URL: 'https://sotay.example.vn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const stops: Array<() => Promise<void> | void> = [() => void site.kill('SIGTERM')]
process.on('exit', () => site.kill('SIGKILL'))
const direct = `http://127.0.0.1:${sitePort}`
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${direct}/robots.txt`)).ok) break
  } catch {}
  if (i > 300) throw new Error('the site server did not start')
  await new Promise((r) => setTimeout(r, 100))
}
const work = path.join(OUT, 'nginx')
fs.rmSync(work, { recursive: true, force: true })
const front = await startFrontServer(nginx.bin, {
  workDir: path.join(work, 'front'),
  upstream: `127.0.0.1:${sitePort}`,
  clientDir: path.join(dist, 'client'),
  dataDir,
  httpPort: await freePort(),
  httpsPort: await freePort(),
})
stops.push(front.stop)

interface Raw {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  ttfbMs: number
}
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 1 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 1, rejectUnauthorized: false }),
}
function request(base: string, pathname: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, base)
    const secure = url.protocol === 'https:'
    const started = performance.now()
    const req = (secure ? https : http).request(url, { headers, agent: secure ? agents.https : agents.http }, (res) => {
      const ttfbMs = performance.now() - started
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), ttfbMs }))
    })
    req.on('error', reject)
    req.end()
  })
}
const BR = { 'Accept-Encoding': 'gzip, deflate, br' }

// Pages to measure: documents and news from the sitemap, none requested yet.
const sitemap = (await request(direct, '/sitemap-0.xml')).body.toString('utf8')
const locs = [...sitemap.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]!)
const documents = locs.filter((p) => /^\/van-ban\/[^/]+\/$/.test(p) && !/^\/van-ban\/(trang|loai|co-quan|cap|nam|linh-vuc|hieu-luc)\//.test(p))
const news = locs.filter((p) => /^\/tin-tuc\/[^/]+\/$/.test(p) && !p.startsWith('/tin-tuc/trang/'))
const topics = locs.filter((p) => /^\/chuyen-de\/[^/]+\/$/.test(p))
if (documents.length < 4 * Number(values.samples)) throw new Error(`only ${documents.length} documents in the sitemap`)
const spread = <T>(list: T[], n: number, offset: number) =>
  Array.from({ length: n }, (_, i) => list[Math.floor(((i + offset / 4) * list.length) / n) % list.length]!)

// ── Time to first byte, nothing cached ───────────────────────────────────────────────────────
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(s.at(-1)!) }
}
const samples = Number(values.samples)
const lastListing = Math.floor(documents.length / 20)
const ttfb: Record<string, Record<string, ReturnType<typeof stats>>> = {}
await request(direct, '/', BR)
await request(front.https, '/', BR)
for (const [name, base, offset] of [
  ['direct', direct, 0],
  ['front', front.https, 2],
] as const) {
  const sets = {
    document: spread(documents, samples, offset),
    'library page (deep)': Array.from({ length: 20 }, (_, i) => `/van-ban/trang/${2 + ((offset * 150 + i * 7) % (lastListing - 1))}/`),
  }
  ttfb[name] = {}
  for (const [kind, paths] of Object.entries(sets)) {
    const times: number[] = []
    for (const p of paths) {
      const r = await request(base, p, BR)
      if (r.status !== 200) throw new Error(`${name} ${p}: ${r.status}`)
      if (r.headers['x-astro-cache'] !== 'MISS') throw new Error(`${name} ${p} was already cached (${r.headers['x-astro-cache']})`)
      times.push(r.ttfbMs)
    }
    ttfb[name]![kind] = stats(times)
  }
}
// The same pages again: now from the route cache (direct) and the micro-cache (front).
const cachedTtfb: Record<string, ReturnType<typeof stats>> = {}
for (const [name, base, offset] of [
  ['direct', direct, 0],
  ['front', front.https, 2],
] as const) {
  const times: number[] = []
  for (const p of spread(documents, samples, offset)) times.push((await request(base, p, BR)).ttfbMs)
  cachedTtfb[name] = stats(times)
}

// ── Bytes as sent, per page type (through the front server) ─────────────────────────────────
const PAGE_TYPES: Array<[string, string]> = [
  ['home', '/'],
  ['library', '/van-ban/'],
  ['facet', '/van-ban/loai/nghi-quyet/'],
  ['document', documents[7]!],
  ['news', news[3]!],
  ['topic list', '/chuyen-de/'],
  ['topic', topics[0]!],
  ['search', '/tim-kiem?q=nghi+quyet+chuyen+doi+so'],
  ['offline page', '/ngoai-tuyen/'],
]
const kb = (n: number) => round(n / 1024)
const bytes: Array<Record<string, unknown>> = []
for (const [type, p] of PAGE_TYPES) {
  const plain = await request(front.https, p)
  const br = await request(front.https, p, BR)
  const gz = await request(front.https, p, { 'Accept-Encoding': 'gzip' })
  const html = plain.body.toString('utf8')
  const assets = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]*href|script[^>]+src)="(\/_astro\/[^"]+)"/g)].map((m) => m[1]!)
  let assetsBr = 0
  let assetsPlain = 0
  for (const a of assets) {
    assetsBr += (await request(front.https, a, BR)).body.length
    assetsPlain += (await request(front.https, a)).body.length
  }
  bytes.push({
    type,
    path: p,
    htmlPlainKB: kb(plain.body.length),
    htmlBrKB: kb(br.body.length),
    htmlGzipKB: kb(gz.body.length),
    assets: assets.length,
    assetsPlainKB: kb(assetsPlain),
    assetsBrKB: kb(assetsBr),
    firstVisitBrKB: kb(br.body.length + assetsBr),
    coding: br.headers['content-encoding'],
  })
}

// ── Throughput: the three setups side by side ─────────────────────────────────────────────────
const page = documents[11]!
const cached = await request(direct, page, BR)
await request(direct, page, BR)
const ceilingDir = path.join(work, 'ceiling')
fs.mkdirSync(path.join(ceilingDir, 'root/page'), { recursive: true })
// The same bytes the site sends: the Brotli body next to its plain original.
fs.writeFileSync(path.join(ceilingDir, 'root/page/index.html.br'), cached.body)
fs.writeFileSync(path.join(ceilingDir, 'root/page/index.html'), (await request(direct, page)).body)
const tls = selfSignedCertificate(path.join(work, 'front/tls'))
const ceilingPort = await freePort()
const ceilingPlainPort = await freePort()
fs.mkdirSync(path.join(ceilingDir, 'logs'), { recursive: true })
const frontConf = fs.readFileSync(path.join(ROOT, 'deploy/nginx/nginx.conf'), 'utf8')
const sslLines = frontConf
  .split('\n')
  .filter((l) => /^\s*ssl_(protocols|ciphers|prefer_server_ciphers|session_cache|session_timeout|session_tickets)\b/.test(l))
  .join('\n')
fs.writeFileSync(
  path.join(ceilingDir, 'nginx.conf'),
  `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes auto;
worker_rlimit_nofile 8192;
pid ${ceilingDir}/nginx.pid;
error_log ${ceilingDir}/logs/error.log warn;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path ${ceilingDir}/body;
  proxy_temp_path ${ceilingDir}/proxy;
  log_format main '$remote_addr [$time_local] "$request" $status $body_bytes_sent $request_time "-" "$http_user_agent"';
  access_log ${ceilingDir}/logs/access.log main buffer=64k flush=5s;
  sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_timeout 30s; keepalive_requests 1000;
  server {
    listen 127.0.0.1:${ceilingPort} ssl http2;
    listen 127.0.0.1:${ceilingPlainPort};
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
${sslLines}
    root ${ceilingDir}/root;
    brotli_static on;
  }
}
`,
)
const ceiling = spawn(nginx.bin, ['-e', path.join(ceilingDir, 'logs/startup.log'), '-c', path.join(ceilingDir, 'nginx.conf'), '-g', 'daemon off;'], {
  stdio: 'inherit',
})
stops.push(() => void ceiling.kill('SIGQUIT'))
await new Promise((r) => setTimeout(r, 500))
const setups: Array<[string, string]> = [
  ['site server, direct (HTTP)', `${direct}${page}`],
  ['front server as shipped (HTTPS)', `${front.https}${page}`],
  ['nginx static file (HTTPS, ceiling)', `https://127.0.0.1:${ceilingPort}/page/`],
  // The site server speaks plain HTTP (the front server terminates TLS): its ceiling is this one.
  ['nginx static file (HTTP, ceiling)', `http://127.0.0.1:${ceilingPlainPort}/page/`],
]
for (const [name, url] of setups) {
  const check = await request(new URL(url).origin, new URL(url).pathname, BR)
  if (check.status !== 200 || !check.body.equals(cached.body))
    throw new Error(`${name} does not send the same bytes (${check.status}, ${check.body.length} vs ${cached.body.length})`)
}

function wrk(url: string): { rps: number; p50: string; p99: string; transfer: string; errors: string } {
  spawnSync('wrk', ['-t2', '-c8', '-d2s', '-H', 'Accept-Encoding: gzip, deflate, br', url])
  const r = spawnSync('wrk', ['-t2', `-c${values.connections}`, `-d${values.duration}s`, '--latency', '-H', 'Accept-Encoding: gzip, deflate, br', url], {
    encoding: 'utf8',
  })
  const out = r.stdout
  const lat = (q: string) => new RegExp(`^\\s*${q}%\\s+(\\S+)`, 'm').exec(out)?.[1] ?? '?'
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: lat('50'),
    p99: lat('99'),
    transfer: /Transfer\/sec:\s+(\S+)/.exec(out)?.[1] ?? '?',
    errors: /(Non-2xx or 3xx responses: \d+|Socket errors:[^\n]+)/.exec(out)?.[1] ?? '',
  }
}
const throughput: Array<{ round: number; setup: string; load: number } & ReturnType<typeof wrk>> = []
for (let r = 1; r <= Number(values.rounds); r++) {
  for (const [name, url] of setups) {
    log(`wrk round ${r}: ${name}…`)
    const before = load()
    throughput.push({ round: r, setup: name, load: before, ...wrk(url) })
  }
}
for (const stop of stops) await stop()

// ── Report ─────────────────────────────────────────────────────────────────────────────────────
const machine = {
  date: new Date().toISOString(),
  cores: os.availableParallelism(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
  node: process.version,
  nginx: spawnSync(nginx.bin, ['-v'], { encoding: 'utf8' }).stderr.trim(),
  loadAtEnd: load(),
}
const result = { machine, items, storeSyncSeconds, page, pageBrBytes: cached.body.length, ttfb, cachedTtfb, bytes, throughput }
const stamp = machine.date.replace(/[:T]/g, '-').slice(0, 19)
fs.writeFileSync(path.join(OUT, `results-${stamp}.json`), JSON.stringify(result, null, 2))
fs.writeFileSync(path.join(OUT, 'results-latest.json'), JSON.stringify(result, null, 2))

console.log(`\nServing — ${items} items, ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${machine.nginx}, ${machine.date}\n`)
console.log(`wrk -t2 -c${values.connections} -d${values.duration}s, a cached document page (${cached.body.length} bytes, Brotli):\n`)
console.log('| round | setup | load before | req/s | of the ceiling (same protocol) | p50 | p99 | errors |')
console.log('|---:|---|---:|---:|---:|---:|---:|---|')
for (const t of throughput) {
  const protocol = t.setup.includes('HTTPS') ? 'HTTPS' : 'HTTP'
  const ceilingRps = throughput.find((x) => x.round === t.round && x.setup === `nginx static file (${protocol}, ceiling)`)!.rps
  console.log(
    `| ${t.round} | ${t.setup} | ${t.load} | ${Math.round(t.rps).toLocaleString('en')} | ${round((100 * t.rps) / ceilingRps, 0)} % | ${t.p50} | ${t.p99} | ${t.errors} |`,
  )
}
console.log('\nTime to first byte (ms), pages nobody asked for yet, one request at a time on a kept-alive connection:\n')
console.log('| setup | page | n | p50 | p95 | max |')
console.log('|---|---|---:|---:|---:|---:|')
for (const [name, kinds] of Object.entries(ttfb))
  for (const [kind, s] of Object.entries(kinds)) console.log(`| ${name} | ${kind} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`)
for (const [name, s] of Object.entries(cachedTtfb)) console.log(`| ${name} | document, cached | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`)
console.log('\nBytes as sent by the front server (KB):\n')
console.log('| page | HTML plain | HTML br | HTML gzip | CSS + JS files (plain → br) | first visit, br |')
console.log('|---|---:|---:|---:|---|---:|')
for (const b of bytes)
  console.log(`| ${b.type} | ${b.htmlPlainKB} | ${b.htmlBrKB} | ${b.htmlGzipKB} | ${b.assets}: ${b.assetsPlainKB} → ${b.assetsBrKB} | ${b.firstVisitBrKB} |`)
process.exit(0)
