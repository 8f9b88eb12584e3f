import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'

/** The InfluxDB release `scripts/oracle/build-influxd.sh` builds. */
export const INFLUXD_VERSION = 'v2.7.12'

/** A throwaway real influxd, set up and ready. */
export interface RealInfluxd {
  url: string
  /** The operator token made by setup. */
  token: string
  username: string
  password: string
  org: string
  orgID: string
  bucket: string
  bucketID: string
  userID: string
  /** Stops the process and removes its data directory. */
  stop(): Promise<void>
}

export interface StartInfluxdOptions {
  username?: string
  password?: string
  org?: string
  bucket?: string
  /** The operator token to set up with; InfluxDB makes one when absent. */
  token?: string
  /** Every line influxd writes (it logs at `error` level only). */
  log?: (line: string) => void
}

const cacheRoot = () => join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'influx-tokens', 'oracle')

/** The cached influxd binary, or null when `npm run oracle:build` has not built it on this machine. */
export function influxdPath(): string | null {
  const path = join(cacheRoot(), `influxdb-${INFLUXD_VERSION}`, 'influxd')
  // The build script moves the binary into place only once it is complete.
  return existsSync(path) ? path : null
}

/** A port nobody listens on right now (the OS picks it; influxd binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`influxd exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`)
    }
    const ready = await fetch(`${url}/health`).then(
      (res) => res.status === 200,
      () => false,
    )
    if (ready) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`influxd was not ready within 60 s:\n${output()}`)
}

interface SetupAnswer {
  user: { id: string }
  org: { id: string }
  bucket: { id: string }
  auth: { token: string }
}

/** A running influxd that is not set up yet. */
export interface BareInfluxd {
  url: string
  /** Stops the process and removes its data directory. */
  stop(): Promise<void>
}

/**
 * Starts the cached influxd on a free loopback port with fresh bolt, engine and SQLite paths and
 * no telemetry, and resolves once it answers /health. It is not set up.
 */
export async function launchInfluxd(options: { log?: (line: string) => void } = {}): Promise<BareInfluxd> {
  const binary = influxdPath()
  if (!binary) throw new Error('influxd is not built: run `npm run oracle:build` first')
  const dataDir = mkdtempSync(join(tmpdir(), 'influxd-oracle-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Only what influxd needs from the environment: no INFLUXD_* setting of the machine leaks in.
  const env = { PATH: process.env.PATH ?? '', HOME: dataDir, TZ: 'UTC' }
  const child = spawn(
    binary,
    [
      `--http-bind-address=127.0.0.1:${port}`,
      `--bolt-path=${join(dataDir, 'influxd.bolt')}`,
      `--engine-path=${join(dataDir, 'engine')}`,
      `--sqlite-path=${join(dataDir, 'influxd.sqlite')}`,
      '--reporting-disabled',
      '--log-level=error',
      '--ui-disabled',
      '--pprof-disabled',
    ],
    { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8')
    output += text
    if (options.log) text.split('\n').filter(Boolean).forEach(options.log)
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilReady(url, child, () => output)
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}

/** launchInfluxd, then `POST /api/v2/setup` (user, org, bucket, operator token). */
export async function startInfluxd(options: StartInfluxdOptions = {}): Promise<RealInfluxd> {
  const cast = {
    username: options.username ?? 'admin',
    password: options.password ?? 'oracle-admin-password',
    org: options.org ?? 'acme',
    bucket: options.bucket ?? 'telemetry',
  }
  const { url, stop } = await launchInfluxd({ log: options.log })
  try {
    const res = await fetch(`${url}/api/v2/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cast, ...(options.token ? { token: options.token } : {}) }),
    })
    const text = await res.text()
    if (res.status !== 201) throw new Error(`influxd setup answered ${res.status}: ${text}`)
    const setup = JSON.parse(text) as SetupAnswer
    return {
      url,
      ...cast,
      token: setup.auth.token,
      orgID: setup.org.id,
      bucketID: setup.bucket.id,
      userID: setup.user.id,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
