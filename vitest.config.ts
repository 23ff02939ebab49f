import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // Payload boots a fresh SQLite database per test file; give cold starts room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each project lists its own files: a project that extends the root would add its `include`
    // to a root one (arrays are merged), and run every test twice.
    projects: [
      { extends: true, test: { name: 'cms', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/site/**'] } },
      // The site tests share one built site (seed → astro build → server), built by the global
      // setup only when a site test is selected.
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'] } },
    ],
  },
})
