import type { CollectionBeforeOperationHook } from 'payload'
import { memberPasswordProblem } from '../../../../core/members/password'
import { fieldError } from '../../../lib/fieldError'

/** Every way a member's password is set (activation, reset, the admin) meets the same rule. */
export const refuseWeakMemberPassword: CollectionBeforeOperationHook<'members'> = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password: unknown = (args as { data?: { password?: unknown } }).data?.password
  if (password === undefined || password === null || password === '') return args
  if (typeof password !== 'string') throw fieldError(req, 'members', 'password', 'Mật khẩu phải là một đoạn chữ.')
  const problem = memberPasswordProblem(password)
  if (problem) throw fieldError(req, 'members', 'password', problem)
  return args
}
