/**
 * A live world for the site tests that change content: a real CMS (Payload in this test process,
 * jobs run as the worker would) and a real site server (the fixture's build) on one data
 * directory of its own — either a copy of the site fixture's (demo content) or an empty one.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { fixtureEnv, get, startSiteServer, type Env, type RunningServer, type SiteFixture } from './site'

export interface LiveWorld {
  payload: Payload
  server: RunningServer
  env: Env
  dir: string
  /** Runs every due job (site and search sync, mail) to completion, as the worker would. */
  runJobs: () => Promise<void>
  /** GET on the site server. */
  get: (pathname: string) => ReturnType<typeof get>
  /** A fresh site server process on the same store (empty caches, library read anew). */
  restartServer: () => Promise<void>
  stop: () => Promise<void>
}

export async function startLiveWorld(site: SiteFixture, name: string, content: 'demo' | 'empty'): Promise<LiveWorld> {
  const dir = path.join(site.dir, name)
  const env = fixtureEnv(dir)
  if (content === 'demo') fs.cpSync(site.dataDir, env.DATA_DIR!, { recursive: true })
  else fs.mkdirSync(env.DATA_DIR!, { recursive: true })
  // core/env/cms.ts reads the environment when the config module loads: set it first.
  Object.assign(process.env, env)
  const [{ getPayload }, { default: config }, { runQueuedJobs }, { applyMigrations }] = await Promise.all([
    import('payload'),
    import('../../cms/payload.config'),
    import('../../cms/jobs/runner'),
    import('../../cms/lib/migrate'),
  ])
  const payload = await getPayload({ config })
  if (content === 'empty') await applyMigrations(payload)
  const runJobs = () => runQueuedJobs(payload, 500)
  await runJobs() // whatever the seed queued
  const world: LiveWorld = {
    payload,
    server: await startSiteServer(site.distDir, env),
    env,
    dir,
    runJobs,
    get: async (pathname) => {
      try {
        return await get(world.server.url, pathname)
      } catch (error) {
        const { exitCode, signalCode } = world.server.process
        throw new Error(
          `GET ${pathname} failed (${(error as Error).message}; server ${exitCode ?? signalCode ?? 'running'}):\n${world.server.output().slice(-3000)}`,
        )
      }
    },
    restartServer: async () => {
      await world.server.stop()
      world.server = await startSiteServer(site.distDir, env)
    },
    stop: async () => {
      await world.server.stop()
      await payload.destroy()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
  return world
}
