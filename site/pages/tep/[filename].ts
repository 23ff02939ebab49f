import fs from 'node:fs/promises'
import type { APIRoute, GetStaticPaths } from 'astro'
import { getLibrary } from '../../lib/library'
import type { FileEntry } from '../../lib/model'

// Public originals are copied into the built site, so downloads work while the CMS is down.
export const getStaticPaths = (async () => {
  const lib = await getLibrary()
  return lib.files.filter((f) => f.filename).map((file) => ({ params: { filename: file.filename }, props: { file } }))
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const file = props.file as FileEntry
  return new Response(new Uint8Array(await fs.readFile(file.sourcePath)), { headers: { 'Content-Type': file.mimeType } })
}
