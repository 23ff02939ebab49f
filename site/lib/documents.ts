import { documentTypeLabel } from './facets'
import type { DocumentEntry } from './model'

export const documentUrl = (doc: Pick<DocumentEntry, 'slug'>): string => `/van-ban/${doc.slug}/`
export const newsUrl = (slug: string): string => `/tin-tuc/${slug}/`
export const topicUrl = (slug: string): string => `/chuyen-de/${slug}/`

/** "Quyết định số 27-QĐ/TW": how members name a document. */
export const documentName = (doc: Pick<DocumentEntry, 'type' | 'number'>): string => `${documentTypeLabel(doc.type)} số ${doc.number}`
