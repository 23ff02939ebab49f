/**
 * The site's in-memory library after a change: patching the previous version (what the site server
 * does per publish) must give exactly what building from scratch gives — same order, slugs, reverse
 * relations and facets — for inserts, edits that move an item, relation changes and deletions.
 */
import { describe, expect, it } from 'vitest'
import { facetsOf } from '../../site/lib/facets'
import { buildLibrary, patchLibrary, type Library } from '../../site/lib/library'
import type { DocumentEntry, NewsEntry } from '../../library/model'
import type { SiteCollection } from '../../library/store'
import type { Entries } from '../../library/reader'

let seed = 7
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31
  return seed % n
}

function doc(i: number, ids: string[]): DocumentEntry {
  const pick = () => (ids.length && rand(3) === 0 ? [ids[rand(ids.length)]!] : [])
  return {
    id: `d${i}`,
    slug: `van-ban-${i}`,
    type: (['nghi-quyet', 'chi-thi', 'quyet-dinh'] as const)[rand(3)]!,
    number: `${rand(50)}-NQ/TW`,
    title: `Văn bản ${i}`,
    issuerId: `o${rand(3)}`,
    level: 'trung-uong',
    issuedAt: `202${rand(5)}-0${1 + rand(9)}-1${rand(9)}`,
    term: '',
    signer: '',
    summaryHtml: '',
    fullTextHtml: '',
    status: (['in-force', 'expired', 'superseded'] as const)[rand(3)]!,
    subjectIds: [`s${rand(4)}`],
    attachmentIds: [],
    replaces: pick(),
    guides: pick(),
    implements: pick(),
    amends: pick(),
    updatedAt: '',
  }
}

function entries(docs: DocumentEntry[], news: NewsEntry[] = []): Entries {
  return {
    documents: new Map(docs.map((d) => [d.id, d])),
    news: new Map(news.map((n) => [n.id, n])),
    topics: new Map(),
    organizations: new Map([0, 1, 2].map((i) => [`o${i}`, { id: `o${i}`, name: `Cơ quan ${i}`, code: 'TW', slug: `co-quan-${i}`, kind: 'trung-uong' }])),
    subjects: new Map([0, 1, 2, 3].map((i) => [`s${i}`, { id: `s${i}`, name: `Lĩnh vực ${i}`, slug: `linh-vuc-${i}` }])),
    files: new Map(),
    media: new Map(),
  }
}

const shape = (lib: Library) => ({
  documents: lib.documents.map((d) => d.id),
  slugs: [...lib.documentBySlug].map(([s, d]) => `${s}=${d.id}`).sort(),
  pointingAt: Object.fromEntries(
    Object.entries(lib.pointingAt).map(([r, map]) => [r, [...map].map(([t, list]) => `${t}<${list.map((d) => d.id).join(',')}`).sort()]),
  ),
  facets: facetsOf(lib).map((f) => f.values.map((v) => `${v.value}:${v.documents.map((d) => d.id).join(',')}`)),
})

describe('patchLibrary', () => {
  it('matches a full rebuild after each of 300 random inserts, edits and deletions', () => {
    const docs: DocumentEntry[] = []
    for (let i = 0; i < 200; i++)
      docs.push(
        doc(
          i,
          docs.map((d) => d.id),
        ),
      )
    let current = entries(docs)
    let lib = buildLibrary(current)
    let next = 200
    for (let step = 0; step < 300; step++) {
      const ids = [...current.documents.keys()]
      const kind = rand(3)
      const before = kind === 0 ? null : ((current.documents.get(ids[rand(ids.length)]!) as DocumentEntry | undefined) ?? null)
      const after = kind === 2 && before ? null : kind === 1 && before ? { ...doc(Number(before.id.slice(1)), ids), slug: before.slug } : doc(next++, ids)
      const map = new Map(current.documents)
      if (after) map.set(after.id, after)
      else map.delete(before!.id)
      current = { ...current, documents: map }
      const changes: Array<{ collection: SiteCollection; before: unknown; after: unknown }> = [
        { collection: 'documents', before: kind === 0 ? null : before, after },
      ]
      lib = patchLibrary(lib, current, changes)
      expect(shape(lib), `step ${step}`).toEqual(shape(buildLibrary(current)))
    }
  })

  it('leaves the previous version untouched (pages rendering it stay consistent)', () => {
    const docs = Array.from({ length: 30 }, (_, i) => doc(i, []))
    const current = entries(docs)
    const lib = buildLibrary(current)
    const snapshot = JSON.stringify(shape(lib))
    const added = { ...doc(99, ['d1']), implements: ['d1'] }
    patchLibrary(lib, { ...current, documents: new Map([...current.documents, [added.id, added]]) }, [{ collection: 'documents', before: null, after: added }])
    expect(JSON.stringify(shape(lib))).toBe(snapshot)
  })
})
