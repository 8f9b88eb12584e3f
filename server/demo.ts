import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from './config.ts'
import { openStore } from './db/store.ts'
import { DEMO_PASSWORD, DEMO_USER, seedDemo } from './demo-data.ts'
import { runServer } from './run.ts'

// `npm run demo`: a throwaway, seeded data directory, then the same server as `npm start`.
const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-demo-'))
const store = openStore(dataDir)
try {
  await seedDemo(store)
} finally {
  store.db.close()
}
await runServer(
  { ...loadConfig(process.env), dataDir, influxUrl: undefined, init: undefined },
  {
    banner: [`Demo sign-in: user "${DEMO_USER}", password "${DEMO_PASSWORD}" (org "acme")`],
    onShutdown: () => rmSync(dataDir, { recursive: true, force: true }),
  },
)
