import { defineConfig } from 'vitest/config'

// `npm run test:stress`: the long reliability runs (crash points, the load run, the fuzzing at ten
// times the runs), one file at a time so that the load figures are not disturbed by another file.
export default defineConfig({
  test: {
    include: ['server/**/*.stress.ts', 'server/test/hostile-input.test.ts'],
    env: { FUZZ_RUNS: '400' },
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
  },
})
