import { defineConfig } from 'vitest/config'

// `npm run test:oracle`: the embedded server compared with a real influxd and the real influx CLI,
// built by `npm run oracle:build` into a cache outside the repository. One file at a time: each
// file starts its own servers.
export default defineConfig({
  test: {
    include: ['server/test/oracle/**/*.oracle.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
