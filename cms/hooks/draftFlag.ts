import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import type { EditorialSlug } from '../lib/records'

const KEY = 'soTayDraftSave'

/**
 * Payload's beforeChange/afterChange hooks do not say whether the caller asked for a draft save
 * (`draft: true`, which writes a version and leaves the published document alone) or for a real
 * change of the live document. The operation's arguments do, so they are remembered on the request.
 */
export const rememberDraftFlag: CollectionBeforeOperationHook<EditorialSlug> = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update' || operation === 'updateByID') {
    req.context[KEY] = Boolean(args.draft)
  }
  return args
}

/** True when this save only writes a draft version (the live document is untouched). */
export function isDraftSave(req: PayloadRequest, data: { _status?: unknown }): boolean {
  return req.context[KEY] === true && data._status !== 'published'
}
