import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { influxdPath, launchInfluxd } from '../../../scripts/oracle/influxd.ts'
import { startChildServer } from '../child-server.ts'

/** A server nobody has set up yet, so `influx setup` can run on it. */
export interface EmptyServer {
  url: string
  stop(): Promise<void>
}

/** The embedded server as a child process on a fresh data directory, without INFLUXDB_INIT_*. */
export async function startEmptyEmbedded(): Promise<EmptyServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-cli-embedded-'))
  const child = await startChildServer(dataDir, [], { setup: false })
  return {
    url: child.url,
    stop: async () => {
      await child.stop('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A fresh real influxd that is not set up (the CLI's own `influx setup` does it); null when influxd is not built. */
export async function startEmptyInfluxd(): Promise<EmptyServer | null> {
  return influxdPath() ? launchInfluxd() : null
}
