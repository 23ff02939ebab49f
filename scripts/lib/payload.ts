import { getPayload, type Payload } from 'payload'

let instance: Promise<Payload> | undefined

/** The Payload Local API for operator scripts (no HTTP server, no job runner). */
export function payloadClient(): Promise<Payload> {
  instance ??= import('../../cms/payload.config').then(({ default: config }) => getPayload({ config }))
  return instance
}
