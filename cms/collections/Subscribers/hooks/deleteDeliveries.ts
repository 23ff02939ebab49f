import type { CollectionBeforeDeleteHook } from 'payload'

/** A deleted subscriber leaves no mail records behind (they hold the address). */
export const deleteDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'mail-deliveries', where: { subscriber: { equals: id } }, overrideAccess: true, req })
}
