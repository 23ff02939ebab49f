import type { WorkerReply, WorkerRequest } from '../offline/policy'

const sleep = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms))

/** Sends a request to the service worker and waits for its answer (a network failure if none comes). */
export async function askWorker(message: WorkerRequest, timeoutMs = 60_000): Promise<WorkerReply> {
  if (!('serviceWorker' in navigator)) return { ok: false, reason: 'network' }
  // On a first visit the worker may still be installing (it caches the offline page first).
  const registration = await Promise.race([navigator.serviceWorker.ready, sleep(15_000)])
  const worker = registration?.active
  if (!worker) return { ok: false, reason: 'network' }
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    const timer = setTimeout(() => resolve({ ok: false, reason: 'network' }), timeoutMs)
    channel.port1.onmessage = (event) => {
      clearTimeout(timer)
      resolve(event.data as WorkerReply)
    }
    worker.postMessage(message, [channel.port2])
  })
}
