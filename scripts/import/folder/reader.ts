/**
 * Reading originals off the writing thread. Payload writes one document at a time (SQLite has one
 * writer and libsql's calls block the thread), so on a machine with two cores the PDFs of the next
 * files are parsed in a worker thread while the current one is written: parsing no longer adds to
 * the time per file. Where a worker cannot start (code not loaded through tsx, e.g. inside the
 * Next.js server or a test runner), the same reading happens in the calling thread. Only the
 * command imports this module: bundlers (the admin's Next build) would try to bundle the worker.
 */
import { Worker } from 'node:worker_threads'
import { readInThread, UnreadableOriginal, type Reading } from '../../../cms/originals/read'

export interface Reader {
  read(name: string, bytes: Buffer): Promise<Reading>
  close(): Promise<void>
  readonly inWorker: boolean
}

export const inThreadReader = (): Reader => ({ read: readInThread, close: async () => {}, inWorker: false })

type Reply = { id: number; reading?: Reading; error?: { unreadable: boolean; message: string } } | { ready: true }

/** A reader backed by one worker thread, or null when a worker cannot load this code here. */
export async function workerReader(): Promise<Reader | null> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./readWorker.ts', import.meta.url))
  } catch {
    return null
  }
  const pending = new Map<number, { name: string; bytes: Buffer; resolve: (r: Reading) => void; reject: (e: Error) => void }>()
  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 30_000)
    worker.once('error', () => {
      clearTimeout(timer)
      resolve(false)
    })
    worker.once('message', (m: Reply) => {
      clearTimeout(timer)
      resolve('ready' in m)
    })
  })
  if (!ready) {
    await worker.terminate()
    return null
  }
  // A worker that dies (out of memory on a huge PDF) is not the files' fault: the files it had in
  // hand, and every later one, are read in this thread instead.
  let dead = false
  const takeOver = () => {
    if (dead) return
    dead = true
    for (const p of pending.values()) readInThread(p.name, p.bytes).then(p.resolve, p.reject)
    pending.clear()
  }
  worker.on('error', takeOver)
  worker.on('exit', takeOver)
  worker.on('message', (m: Reply) => {
    if ('ready' in m) return
    const p = pending.get(m.id)
    pending.delete(m.id)
    if (!pending.size) worker.unref()
    if (!p) return
    if (m.reading) p.resolve(m.reading)
    else p.reject(m.error!.unreadable ? new UnreadableOriginal(m.error!.message) : new Error(m.error!.message))
  })
  // The worker keeps the process alive only while a read waits for it: the caller may then have
  // nothing else pending (an unref'd worker let Node exit in the middle of an import), and an idle
  // worker never holds the process open.
  worker.unref()
  let next = 0
  return {
    inWorker: true,
    read: (name, bytes) =>
      new Promise<Reading>((resolve, reject) => {
        if (dead) return void readInThread(name, bytes).then(resolve, reject)
        const id = next++
        if (!pending.size) worker.ref()
        pending.set(id, { name, bytes, resolve, reject })
        // A copy goes to the worker: the caller keeps its bytes for the upload.
        worker.postMessage({ id, name, bytes: new Uint8Array(bytes) })
      }),
    close: async () => {
      dead = true
      await worker.terminate()
    },
  }
}
