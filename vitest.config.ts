import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Payload boots a fresh SQLite database per test file; give cold starts room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
