import { defineConfig } from 'vitest/config'

// `npm run test:stress`: the long reliability runs (crash points, the load run), one file at a
// time so that the load figures are not disturbed by another file's child servers.
export default defineConfig({
  test: {
    include: ['server/**/*.stress.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
  },
})
