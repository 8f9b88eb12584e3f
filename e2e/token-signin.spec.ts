import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { listen } from '../server/listen.ts'
import { expect, openGenerate, type SetupResult, test, type TestServer } from './fixtures.ts'

type Mode = 'embedded' | 'proxy'

/**
 * Where the browser goes: the fixture's embedded server itself, or a second server in proxy mode
 * that forwards /api to it, as it would to a real InfluxDB.
 */
async function appUrl(server: TestServer, mode: Mode): Promise<{ url: string; close: () => Promise<void> }> {
  if (mode === 'embedded') return { url: server.url, close: async () => {} }
  const proxy = buildApp({ influxUrl: server.url, staticDir: resolve(process.env.E2E_DIST_DIR ?? 'dist') })
  const listening = await listen(proxy.app, { port: 0, host: '127.0.0.1' })
  return {
    url: listening.url,
    close: async () => {
      await listening.close()
      proxy.close()
    },
  }
}

/** A token of a second user, "auditor", that may read the org, its buckets, users and tokens, and change nothing. */
async function readOnlyToken(server: TestServer, seeded: SetupResult): Promise<string> {
  const auditor = await server.api('POST', '/api/v2/users', { name: 'auditor' })
  expect(auditor.status).toBe(201)
  const created = await server.api('POST', '/api/v2/authorizations', {
    orgID: seeded.orgID,
    userID: auditor.body.id,
    description: 'audit',
    permissions: [
      { action: 'read', resource: { type: 'orgs' } },
      { action: 'read', resource: { type: 'users' } },
      { action: 'read', resource: { type: 'authorizations', orgID: seeded.orgID } },
      { action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } },
    ],
  })
  expect(created.status).toBe(201)
  return created.body.token
}

async function signInWithToken(page: Page, url: string, token: string) {
  await page.goto(`${url}/signin`)
  await page.getByRole('tab', { name: 'Sign in with a token' }).click()
  const field = page.getByRole('textbox', { name: 'API token' })
  await expect(field).toHaveAttribute('type', 'password')
  await field.fill(token)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await expect(page).toHaveURL(/\/orgs\/[0-9a-f]{16}\/load-data\/tokens/)
}

/** The token is nowhere the page's scripts or address bar could read it, nor in a cookie. */
async function expectTokenKeptOffTheBrowser(page: Page, token: string) {
  const stored = await page.evaluate(() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie, history.state]))
  expect(stored).not.toContain(token)
  expect(page.url()).not.toContain(token)
  expect(page.url()).not.toContain(encodeURIComponent(token))
  const cookies = await page.context().cookies()
  expect(JSON.stringify(cookies)).not.toContain(token)
  const session = cookies.find((c) => c.name === 'influx-tokens-token-session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
}

for (const mode of ['embedded', 'proxy'] as const) {
  test.describe(`sign in with a token, ${mode} mode`, () => {
    test('a read-only token sees the list and what it cannot do, but no Generate; Sign Out forgets it', async ({ page, server }) => {
      const seeded = await server.setup()
      const token = await readOnlyToken(server, seeded)
      const app = await appUrl(server, mode)
      const urls: string[] = []
      page.on('request', (request) => urls.push(request.url()))
      await signInWithToken(page, app.url, token)
      await expect(page.getByRole('row', { name: /audit/ })).toBeVisible()
      await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
      await expect(page.getByRole('status', { name: 'Token session' })).toContainText('Signed in with an API token of auditor')
      await expect(page.getByRole('status', { name: 'Token session' })).toContainText('cannot generate, change or delete')
      await expect(page.getByRole('button', { name: 'Generate' })).toHaveCount(0)
      // Nothing that would change a token is offered: the server would refuse it.
      const table = page.getByRole('table', { name: 'Tokens' })
      for (const name of ['Rename', 'Clone', 'Delete']) await expect(table.getByRole('button', { name })).toHaveCount(0)
      await expect(table.getByRole('switch')).toHaveCount(0)
      await expect(table.getByRole('checkbox')).toHaveCount(0)
      await expect(page.getByRole('row', { name: /audit/ })).toContainText('Active')
      await page.getByRole('row', { name: /audit/ }).getByRole('button', { name: 'audit' }).click()
      const details = page.getByRole('dialog', { name: /audit/ })
      for (const name of ['Delete', 'Deactivate', 'Clone']) await expect(details.getByRole('button', { name })).toHaveCount(0)
      await details.getByRole('button', { name: 'Close', exact: true }).last().click()
      await expect(page.getByText('Signed in as auditor')).toBeVisible()
      await expectTokenKeptOffTheBrowser(page, token)

      await page.getByRole('button', { name: 'Sign Out' }).click()
      await expect(page).toHaveURL(/\/signin$/)
      expect((await page.request.get(`${app.url}/api/v2/me`)).status()).toBe(401)
      expect((await page.context().cookies()).find((c) => c.name === 'influx-tokens-token-session')).toBeUndefined()
      expect(urls.filter((u) => u.includes(token))).toEqual([])
      await app.close()
    })

    test('an operator token is offered everything, and Generate works', async ({ page, server }) => {
      const seeded = await server.setup()
      const app = await appUrl(server, mode)
      await signInWithToken(page, app.url, seeded.operatorToken)
      await expect(page.getByRole('status', { name: 'Token session' })).toContainText('It can list, generate, change and delete')
      await openGenerate(page, 'All-Access Token')
      const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
      await dialog.getByRole('textbox', { name: 'Description' }).fill('made with a token')
      await dialog.getByRole('textbox', { name: 'Description' }).press('Enter')
      const created = page.getByRole('dialog', { name: 'Token created' })
      const newToken = await created.getByRole('textbox', { name: 'Token' }).inputValue()
      expect((await server.api('GET', '/api/v2/me', undefined, newToken)).status).toBe(200)
      await created.getByRole('button', { name: 'Done' }).click()
      await created.getByRole('button', { name: 'Close without copying' }).click()
      await expect(page.getByRole('row', { name: /made with a token/ })).toContainText('All-Access')
      await expectTokenKeptOffTheBrowser(page, seeded.operatorToken)
      await page.getByRole('button', { name: 'Sign Out' }).click()
      await expect(page).toHaveURL(/\/signin$/)
      expect((await page.request.get(`${app.url}/api/v2/me`)).status()).toBe(401)
      await app.close()
    })

    test('a refused token stays on the sign-in page with a clear message and no cookie', async ({ page, server }) => {
      await server.setup()
      const app = await appUrl(server, mode)
      await page.goto(`${app.url}/signin`)
      await page.getByRole('tab', { name: 'Sign in with a token' }).click()
      await page.getByRole('textbox', { name: 'API token' }).fill('not-a-token')
      await page.getByRole('button', { name: 'Sign In' }).click()
      await expect(page.getByRole('alert')).toHaveText(/This token was refused/)
      expect(page.url()).toMatch(/\/signin$/)
      expect(await page.context().cookies()).toEqual([])
      await app.close()
    })
  })
}
