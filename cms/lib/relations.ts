/**
 * A relationship or upload value as Payload hands it over: an id (string, or a number under some
 * adapters), a populated record, or nothing. One reading of it for the whole CMS.
 */
export const relationId = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : value && typeof value === 'object' && 'id' in value
      ? String((value as { id: unknown }).id)
      : undefined

/** The ids of a has-many relationship value (a single value counts as a list of one). */
export const relationIds = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).map(relationId).filter((id): id is string => id !== undefined && id !== '')
