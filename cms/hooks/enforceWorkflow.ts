import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'
import type { EditorialDoc } from '../lib/records'
import { canPublish, isMemberAccount } from '../access/roles'
import { isDraftSave } from './draftFlag'
import { liveStatusBefore } from './liveStatus'

export class WorkflowError extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    this.name = 'WorkflowError'
  }
}

export const PUBLISH_FORBIDDEN =
  'Chỉ Tổng biên tập hoặc Quản trị viên được xuất bản, sửa nội dung đang xuất bản hoặc gỡ xuất bản. Hãy lưu bản nháp để Tổng biên tập duyệt.'

/**
 * Only publishers and admins change what readers see: publishing, editing live content and
 * unpublishing. Others save drafts for a publisher to review. Server code without a user (import,
 * scheduled publishing) is trusted; secrecy is enforced separately, for everyone.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<EditorialDoc> = ({ data, originalDoc, operation, req, collection }) => {
  if (!req.user || canPublish(req.user)) return data
  if (isMemberAccount(req.user)) throw new WorkflowError('Tài khoản đảng viên chỉ được đọc nội dung.')
  if (isDraftSave(req, data)) return data
  const before = operation === 'update' ? liveStatusBefore(req, collection.slug, originalDoc?.id) : undefined
  const after = data._status ?? before ?? 'draft'
  if (after === 'published' || before === 'published') throw new WorkflowError(PUBLISH_FORBIDDEN)
  return data
}
