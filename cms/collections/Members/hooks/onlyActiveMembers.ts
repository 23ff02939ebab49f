import { APIError, type CollectionBeforeLoginHook } from 'payload'
import { SIGN_IN_FAILED } from '../../../../core/members/messages'
import type { Member } from '../../../payload-types'

/**
 * Only an activated account that is not locked by its organization signs in. The refusal reads as a
 * wrong password, so it tells nobody which accounts exist or are locked.
 */
export const onlyActiveMembers: CollectionBeforeLoginHook<Member> = ({ user }) => {
  if (user.status !== 'active') throw new APIError(SIGN_IN_FAILED, 401, undefined, true)
  return user
}
