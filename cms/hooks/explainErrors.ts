import type { AfterErrorHook } from 'payload'
import { badInputAnswer } from '../lib/badInput'

// What Payload's formatErrors answers for an error without a name and without data.
const UNKNOWN = 'An unknown error occurred.'

/**
 * REST errors say what went wrong, in Vietnamese:
 * - malformed requests get the 4xx they are (cms/lib/badInput), not a 500;
 * - an error meant for the client keeps its message. Payload's formatErrors reads the class name,
 *   which the production bundle strips from APIError (`name: ""`), and then answers "An unknown
 *   error occurred." instead of, say, the upload limit or the workflow's refusal.
 */
export const explainErrors: AfterErrorHook = ({ error, result }) => {
  const bad = badInputAnswer(error)
  if (bad) return { status: bad.status, response: { errors: [{ message: bad.message }] } }
  const { status, isPublic } = error as { status?: unknown; isPublic?: unknown }
  const meantForClient = isPublic === true || (typeof status === 'number' && status >= 400 && status < 500)
  if (meantForClient && error.message && result?.errors?.[0]?.message === UNKNOWN) {
    return { response: { ...result, errors: [{ ...result.errors[0], message: error.message }] } }
  }
}
