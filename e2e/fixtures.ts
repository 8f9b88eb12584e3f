import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { listen } from '../server/listen.ts'
import { launchInfluxd } from '../scripts/oracle/influxd.ts'

export { expect }

export const ADMIN = { username: 'admin', password: 'correct-horse-battery', org: 'acme', bucket: 'telemetry' }

/** A fresh embedded server per test, on its own temporary data directory and port. */
export interface TestServer {
  url: string
  /** Calls the API with a token (default: the operator token once `setup()` ran). */
  api: (method: string, apiPath: string, body?: unknown, token?: string) => Promise<{ status: number; body: any }>
  setup: () => Promise<SetupResult>
}

export interface SetupResult {
  orgID: string
  userID: string
  bucketID: string
  operatorToken: string
}

export const test = base.extend<{ server: TestServer; seeded: SetupResult }>({
  server: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tokens-e2e-'))
    // With E2E_UPSTREAM=influxd (playwright.oracle.config.ts) the app fronts a fresh real influxd in
    // proxy mode instead of serving its embedded API: the same tests then run against InfluxDB itself.
    const upstream = process.env.E2E_UPSTREAM === 'influxd' ? await launchInfluxd() : undefined
    const staticDir = resolve(process.env.E2E_DIST_DIR ?? 'dist')
    const { app, close } = buildApp(upstream ? { influxUrl: upstream.url, staticDir } : { dataDir, staticDir })
    const listening = await listen(app, { port: 0, host: '127.0.0.1' })
    let operatorToken = ''
    const api: TestServer['api'] = async (method, apiPath, body, token = operatorToken) => {
      const response = await fetch(listening.url + apiPath, {
        method,
        headers: { Authorization: `Token ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : undefined }
    }
    const setup = async () => {
      const result = await api('POST', '/api/v2/setup', { username: ADMIN.username, password: ADMIN.password, org: ADMIN.org, bucket: ADMIN.bucket })
      expect(result.status).toBe(201)
      operatorToken = result.body.auth.token
      return { orgID: result.body.org.id, userID: result.body.user.id, bucketID: result.body.bucket.id, operatorToken }
    }
    await use({ url: listening.url, api, setup })
    await listening.close()
    close()
    await upstream?.stop()
    await rm(dataDir, { recursive: true, force: true })
  },
  baseURL: async ({ server }, use) => use(server.url),
  /**
   * A set-up server past its first run and a signed-in browser session (through the real sign-in
   * endpoint). The first-run notice is already dismissed, as a returning user would have it.
   */
  seeded: async ({ server, page }, use) => {
    const result = await server.setup()
    await signInByRequest(page)
    await page.context().addInitScript((key) => localStorage.setItem(key, '1'), `influx-tokens.first-run-dismissed.${result.orgID}`)
    await use(result)
  },
})

/** Signs the browser in through the real sign-in endpoint, without the UI. */
export async function signInByRequest(page: Page) {
  const basic = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')
  const response = await page.request.post('/api/v2/signin', { headers: { Authorization: `Basic ${basic}` } })
  expect(response.status()).toBe(204)
}

export function tokensUrl(orgID: string, query = '') {
  return `/orgs/${orgID}/load-data/tokens${query}`
}

export async function createBuckets(server: TestServer, orgID: string, names: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const name of names) {
    const created = await server.api('POST', '/api/v2/buckets', { orgID, name, retentionRules: [] })
    expect(created.status).toBe(201)
    ids[name] = created.body.id
  }
  return ids
}

export async function createToken(server: TestServer, orgID: string, description: string, permissions: unknown[], status?: string) {
  const created = await server.api('POST', '/api/v2/authorizations', { orgID, description, permissions, ...(status ? { status } : {}) })
  expect(created.status).toBe(201)
  return created.body as { id: string; token: string }
}

/** Fails on any serious or critical accessibility violation in what the page shows now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

/** Makes the server refuse every new token (403, as InfluxDB words a missing permission); other requests go through. */
export async function refuseTokenCreation(page: Page) {
  await page.route('**/api/v2/authorizations', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ code: 'forbidden', message: 'permission write:orgs/x/buckets is not allowed' }) })
      : route.continue(),
  )
}

export type GenerateItem = 'Read/Write Token' | 'All-Access Token' | 'Custom Token' | 'Operator Token'

/** Opens a Generate dialog through the menu button, as a person would. */
export async function openGenerate(page: Page, item: GenerateItem) {
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

/** Writes one line-protocol point with a token; returns the HTTP status. */
export async function writePoint(server: TestServer, bucket: string, token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v2/write?org=${ADMIN.org}&bucket=${encodeURIComponent(bucket)}&precision=s`, {
    method: 'POST',
    headers: { Authorization: `Token ${token}`, 'Content-Type': 'text/plain' },
    body: 'cpu,host=a usage=0.5 1700000000',
  })
  return response.status
}
