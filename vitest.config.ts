import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Payload boots a fresh SQLite database per test file; give cold starts room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'cms', exclude: [...configDefaults.exclude, 'tests/site/**'] } },
      // The site tests share one built site (seed → astro build → server), built by the global
      // setup only when a site test is selected.
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'] } },
    ],
  },
})
