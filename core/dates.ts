/** The calendar day of an ISO date-time ("2024-05-10T00:00:00.000Z" → "2024-05-10"); '' for none. */
export const isoDay = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '')

/** The calendar day (YYYY-MM-DD) in Vietnam (UTC+7, no daylight saving): what "today" means to members. */
export const vietnamDay = (at: Date = new Date()): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
