import { documentNumberShortKey, findDocumentNumber, parseDocumentNumber } from '../../core/documentNumbers'
import { fold, foldWords } from '../../core/vietnamese'
import type { Library } from './library'
import type { DocumentEntry } from '../../library/model'

/**
 * A plain scan over the build's documents: number matches first, then documents whose number,
 * title and issuer contain every query word (accents and đ folded). Fine for the library's size
 * on one page view; the search engines replace it.
 */
export function searchSnapshot(lib: Library, query: string): DocumentEntry[] {
  const found = findDocumentNumber(query)
  const words = foldWords(found ? found.rest : query)
  const byNumber: DocumentEntry[] = []
  const byWords: DocumentEntry[] = []
  for (const doc of lib.documents) {
    const parsed = parseDocumentNumber(doc.number)
    const numberHit =
      found !== null &&
      parsed !== null &&
      parsed.seq === found.seq &&
      found.codes.includes(parsed.code) &&
      (found.issuer === null || parsed.issuer === found.issuer)
    const haystack = fold(`${doc.number} ${doc.title} ${lib.organizationById.get(doc.issuerId)?.name ?? ''} ${parsed ? documentNumberShortKey(parsed) : ''}`)
    const wordsHit = words.length > 0 && words.every((w) => haystack.includes(w))
    if (numberHit) byNumber.push(doc)
    else if (wordsHit || (found === null && words.length > 0 && haystack.includes(fold(query)))) byWords.push(doc)
  }
  return [...byNumber, ...byWords]
}
