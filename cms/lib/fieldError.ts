import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

/** A validation error on one field, in the request's language (Vietnamese in the admin). */
export function fieldError(req: PayloadRequest, collection: string, path: string, message: string): ValidationError {
  return new ValidationError({ collection, req, errors: [{ path, message }] }, req.t)
}
