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
      // One folder per part (core, library, search, cms, site, scripts): each part's own tests, with
      // real SQLite, real SMTP and Payload's real handlers where the part has them.
      { extends: true, test: { name: 'parts', include: ['tests/*/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/e2e/**'] } },
      // End to end against the built site (seed → astro build → server), built once by the global
      // setup only when one of these tests is selected.
      { extends: true, test: { name: 'e2e-site', include: ['tests/e2e/site/**/*.test.ts'], globalSetup: ['tests/e2e/site/global-setup.ts'] } },
      // End to end against the real CMS server (next build + next start), started once likewise.
      {
        extends: true,
        test: { name: 'e2e-cms-server', include: ['tests/e2e/cms-server/**/*.test.ts'], globalSetup: ['tests/e2e/cms-server/global-setup.ts'] },
      },
    ],
  },
})
