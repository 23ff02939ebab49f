import type { Endpoint, PayloadHandler } from 'payload'

const QUEUE = /^[A-Za-z0-9_-]{1,64}$/
const LIMIT = /^\d{1,4}$/
const BOOLEAN = /^(true|false)$/

/**
 * Payload's /api/payload-jobs/run and /handle-schedules pass their query parameters to the
 * database as they come; a list (`queue[]=x`) or a word for a number failed there (a 500). Such a
 * request is refused with 400 before it runs anything.
 */
export function checkRunParams(handler: PayloadHandler): PayloadHandler {
  return async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const valid =
      (query.queue === undefined || (typeof query.queue === 'string' && QUEUE.test(query.queue))) &&
      (query.limit === undefined || (typeof query.limit === 'string' && LIMIT.test(query.limit))) &&
      ['allQueues', 'disableScheduling', 'silent'].every((k) => query[k] === undefined || (typeof query[k] === 'string' && BOOLEAN.test(query[k])))
    if (!valid) {
      return Response.json(
        { message: 'Tham số không hợp lệ: queue là tên hàng đợi, limit là số từ 0 đến 9999, allQueues/disableScheduling/silent là true hoặc false.' },
        { status: 400 },
      )
    }
    return handler(req)
  }
}

export const withCheckedRunParams = (endpoints: Endpoint[] | false | undefined): Endpoint[] =>
  (endpoints || []).map((e) => (e.path === '/run' || e.path === '/handle-schedules' ? { ...e, handler: checkRunParams(e.handler) } : e))
