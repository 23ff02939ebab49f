import type { CollectionBeforeOperationHook } from 'payload'
import { checkMailFormLimits, TooManyRequestsError } from '../limits/mailFormLimits'

/**
 * "Forgot password" mails whatever address is typed in, so over the API it is limited like the
 * subscription form (per client and per e-mail address, counted whether an account exists or not).
 * Operators' scripts (Local API) are not limited.
 */
export const limitPasswordResetMail: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || req.payloadAPI === 'local') return args
  // Checked as it came: the body of a request can hold anything.
  const email: unknown = args.data?.email
  // Without an address Payload refuses the request itself.
  if (typeof email !== 'string' || email.trim() === '') return args
  try {
    await checkMailFormLimits(req, 'forgot-password', email)
  } catch (error) {
    if (error instanceof TooManyRequestsError) req.responseHeaders = new Headers({ 'Retry-After': String(error.retryAfterSeconds) })
    throw error
  }
  return args
}
