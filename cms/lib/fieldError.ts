import type { PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

/**
 * Payload's ValidationError says only "The following field is invalid: <field>" (in Vietnamese in
 * the admin), which is all a REST client and the admin's error toast show; the reason sits in
 * `data.errors`. Ours carries the reason as its message too, so every API says why.
 */
class ExplainedValidationError extends ValidationError {
  constructor(req: PayloadRequest, collection: string, path: string, explanation: string) {
    super({ collection, req, errors: [{ path, message: explanation }] }, req.t)
    // The admin's toast reads the text before the first colon as a heading and splits the rest at
    // commas into a list of field names; a colon in an explanation becomes a dash so it reads whole.
    this.message = explanation.replace(/:\s+/g, ' — ')
    // Payload tells validation errors by name (log level, response); this is one.
    this.name = 'ValidationError'
  }
}

/** A validation error on one field, with its explanation as the message (in Vietnamese). */
export function fieldError(req: PayloadRequest, collection: string, path: string, message: string): ValidationError {
  return new ExplainedValidationError(req, collection, path, message)
}

/** Why the CMS refused a save, for a report: each field's explanation, or the error's message. */
export function reasonOf(error: unknown): string {
  const fields = (error as { data?: { errors?: { message: string; path?: string }[] } })?.data?.errors
  if (fields?.length) return fields.map((e) => e.message).join('; ')
  return error instanceof Error ? error.message : String(error)
}
