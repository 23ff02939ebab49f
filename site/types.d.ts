// Type-checking site/*.ts with the project's tsc (the .astro files are compiled by Astro).
// Astro generates precise `astro:content` types during a build; this is the part the library uses.
declare module 'astro:content' {
  export function defineCollection<T>(config: T): T
  export function getCollection(collection: string): Promise<Array<{ id: string; data: Record<string, unknown> }>>
}
