import fs from 'node:fs/promises'
import type { APIRoute, GetStaticPaths } from 'astro'
import { getLibrary } from '../../lib/library'
import type { ImageSize } from '../../lib/model'

// Payload's resized copies of public images, copied into the built site.
export const getStaticPaths = (async () => {
  const lib = await getLibrary()
  const images = lib.media.flatMap((m) => [m.original, ...Object.values(m.sizes)]).filter((i) => i.filename)
  const unique = new Map(images.map((i) => [i.filename, i]))
  return [...unique.values()].map((image) => ({ params: { filename: image.filename }, props: { image } }))
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const image = props.image as ImageSize
  return new Response(new Uint8Array(await fs.readFile(image.sourcePath)))
}
