import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { parseSearchEnv } from '../../core/env/search'
import { uploadsDir, type UploadCollection } from '../../library/store'
import { isNotModified, notModifiedResponse } from './httpEncoding'

/**
 * Streams the site's own copy of a public upload (made by the site sync with the entry that shows
 * it). Short browser caching: a file that stops being public must disappear soon everywhere; the
 * validators make the check after that a 304 without the bytes. The sync writes a changed file
 * under a new name or with a new mtime, so size + mtime identify the bytes (as nginx's ETag does).
 */
export async function serveUpload(request: Request, collection: UploadCollection, filename: string, mimeType: string, download?: string): Promise<Response> {
  const file = path.join(uploadsDir(parseSearchEnv().dataDir, collection), path.basename(filename))
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(file)
  } catch {
    return new Response(null, { status: 404 })
  }
  const headers: Record<string, string> = {
    'Content-Type': mimeType,
    'Content-Length': String(stat.size),
    'Last-Modified': stat.mtime.toUTCString(),
    ETag: `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`,
    'Cache-Control': 'public, max-age=300',
  }
  if (isNotModified(request, { etag: headers.ETag, lastModified: headers['Last-Modified'] })) return notModifiedResponse(new Headers(headers))
  if (download) headers['Content-Disposition'] = `inline; filename*=UTF-8''${encodeURIComponent(download)}`
  return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, { headers })
}
