import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run test:oracle`: the embedded server compared with a real influxd and the real influx CLI,
// built by `npm run oracle:build` into a cache outside the repository. One file at a time: each
// file starts its own servers.
export default defineConfig({
  // The CLI previews suite imports the app's own command builders.
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['server/test/oracle/**/*.oracle.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
