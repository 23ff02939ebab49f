// Placeholder so the site builds while the engine is being written (overwritten by the real engine).
import { SearchUnavailableError, type SearchEngine } from '../contract'

export function createSqliteEngine(_options: unknown): SearchEngine {
  throw new SearchUnavailableError('Tìm kiếm tạm thời không hoạt động.')
}
