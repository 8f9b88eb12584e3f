import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Hono } from 'hono'
import { type AppOptions, buildApp } from '../app.ts'
import { checkContract } from './contract.ts'

export interface TestServer {
  app: Hono
  dataDir: string
  close(): void
}

/** A fresh embedded server on its own temporary data directory. */
export function startTestServer(
  options: Pick<AppOptions, 'staticDir' | 'sessionMinutes' | 'trustedProxies' | 'now' | 'log'> = {},
): TestServer {
  const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-test-'))
  const { app, close } = buildApp({ dataDir, ...options })
  return {
    app,
    dataDir,
    close: () => {
      close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface Credential {
  token?: string
  cookie?: string
}

export interface CallOptions {
  as?: Credential
  body?: unknown
  /** Sent as is, without a JSON Content-Type. */
  raw?: BodyInit
  headers?: Record<string, string>
}

export interface CallResult {
  status: number
  headers: Headers
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  text: string
}

/** One request through app.request(); every 2xx JSON answer is checked against the contract. */
export async function call(app: Hono, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.as?.token) headers.authorization = `Token ${options.as.token}`
  if (options.as?.cookie) headers.cookie = options.as.cookie
  let body: BodyInit | undefined = options.raw
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['content-type'] ??= 'application/json'
  }
  const res = await app.request(path, { method, headers, body })
  const text = await res.text()
  const isJson = (res.headers.get('content-type') ?? '').startsWith('application/json')
  const parsed: unknown = isJson && text ? JSON.parse(text) : undefined
  checkContract(method, new URL(path, 'http://x').pathname, res.status, parsed)
  return { status: res.status, headers: res.headers, body: parsed, text }
}

export const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
})

export async function signin(app: Hono, user: string, password: string): Promise<Credential> {
  const res = await call(app, 'POST', '/api/v2/signin', { headers: basic(user, password) })
  if (res.status !== 204) throw new Error(`signin failed: ${res.status} ${res.text}`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!cookie) throw new Error('no session cookie')
  return { cookie }
}

export interface SetUp {
  operator: Credential
  owner: Credential
  orgID: string
  userID: string
  bucketID: string
  password: string
}

/** POST /api/v2/setup as a client would, then a signed-in session for the same user. */
export async function setUp(app: Hono, username = 'admin'): Promise<SetUp> {
  const password = 'correct-horse'
  const res = await call(app, 'POST', '/api/v2/setup', {
    body: { username, password, org: 'acme', bucket: 'telemetry', retentionPeriodSeconds: 30 * 86400 },
  })
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`)
  return {
    operator: { token: res.body.auth.token },
    owner: await signin(app, username, password),
    orgID: res.body.org.id,
    userID: res.body.user.id,
    bucketID: res.body.bucket.id,
    password,
  }
}
