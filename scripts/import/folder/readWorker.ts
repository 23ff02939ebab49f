/** Worker side of reader.ts: reads originals and their headers on its own core. */
import { parentPort } from 'node:worker_threads'
import { readInThread, UnreadableOriginal } from '../../../cms/originals/read'

const port = parentPort!
port.on('message', async ({ id, name, bytes }: { id: number; name: string; bytes: Uint8Array }) => {
  try {
    port.postMessage({ id, reading: await readInThread(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) })
  } catch (error) {
    port.postMessage({ id, error: { unreadable: error instanceof UnreadableOriginal, message: error instanceof Error ? error.message : String(error) } })
  }
})
port.postMessage({ ready: true })
