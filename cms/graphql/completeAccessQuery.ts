import type { GraphQLExtension } from 'payload'

type Resolve = (...args: unknown[]) => Promise<Record<string, unknown>>

/**
 * Payload's `Access` query declares `canAccessAdmin` non-null but leaves it out for anyone who may
 * not enter the admin (anonymous readers, members), so the whole query failed with an internal
 * error. The same query, with the missing answer given: false.
 */
export const completeAccessQuery: GraphQLExtension = (_graphQL, { Query }) => {
  const access = Query.fields.Access as { resolve: Resolve } & Record<string, unknown>
  return {
    Access: { ...access, resolve: async (...args: unknown[]) => ({ canAccessAdmin: false, ...(await access.resolve(...args)) }) },
  }
}
