import { documentTypeLabel } from '../../core/vocabulary'
import type { DocumentEntry } from '../../library/model'

/** "Quyết định số 27-QĐ/TW": how members name a document. */
export const documentName = (doc: Pick<DocumentEntry, 'type' | 'number'>): string => `${documentTypeLabel(doc.type)} số ${doc.number}`
