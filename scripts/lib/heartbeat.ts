import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Where a long-running process proves it is alive (inside its own container, not on a shared volume). */
export const HEARTBEAT_FILE = path.join(os.tmpdir(), 'so-tay-worker-heartbeat')

/**
 * Touches HEARTBEAT_FILE now and every `seconds`: the container health check
 * (`node scripts/healthcheck.mjs file …`) reports unhealthy when it goes stale, which catches a
 * worker whose event loop is stuck, not only one that exited.
 */
export function startHeartbeat(seconds = 30): () => void {
  const beat = () => fs.writeFileSync(HEARTBEAT_FILE, new Date().toISOString())
  beat()
  const timer = setInterval(beat, seconds * 1000)
  return () => clearInterval(timer)
}
