/**
 * Runs the checked-in front server configuration (deploy/nginx/) outside its container: for
 * `nginx -t` in CI, the front server tests and the serving benchmark. The configuration is used as
 * it is, with only the container's paths, ports and upstream replaced; each replacement must
 * match, so a changed configuration fails here loudly instead of silently testing something else.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const NGINX_DIR = path.join(ROOT, 'deploy/nginx')
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so'

/** The nginx binary, or null (with why) when this machine cannot run the front server. */
export function findNginx(): { bin: string } | { missing: string } {
  const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p))
  if (!bin) return { missing: 'no nginx binary (apt-get install nginx-light libnginx-mod-http-brotli-static)' }
  if (!fs.existsSync(BROTLI_MODULE)) return { missing: `no Brotli module at ${BROTLI_MODULE} (apt-get install libnginx-mod-http-brotli-static)` }
  return { bin }
}

export interface FrontOptions {
  /** Where the configuration, certificate, cache and logs go. */
  workDir: string
  /** host:port of the site server. */
  upstream: string
  clientDir: string
  /** DATA_DIR of the site (its uploads are under site/files and site/media). */
  dataDir: string
  httpPort: number
  httpsPort: number
  /** Apply the per-client limits to loopback too (the configuration exempts it). */
  limitLoopback?: boolean
}

/** A self-signed certificate for 127.0.0.1 and localhost (openssl). */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  fs.mkdirSync(dir, { recursive: true })
  const cert = path.join(dir, 'fullchain.pem')
  const key = path.join(dir, 'privkey.pem')
  if (!fs.existsSync(cert)) {
    const r = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { encoding: 'utf8' },
    )
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`)
  }
  return { cert, key }
}

function replaceAll(text: string, file: string, pairs: Array<[string | RegExp, string]>): string {
  for (const [from, to] of pairs) {
    const found = typeof from === 'string' ? text.includes(from) : from.test(text)
    if (!found) throw new Error(`deploy/nginx/${file}: expected to find ${from}`)
    text =
      typeof from === 'string' ? text.split(from).join(to) : text.replace(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`), to)
  }
  return text
}

/** Writes the configuration with local paths into `workDir/conf/` and returns the main file. */
export function renderFrontConfig(options: FrontOptions): string {
  const conf = path.join(options.workDir, 'conf')
  const logs = path.join(options.workDir, 'logs')
  for (const dir of [conf, logs, path.join(options.workDir, 'cache'), path.join(options.workDir, 'acme'), path.join(options.workDir, 'temp')])
    fs.mkdirSync(dir, { recursive: true })
  const tls = selfSignedCertificate(path.join(options.workDir, 'tls'))
  const isRoot = process.getuid?.() === 0
  const main = replaceAll(fs.readFileSync(path.join(NGINX_DIR, 'nginx.conf'), 'utf8'), 'nginx.conf', [
    // Workers must read the test's private directories.
    ['user www-data;', isRoot ? 'user root;' : ''],
    ['pid /run/nginx.pid;', `pid ${path.join(options.workDir, 'nginx.pid')};`],
    ['/var/log/nginx/', `${logs}/`],
    ['/var/cache/nginx/so-tay', path.join(options.workDir, 'cache')],
    ['/var/www/acme', path.join(options.workDir, 'acme')],
    ['server site:4321;', `server ${options.upstream};`],
    [/^\s*listen \[::\]:\d+.*$/m, ''],
    ['listen 80 default_server;', `listen 127.0.0.1:${options.httpPort} default_server;`],
    ['listen 443 ssl http2 default_server;', `listen 127.0.0.1:${options.httpsPort} ssl http2 default_server;`],
    ['/etc/nginx/tls/fullchain.pem', tls.cert],
    ['/etc/nginx/tls/privkey.pem', tls.key],
    ['/srv/so-tay/client', options.clientDir.replace(/\/$/, '')],
    ['/data/site/', `${path.join(options.dataDir, 'site')}/`],
    ['/etc/nginx/so-tay/', `${conf}/`],
    ...(options.limitLoopback ? ([['127.0.0.1 0;', '127.0.0.1 1;']] as Array<[string, string]>) : []),
    // Temporary files next to the rest (the packaged paths belong to root).
    ['http {', `http {\n  client_body_temp_path ${options.workDir}/temp/body;\n  proxy_temp_path ${options.workDir}/temp/proxy;`],
  ])
  fs.writeFileSync(path.join(conf, 'nginx.conf'), main)
  for (const file of fs.readdirSync(NGINX_DIR))
    if (file !== 'nginx.conf' && file.endsWith('.conf')) fs.copyFileSync(path.join(NGINX_DIR, file), path.join(conf, file))
  return path.join(conf, 'nginx.conf')
}

/** `nginx -t` on a rendered configuration: exit status and what nginx said. */
export function checkFrontConfig(bin: string, mainConf: string, workDir: string): { ok: boolean; output: string } {
  const r = spawnSync(bin, ['-t', '-q', '-e', path.join(workDir, 'logs/startup.log'), '-c', mainConf], { encoding: 'utf8' })
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` }
}

export interface RunningFront {
  https: string
  http: string
  process: ChildProcess
  stop: () => Promise<void>
}

async function waitForPort(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${output()}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end()
        resolve(true)
      })
      socket.on('error', () => resolve(false))
    })
    if (open) return
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}: ${output()}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Starts nginx in the foreground on the rendered configuration. */
export async function startFrontServer(bin: string, options: FrontOptions): Promise<RunningFront> {
  const mainConf = renderFrontConfig(options)
  const check = checkFrontConfig(bin, mainConf, options.workDir)
  if (!check.ok) throw new Error(`nginx -t failed:\n${check.output}`)
  const child = spawn(bin, ['-e', path.join(options.workDir, 'logs/startup.log'), '-c', mainConf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  await waitForPort(options.httpsPort, child, () => output)
  return {
    https: `https://127.0.0.1:${options.httpsPort}`,
    http: `http://127.0.0.1:${options.httpPort}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGQUIT')
        setTimeout(() => child.kill('SIGKILL'), 5000).unref()
      }),
  }
}
