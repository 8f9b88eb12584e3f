import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { influxdPath } from '../../../scripts/oracle/influxd.ts'
import { startChildServer } from '../child-server.ts'

/** A server nobody has set up yet, so `influx setup` can run on it. */
export interface EmptyServer {
  name: string
  url: string
  stop(): Promise<void>
}

/** The embedded server as a child process on a fresh data directory, without INFLUXDB_INIT_*. */
export async function startEmptyEmbedded(): Promise<EmptyServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-cli-embedded-'))
  const child = await startChildServer(dataDir, [], { setup: false })
  return {
    name: 'embedded',
    url: child.url,
    stop: async () => {
      await child.stop('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

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

/**
 * The cached real influxd on a free port with fresh data paths and, unlike `startInfluxd`, no
 * setup: the CLI's own `influx setup` does it. Null when influxd is not built.
 */
export async function startEmptyInfluxd(): Promise<EmptyServer | null> {
  const binary = influxdPath()
  if (!binary) return null
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-cli-influxd-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
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
    ],
    { cwd: dataDir, env: { PATH: process.env.PATH ?? '', HOME: dataDir, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
    rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break
    const ready = await fetch(`${url}/health`).then(
      (res) => res.status === 200,
      () => false,
    )
    if (ready) return { name: 'influxd', url, stop }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await stop()
  throw new Error(`influxd did not become ready:\n${output}`)
}
