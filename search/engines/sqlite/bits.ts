/**
 * Sets of rowids as plain bitmaps (Uint32Array, bit `rid & 31` of word `rid >>> 5`). At 100 k
 * items a bitmap is 16 KB and AND/OR/popcount over it take a few microseconds, so the engine
 * combines word sets in memory instead of asking FTS5 to intersect long posting lists.
 *
 * Bitmaps may have different lengths (the rowid space grows as items are added): a missing word
 * reads as zero everywhere.
 */

export type Bits = Uint32Array

export const wordsFor = (cap: number): number => (cap + 31) >>> 5

export function has(bits: Bits, rid: number): boolean {
  const w = rid >>> 5
  return w < bits.length && (bits[w] & (1 << (rid & 31))) !== 0
}

export function bitsOf(ids: ArrayLike<number>, words: number): Bits {
  let need = words
  for (let i = 0; i < ids.length; i++) need = Math.max(need, (ids[i] >>> 5) + 1)
  const bits = new Uint32Array(need)
  for (let i = 0; i < ids.length; i++) {
    const rid = ids[i]
    bits[rid >>> 5] |= 1 << (rid & 31)
  }
  return bits
}

/** `ids` (any order) added to `into`, which must be long enough. */
export function addIds(into: Bits, ids: ArrayLike<number>): void {
  for (let i = 0; i < ids.length; i++) {
    const rid = ids[i]
    into[rid >>> 5] |= 1 << (rid & 31)
  }
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

export function popcount(bits: Bits): number {
  let n = 0
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) n += popcount32(bits[i])
  return n
}

/** into |= other */
export function orInto(into: Bits, other: Bits): void {
  const n = Math.min(into.length, other.length)
  for (let i = 0; i < n; i++) into[i] |= other[i]
}

/** into &= other */
export function andInto(into: Bits, other: Bits): void {
  const n = Math.min(into.length, other.length)
  for (let i = 0; i < n; i++) into[i] &= other[i]
  if (into.length > n) into.fill(0, n)
}

/** into &= ~other */
export function andNotInto(into: Bits, other: Bits): void {
  const n = Math.min(into.length, other.length)
  for (let i = 0; i < n; i++) into[i] &= ~other[i]
}

/**
 * The set rowids in ascending order, written to `out` (grown when too small); returns the buffer
 * and the count. Ascending rowid order is also the memory order of the facet columns.
 */
export function idsOf(bits: Bits, out: Int32Array): { ids: Int32Array; n: number } {
  let ids = out
  let n = 0
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]
    if (word === 0) continue
    if (ids.length - n < 32) {
      const grown = new Int32Array(Math.max(ids.length * 2, n + 1024))
      grown.set(ids.subarray(0, n))
      ids = grown
    }
    const base = w << 5
    while (word !== 0) {
      const low = word & -word
      ids[n++] = base + 31 - Math.clz32(low)
      word ^= low
    }
  }
  return { ids, n }
}
