import { defineConfig } from '@playwright/test'
import { influxdPath } from './scripts/oracle/influxd.ts'
import base from './playwright.config.ts'

// `npm run test:e2e:oracle`: the UI's main flows against a real influxd (built by
// `npm run oracle:build`), the app in proxy mode in front of a fresh one per test (see the `server`
// fixture); docs/compatibility.md says what runs and what differs.
const built = influxdPath() !== null
if (built) process.env.E2E_UPSTREAM = 'influxd'
else console.log('test:e2e:oracle: skipped, influxd is not built (run `npm run oracle:build`)')

export default defineConfig({
  ...base,
  testMatch: built ? ['generate.spec.ts', 'manage.spec.ts', 'tokens-list.spec.ts', 'custom-operator.spec.ts', 'auth.spec.ts', 'token-signin.spec.ts', 'review-export.spec.ts'] : [],
  workers: 1,
  reporter: [['list']],
  projects: (base.projects ?? []).map((project) => ({ ...project, name: 'real-influxd' })),
})
