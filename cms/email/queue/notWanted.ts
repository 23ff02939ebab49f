/** Why a queued message is no longer wanted; it is dropped instead of sent. */
export class NotWanted extends Error {}
