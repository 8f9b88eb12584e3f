import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchInfluxd } from '../../../scripts/oracle/influxd.ts'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** A server the scenario runs against, not set up yet. */
export interface Server {
  url: string
  stop(): Promise<void>
}

/**
 * `npm start` (API only) on an empty data directory, without any INFLUXDB_INIT_* so that the
 * scenario's own POST /api/v2/setup is the first one, as it is on the real influxd.
 */
export function startEmbedded(): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-oracle-'))
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('INFLUXDB_INIT_')))
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: repoRoot,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, API_ONLY: '1', INFLUX_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded server did not start within 30 s:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1]
      if (!url) return
      clearTimeout(timer)
      resolve({
        url,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          await exited
          rmSync(dataDir, { recursive: true, force: true })
        },
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`embedded server exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
}

/** The real influxd, started empty: the scenario runs its own setup. */
export const startReal = (): Promise<Server> => launchInfluxd()
