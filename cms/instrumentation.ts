/**
 * Next calls register() once when the server starts. Payload is otherwise initialised on the first
 * request, and its onInit starts the in-process job runner (scheduled publishing, search sync), so a
 * server nobody has visited yet would not run the queue.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config })
}
