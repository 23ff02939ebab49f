import { isDocumentTypeSlug, LEVELS, valuesOf } from '../core/vocabulary'
import {
  DEFAULT_LIMIT,
  FILTERS,
  MAX_LIMIT,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  SEARCH_KINDS,
  SearchQueryError,
  VALIDITY_STATUSES,
  type FilterName,
  type SearchQuery,
} from './contract'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const LEVEL_VALUES = new Set<string>(valuesOf(LEVELS))

/**
 * Every filter value is checked against a closed list or a strict slug/year pattern here, before an
 * engine sees it, so no value can carry engine syntax (quotes, operators, FTS5 or Meilisearch filter
 * expressions). Messages are for members: short, Vietnamese, naming the parameter.
 */
const CHECKS: Record<FilterName, { valid: (v: string) => boolean; message: string }> = {
  kind: { valid: (v) => (SEARCH_KINDS as readonly string[]).includes(v), message: 'Loại nội dung (kind) chỉ nhận document, news, topic hoặc announcement.' },
  type: { valid: isDocumentTypeSlug, message: 'Loại văn bản (type) không hợp lệ, ví dụ đúng: nghi-quyet, chi-thi, quy-dinh.' },
  issuer: {
    valid: (v) => v.length <= 80 && SLUG.test(v),
    message: 'Cơ quan ban hành (issuer) phải là mã viết thường không dấu, ví dụ ban-chap-hanh-trung-uong.',
  },
  level: { valid: (v) => LEVEL_VALUES.has(v), message: 'Cấp ban hành (level) chỉ nhận trung-uong, tinh, huyen hoặc co-so.' },
  year: { valid: (v) => /^\d{4}$/.test(v) && Number(v) >= 1930 && Number(v) <= 2100, message: 'Năm (year) phải là bốn chữ số, ví dụ 2024.' },
  field: { valid: (v) => v.length <= 80 && SLUG.test(v), message: 'Lĩnh vực (field) phải là mã viết thường không dấu, ví dụ xay-dung-dang.' },
  status: { valid: (v) => (VALIDITY_STATUSES as readonly string[]).includes(v), message: 'Tình trạng (status) chỉ nhận in-force, expired hoặc superseded.' },
}

const KNOWN = new Set<string>(['q', 'page', 'limit', ...FILTERS])

const positiveInt = (raw: string | null, name: string, fallback: number, max: number, message: string): number => {
  if (raw === null || raw === '') return fallback
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new SearchQueryError(message, name)
  return Number(raw)
}

/** Reads and validates `?q=&kind=&type=&issuer=&level=&year=&field=&status=&page=&limit=`. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  for (const key of params.keys()) {
    if (!KNOWN.has(key)) throw new SearchQueryError(`Tham số "${key.slice(0, 40)}" không được hỗ trợ.`, key.slice(0, 40))
    if (params.getAll(key).length > 1) throw new SearchQueryError(`Tham số "${key}" chỉ được ghi một lần.`, key)
  }
  const q = (params.get('q') ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()
  if (q.length > MAX_QUERY_LENGTH) throw new SearchQueryError(`Từ khóa quá dài (tối đa ${MAX_QUERY_LENGTH} ký tự).`, 'q')
  const filters: SearchQuery['filters'] = {}
  for (const name of FILTERS) {
    const value = params.get(name)?.trim()
    if (!value) continue
    if (!CHECKS[name].valid(value)) throw new SearchQueryError(CHECKS[name].message, name)
    filters[name] = value
  }
  return {
    q,
    filters,
    page: positiveInt(params.get('page'), 'page', 1, MAX_PAGE, `Trang (page) phải là số từ 1 đến ${MAX_PAGE}.`),
    limit: positiveInt(params.get('limit'), 'limit', DEFAULT_LIMIT, MAX_LIMIT, `Số kết quả mỗi trang (limit) phải là số từ 1 đến ${MAX_LIMIT}.`),
  }
}
