import type { PayloadRequest, TaskConfig } from 'payload'

type RecordTaskSlug = 'syncSite' | 'syncSearch' | 'syncSearchReferences'

/**
 * A persisted job about one CMS record (`{ collection, id }`), queued in the same transaction as
 * the change that needs it. `run` re-reads the record's current state, so a retry or a late run is
 * harmless; a failure is retried with exponential backoff (≈ 2 s … 17 min over 11 attempts) and
 * the editor's save never waits for it. Returns a line for the job's output.
 */
export function recordTask<S extends RecordTaskSlug>(
  slug: S,
  label: string,
  run: (input: { collection: string; id: string }, req: PayloadRequest) => Promise<string>,
): TaskConfig<S> {
  return {
    slug,
    label,
    inputSchema: [
      { name: 'collection', type: 'text', required: true },
      { name: 'id', type: 'text', required: true },
    ],
    outputSchema: [{ name: 'result', type: 'text' }],
    retries: { attempts: 10, backoff: { type: 'exponential', delay: 2000 } },
    handler: (async ({ input, req }: { input: { collection: string; id: string }; req: PayloadRequest }) => ({
      output: { result: await run(input, req) },
    })) as unknown as TaskConfig<S>['handler'],
  } as TaskConfig<S>
}
