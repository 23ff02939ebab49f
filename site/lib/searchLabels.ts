import { documentTypeLabel, labelOf, LEVELS, VALIDITY } from '../../core/vocabulary'
import type { FilterName, SearchKind } from '../../search/contract'
import type { Library } from './library'

const KINDS: Record<string, string> & Record<SearchKind, string> = { document: 'Văn bản', news: 'Tin tức', topic: 'Chuyên đề', announcement: 'Thông báo' }

export const FILTER_LABELS: Record<FilterName, string> = {
  kind: 'Loại nội dung',
  type: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  level: 'Cấp ban hành',
  year: 'Năm',
  field: 'Lĩnh vực',
  status: 'Tình trạng hiệu lực',
}

/** Human labels for facet values; issuers and fields come from the library snapshot of the build. */
export function facetValueLabel(lib: Library, filter: FilterName, value: string): string {
  switch (filter) {
    case 'kind':
      return KINDS[value] ?? value
    case 'type':
      return documentTypeLabel(value)
    case 'level':
      return labelOf(LEVELS, value)
    case 'status':
      return labelOf(VALIDITY, value)
    case 'issuer':
      return [...lib.organizationById.values()].find((o) => o.slug === value)?.name ?? value
    case 'field':
      return [...lib.subjectById.values()].find((s) => s.slug === value)?.name ?? value
    default:
      return value
  }
}

export const kindLabel = (kind: string): string => KINDS[kind] ?? kind
