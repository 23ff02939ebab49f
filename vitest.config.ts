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
      { extends: true, test: { name: 'cms', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/site/**', 'tests/cms-server/**'] } },
      // The site tests share one built site (seed → astro build → server), built by the global
      // setup only when a site test is selected.
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/site/global-setup.ts'] } },
      // The real CMS server (next build + next start), started once when these tests are selected.
      { extends: true, test: { name: 'cms-server', include: ['tests/cms-server/**/*.test.ts'], globalSetup: ['tests/cms-server/global-setup.ts'] } },
    ],
  },
})
