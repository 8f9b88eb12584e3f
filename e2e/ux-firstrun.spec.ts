import type { Locator, Page } from '@playwright/test'
import { ADMIN, expect, expectAccessible, signInByRequest, test, tokensUrl } from './fixtures.ts'

async function fillSignIn(page: Page, password: string) {
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
  await page.getByLabel('Password').fill(password)
}

test.describe('sign-in page', () => {
  test('a first visit to a link is not told that a session ended', async ({ page, server }) => {
    const { orgID } = await server.setup()
    await page.goto(tokensUrl(orgID))
    await expect(page).toHaveURL(/\/signin\?returnTo=/)
    await expect(page.getByText('Manage the API tokens of your InfluxDB organizations.')).toBeVisible()
    await expect(page.getByText('Your session has ended')).toHaveCount(0)
    await expectAccessible(page)
  })

  test('a session that ended is named, and sign-in returns to the page', async ({ page, seeded }) => {
    await page.goto(tokensUrl(seeded.orgID))
    await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
    // The page's own background requests (bucket prefetch) are done: the reload is the first to
    // find the session gone, rather than a prefetch racing it.
    await page.waitForLoadState('networkidle')
    expect((await page.request.post('/api/v2/signout')).status()).toBe(204)
    await page.reload()
    await expect(page).toHaveURL(/\/signin\?returnTo=.*reason=expired/)
    await expect(page.getByText('Your session has ended. Sign in to continue where you left off.')).toBeVisible()
    await expectAccessible(page)
  })

  test('errors are sentences, and a throttled sign-in counts down with the button disabled', async ({ page, server }) => {
    await server.setup()
    await page.goto('/signin')
    await fillSignIn(page, 'wrong-password')
    await page.getByRole('button', { name: 'Sign In' }).click()
    await expect(page.getByRole('alert')).toHaveText('Username or password is invalid')

    // Four more failures from this address reach the server's limit; the next attempt is refused.
    const basic = Buffer.from(`${ADMIN.username}:wrong-password`).toString('base64')
    for (let i = 0; i < 4; i++) {
      expect((await page.request.post('/api/v2/signin', { headers: { Authorization: `Basic ${basic}` } })).status()).toBe(401)
    }
    await fillSignIn(page, ADMIN.password)
    const button = page.getByRole('button', { name: 'Sign In' })
    await button.click()
    await expect(page.getByRole('alert')).toHaveText('Too many failed sign-in attempts')
    await expect(button).toBeDisabled()
    const wait = page.getByText(/^Try again in \d+ s$/)
    await expect(wait).toBeVisible()
    await expect(button).toHaveAccessibleDescription(/Try again in \d+ s/)
    const first = Number((await wait.textContent())?.match(/\d+/)?.[0])
    expect(first).toBeGreaterThan(1)
    await expect.poll(async () => Number((await wait.textContent())?.match(/\d+/)?.[0])).toBeLessThan(first)
    await expectAccessible(page)
  })
})

test('signing out in one tab signs out the others at once', async ({ page, seeded, context }) => {
  const other = await context.newPage()
  await page.goto(tokensUrl(seeded.orgID))
  await other.goto(tokensUrl(seeded.orgID, '?searchTerm=admin'))
  await expect(other.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  await other.getByRole('button', { name: 'Generate', exact: true }).click()
  await other.getByRole('menuitem', { name: 'Read/Write Token' }).click()
  await expect(other.getByRole('dialog')).toBeVisible()

  await page.getByRole('button', { name: 'Sign Out' }).click()
  await expect(page).toHaveURL(/\/signin$/)
  // The other tab leaves without being touched: no click, no reload, and nothing of the list stays.
  await expect(other).toHaveURL(/\/signin\?returnTo=.*reason=signed-out/)
  await expect(other.getByText('You signed out in another tab. Sign in to continue where you left off.')).toBeVisible()
  await expect(other.getByRole('dialog')).toHaveCount(0)
  await expect(other.getByRole('table', { name: 'Tokens' })).toHaveCount(0)
  await expectAccessible(other)

  await other.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
  await other.getByLabel('Password').fill(ADMIN.password)
  await other.getByRole('button', { name: 'Sign In' }).click()
  // Back where that tab was, with its open draft.
  await expect(other).toHaveURL(new RegExp(`${tokensUrl(seeded.orgID)}\\?searchTerm=admin&generate=read-write`))
  await expect(other.getByRole('dialog')).toBeVisible()
})

test.describe('after onboarding', () => {
  const notice = (page: Page) => page.getByRole('region', { name: 'Your server is set up' })

  test('the list explains the operator token setup created, once', async ({ page, server }) => {
    const { orgID } = await server.setup()
    await signInByRequest(page)
    await page.goto(tokensUrl(orgID))
    await expect(notice(page)).toContainText("Setup created admin's Token, an operator token")
    await expect(notice(page)).toContainText('Its value is never shown again')
    await expectAccessible(page)

    await notice(page).getByRole('button', { name: 'Generate your first token' }).click()
    await expect(page.getByRole('dialog', { name: /Read\/Write/ })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toHaveCount(0)

    await notice(page).getByRole('button', { name: 'Dismiss' }).click()
    await expect(notice(page)).toHaveCount(0)
    await page.reload()
    await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
    await expect(notice(page)).toHaveCount(0)
  })

  test('a list with tokens of its own shows no first-run notice', async ({ page, server }) => {
    const { orgID, bucketID } = await server.setup()
    await signInByRequest(page)
    await server.api('POST', '/api/v2/authorizations', {
      orgID,
      description: 'ingest',
      permissions: [{ action: 'write', resource: { type: 'buckets', id: bucketID, orgID } }],
    })
    await page.goto(tokensUrl(orgID))
    await expect(page.getByRole('row', { name: /ingest/ })).toBeVisible()
    await expect(notice(page)).toHaveCount(0)
  })
})

/** Holds every request matching `url` until the returned function is called. */
async function holdRequests(page: Page, url: string | RegExp) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(url, async (route) => {
    await released
    await route.continue()
  })
  return release
}

/** Where the table starts and where its visible columns begin and end. */
async function tableLayout(table: Locator) {
  const box = await table.boundingBox()
  const header = await table.locator('thead tr').boundingBox()
  const firstRow = await table.locator('tbody tr').first().boundingBox()
  const columns = await table.locator('thead th').evaluateAll((cells) =>
    cells.map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [Math.round(r.left), Math.round(r.right)]),
  )
  return { top: Math.round(box!.y), width: Math.round(box!.width), header: Math.round(header!.height), row: Math.round(firstRow!.height), columns }
}

test.describe('loading states and titles', () => {
  for (const width of [1280, 390]) {
    test(`the tokens skeleton stands where the list will be at ${width} px`, async ({ page, server, seeded }) => {
      await page.setViewportSize({ width, height: 800 })
      await server.api('POST', '/api/v2/authorizations', {
        orgID: seeded.orgID,
        description: 'ingest',
        permissions: [{ action: 'write', resource: { type: 'buckets', id: seeded.bucketID, orgID: seeded.orgID } }],
      })
      const release = await holdRequests(page, /\/api\/v2\/authorizations/)
      await page.goto(tokensUrl(seeded.orgID))
      const skeleton = page.getByRole('status', { name: 'Loading tokens' })
      await expect(skeleton).toBeVisible()
      await expectAccessible(page)
      const before = await tableLayout(skeleton.locator('table'))
      release()
      const table = page.getByRole('table', { name: 'Tokens' })
      await expect(table.getByRole('row', { name: /ingest/ })).toBeVisible()
      await expect(skeleton).toHaveCount(0)
      expect(await tableLayout(table)).toEqual(before)
    })
  }

  test('the bucket picker says it is loading buckets', async ({ page, seeded }) => {
    await page.goto(tokensUrl(seeded.orgID))
    await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
    const release = await holdRequests(page, /\/api\/v2\/buckets/)
    await page.reload()
    await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
    await page.getByRole('button', { name: 'Generate', exact: true }).click()
    await page.getByRole('menuitem', { name: 'Read/Write Token' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('status').filter({ hasText: 'Loading buckets…' }).first()).toBeVisible()
    await expectAccessible(page)
    release()
    await expect(dialog.getByText('Loading buckets…')).toHaveCount(0)
    await expect(dialog.getByRole('checkbox', { name: 'telemetry' }).first()).toBeVisible()
  })

  test('each page has its own title', async ({ page, server }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/setup$/)
    await expect(page).toHaveTitle('Set up · InfluxDB Tokens')
    const { orgID } = await server.setup()
    await page.goto('/signin')
    await expect(page).toHaveTitle('Sign in · InfluxDB Tokens')
    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Sign In' }).click()
    await expect(page).toHaveURL(tokensUrl(orgID))
    await expect(page).toHaveTitle(`Tokens · ${ADMIN.org} · InfluxDB Tokens`)
    await page.goto('/no/such/page')
    await expect(page).toHaveTitle('Page not found · InfluxDB Tokens')
  })
})
