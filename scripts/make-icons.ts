/**
 * `tsx scripts/make-icons.ts`: the app icons under site/public/icons/, drawn from the favicon's star
 * (site/public/favicon.svg). Run again after changing the favicon; the PNGs are committed.
 * - icon-192/512: the favicon as it is (rounded square), for launchers that keep the shape;
 * - icon-maskable-512: full-bleed background, the star inside the central 80 % safe zone;
 * - apple-touch-icon (180): full-bleed, no transparency (iOS fills it with black).
 */
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

const ROOT = path.resolve(import.meta.dirname, '..')
const favicon = fs.readFileSync(path.join(ROOT, 'site/public/favicon.svg'), 'utf8')
const star = /<path [^>]*\/>/.exec(favicon)![0]
const background = /fill="(#[0-9a-f]{6})"/i.exec(favicon)![1]
const fullBleed = (scale: number) => {
  const offset = (32 * (1 - scale)) / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(${offset} ${offset}) scale(${scale})">${star}</g></svg>`
}

const out = path.join(ROOT, 'site/public/icons')
fs.mkdirSync(out, { recursive: true })
const render = (svg: string, size: number, name: string) =>
  sharp(Buffer.from(svg), { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(out, name))

await render(favicon, 192, 'icon-192.png')
await render(favicon, 512, 'icon-512.png')
await render(fullBleed(0.7), 512, 'icon-maskable-512.png')
await render(fullBleed(0.8), 180, 'apple-touch-icon.png')
for (const name of fs.readdirSync(out)) console.log(name, fs.statSync(path.join(out, name)).size, 'bytes')
