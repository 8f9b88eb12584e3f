import { type ChildProcess, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { type Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The operator token and sign-in of every child server (INFLUXDB_INIT_* setup on first start). */
export const CHILD_ADMIN = {
  username: 'admin',
  password: 'child-admin-password',
  org: 'acme',
  bucket: 'telemetry',
  token: 'child-operator-token-0123456789abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMNOPQRSTUVWXYZ==',
}

export interface ChildServer {
  url: string
  pid: number
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string
  /** Sends `signal` and resolves once the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>
}

const initEnv = {
  INFLUXDB_INIT_USERNAME: CHILD_ADMIN.username,
  INFLUXDB_INIT_PASSWORD: CHILD_ADMIN.password,
  INFLUXDB_INIT_ORG: CHILD_ADMIN.org,
  INFLUXDB_INIT_BUCKET: CHILD_ADMIN.bucket,
  INFLUXDB_INIT_ADMIN_TOKEN: CHILD_ADMIN.token,
}

/**
 * `npm start` as a child process (API only, port 0) on `dataDir`, resolved once it listens.
 * `setup: false` leaves a new data directory un-set-up (for `influx setup` and the onboarding API).
 */
export function startChildServer(
  dataDir: string,
  nodeOptions: string[] = [],
  { setup = true }: { setup?: boolean } = {},
): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, API_ONLY: '1' }
  // Removed, not just left out, so that none set in the caller's environment leaks in.
  for (const name of Object.keys(initEnv)) delete env[name]
  const child: ChildProcess = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'server/start.ts'], {
    cwd: repoRoot,
    env: setup ? { ...env, ...initEnv } : env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1]
      if (url && child.pid !== undefined) {
        clearTimeout(timer)
        resolve({
          url,
          pid: child.pid,
          output: () => output,
          stop: async (signal) => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal)
            await exited
          },
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`))
    })
  })
}

export interface HttpResult {
  status: number
  body: string
}

/**
 * One request over `agent` (keep-alive, like a browser or client library). Resolves with
 * status 0 and the error text when the connection fails, so callers can count those.
 */
export function httpRequest(
  agent: Agent,
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<HttpResult> {
  return new Promise((resolve) => {
    const req = request(url, { method: options.method, headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', (error) => resolve({ status: 0, body: String(error) }))
    })
    req.on('error', (error) => resolve({ status: 0, body: String(error) }))
    req.end(options.body)
  })
}

export const tokenHeaders = (token: string, json = false): Record<string, string> => ({
  authorization: `Token ${token}`,
  ...(json ? { 'content-type': 'application/json' } : {}),
})

/** The child server's resident set size in MiB (Linux /proc), for memory-growth checks. */
export async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN)
  return kb / 1024
}
