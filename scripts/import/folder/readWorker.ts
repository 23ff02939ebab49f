/** Worker side of reader.ts: reads originals and their headers on its own core. */
import { parentPort } from 'node:worker_threads'
import { type Reading, readInThread, UnreadableOriginal } from '../../../cms/originals/read'

const port = parentPort!
port.on('message', async ({ id, name, bytes }: { id: number; name: string; bytes: Uint8Array }) => {
  try {
    const { original, header } = await readInThread(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    // The layout segments served the header reader here; the writing thread needs the text and the header.
    const reading: Reading = { original: { ...original, segments: [] }, header }
    port.postMessage({ id, reading })
  } catch (error) {
    port.postMessage({ id, error: { unreadable: error instanceof UnreadableOriginal, message: error instanceof Error ? error.message : String(error) } })
  }
})
port.postMessage({ ready: true })
