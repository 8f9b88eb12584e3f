import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { openStore } from './db/store.ts'
import { listen } from './listen.ts'
import { isSetupAllowed, setup } from './services/setup.ts'

// Built by `npm start`'s prestart step (scripts/build-if-stale.ts).
const dist = fileURLToPath(new URL('../dist', import.meta.url))

/** Performs the INFLUXDB_INIT_* setup on a database that is not set up yet; otherwise changes nothing. */
export async function initialSetup(config: Config, log: (line: string) => void): Promise<void> {
  if (!config.init || config.influxUrl) return
  const store = openStore(config.dataDir)
  try {
    if (!isSetupAllowed(store)) return
    const result = await setup(store, config.init)
    log(`Set up user "${result.user.name}", org "${result.org.name}", bucket "${result.bucket.name}".`)
  } finally {
    store.db.close()
  }
}

/** Serves the built UI (when there is one) with the API, and shuts down cleanly on SIGINT/SIGTERM. */
export async function runServer(
  config: Config,
  options: { banner?: string[]; onShutdown?: () => void } = {},
): Promise<void> {
  const log = (line: string) => console.log(line)
  await initialSetup(config, log)
  const staticDir = !config.apiOnly && existsSync(join(dist, 'index.html')) ? dist : undefined
  if (!staticDir) log(config.apiOnly ? 'API_ONLY=1: serving the API only.' : 'No UI found to serve; serving the API only.')
  const { app, close } = buildApp({
    dataDir: config.dataDir,
    influxUrl: config.influxUrl,
    staticDir,
    log,
    trustedProxies: config.trustedProxies,
    influxTimeoutSeconds: config.influxTimeoutSeconds,
  })
  const server = await listen(app, {
    port: config.port,
    host: config.host,
    limits: { requestTimeoutMs: config.requestTimeoutSeconds * 1000, maxConnections: config.maxConnections },
  })
  log(`Influx tokens listening on ${server.url}`)
  log(config.influxUrl ? `Proxying /api/*, /health and /ping to ${config.influxUrl}` : `Data in ${config.dataDir}`)
  options.banner?.forEach(log)

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal} received, shutting down`)
    await server.close()
    close()
    options.onShutdown?.()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}
