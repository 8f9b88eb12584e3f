import type { Page } from '@playwright/test'
import { createToken, expect, expectAccessible, test, tokensUrl, type SetupResult, type TestServer } from './fixtures.ts'

async function seedTokens(server: TestServer, seeded: SetupResult) {
  const read = [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID, id: seeded.bucketID } }]
  const write = [{ action: 'write', resource: { type: 'buckets', orgID: seeded.orgID } }]
  await createToken(server, seeded.orgID, 'ci writer', write)
  await createToken(server, seeded.orgID, 'Grafana reader', read)
  await createToken(server, seeded.orgID, 'backup job', [...read, ...write], 'inactive')
  await createToken(server, seeded.orgID, '', read)
  await createToken(server, seeded.orgID, 'alpha 10', read)
  await createToken(server, seeded.orgID, 'alpha 9', read)
}

function descriptions(page: Page) {
  return page.getByRole('table', { name: 'Tokens' }).locator('tbody tr[aria-rowindex] td:nth-child(2)').allInnerTexts()
}

test('the list shows every token of the org with status, owner and scope', async ({ page, server, seeded }) => {
  await seedTokens(server, seeded)
  await page.goto(tokensUrl(seeded.orgID))
  const table = page.getByRole('table', { name: 'Tokens' })
  await expect(table.getByRole('row')).toHaveCount(8)
  await expect(table).toHaveAttribute('aria-rowcount', '8')
  for (const header of ['Description', 'Status', 'Created', 'Owner', 'Scope']) {
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible()
  }
  const backup = table.getByRole('row', { name: /backup job/ })
  await expect(backup).toContainText('Inactive')
  await expect(backup).toContainText('Read 1 · Write all buckets')
  await expect(table.getByRole('row', { name: /Grafana reader/ })).toContainText('Read 1 bucket')
  await expect(table.getByRole('row', { name: /ci writer/ })).toContainText('admin')
  await expect(table.getByText('Describe this Token')).toBeVisible()
  const created = table.getByRole('row', { name: /ci writer/ }).locator('time')
  await expect(created).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  await expect(created).toHaveAttribute('title', /ago|now/)
  await expectAccessible(page)
})

test('every sort order, kept in the URL across a reload', async ({ page, server, seeded }) => {
  await seedTokens(server, seeded)
  await page.goto(tokensUrl(seeded.orgID))
  const sort = page.getByRole('combobox', { name: 'Sort by' })
  await expect(sort.locator('option')).toHaveText([
    'Description (A → Z)',
    'Description (Z → A)',
    'Status (Active)',
    'Status (Inactive)',
    'Date Created (Oldest)',
    'Date Created (Newest)',
  ])
  const byCreation = ["admin's Token", 'ci writer', 'Grafana reader', 'backup job', 'Describe this Token', 'alpha 10', 'alpha 9']
  const expected: Record<string, string[]> = {
    'Description (A → Z)': ['Describe this Token', "admin's Token", 'alpha 9', 'alpha 10', 'backup job', 'ci writer', 'Grafana reader'],
    'Description (Z → A)': ['Grafana reader', 'ci writer', 'backup job', 'alpha 10', 'alpha 9', "admin's Token", 'Describe this Token'],
    'Status (Active)': byCreation.filter((d) => d !== 'backup job').concat('backup job'),
    'Status (Inactive)': ['backup job', ...byCreation.filter((d) => d !== 'backup job')],
    'Date Created (Oldest)': byCreation,
    'Date Created (Newest)': [...byCreation].reverse(),
  }
  await expect.poll(() => descriptions(page)).toEqual(expected['Description (A → Z)'])
  for (const [label, order] of Object.entries(expected)) {
    await sort.selectOption({ label })
    await expect.poll(() => descriptions(page)).toEqual(order)
  }
  await expect(page).toHaveURL(/sortKey=created-newest/)
  await page.reload()
  await expect(sort).toHaveValue('created-newest')
  await expect.poll(() => descriptions(page)).toEqual(expected['Date Created (Newest)'])
})

test('filtering matches description, status and creation date as you type', async ({ page, server, seeded }) => {
  await seedTokens(server, seeded)
  await page.goto(tokensUrl(seeded.orgID))
  const filter = page.getByRole('textbox', { name: 'Filter Tokens' })
  const today = await page.getByRole('row', { name: /ci writer/ }).locator('time').innerText()
  await filter.fill('ALPHA')
  await expect.poll(() => descriptions(page)).toEqual(['alpha 9', 'alpha 10'])
  await filter.fill('inactive')
  await expect.poll(() => descriptions(page)).toEqual(['backup job'])
  await filter.fill(today.slice(0, 10))
  await expect(page.getByRole('table', { name: 'Tokens' }).getByRole('row')).toHaveCount(8)
  await filter.fill('grafana')
  await page.reload()
  await expect(filter).toHaveValue('grafana')
  await expect.poll(() => descriptions(page)).toEqual(['Grafana reader'])
  await filter.fill('no such token')
  await expect(page.getByText('No Tokens match your query')).toBeVisible()
})

test('a long filter typed key by key is whole after a reload, though the URL follows typing at a limited rate', async ({ page, server, seeded }) => {
  await seedTokens(server, seeded)
  await page.goto(tokensUrl(seeded.orgID))
  const filter = page.getByRole('textbox', { name: 'Filter Tokens' })
  // More keystrokes than the URL is rewritten for at once (browsers cap history changes).
  const text = 'grafana reader '.repeat(4).trim()
  await filter.pressSequentially(text)
  await page.reload()
  await expect(filter).toHaveValue(text)
})

test('an org without tokens invites to generate one, and the org switcher moves between orgs', async ({ page, server, seeded }) => {
  const other = await server.api('POST', '/api/v2/orgs', { name: 'empty-org' })
  expect(other.status).toBe(201)
  await page.goto(tokensUrl(other.body.id))
  const empty = page.getByRole('region', { name: 'No tokens' })
  await expect(empty).toContainText("Looks like there aren't any Tokens, why not generate one?")
  await empty.getByRole('button', { name: 'Generate', exact: true }).click()
  await expect(page.getByRole('menuitem', { name: 'Read/Write Token' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expectAccessible(page)

  await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'acme' })
  await expect(page).toHaveURL(tokensUrl(seeded.orgID))
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
})

test('a failed load shows the server message and retries', async ({ page, seeded }) => {
  let fail = true
  await page.route('**/api/v2/authorizations?*', (route) =>
    fail
      ? route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'unavailable', message: 'storage is warming up' }) })
      : route.continue(),
  )
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('alert')).toContainText('storage is warming up', { timeout: 15_000 })
  fail = false
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
})

test('a list that is not JSON shows the error and retries', async ({ page, seeded }) => {
  let broken = true
  await page.route('**/api/v2/authorizations?*', (route) =>
    broken ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"authorizations":[{"id":' }) : route.continue(),
  )
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('alert')).toContainText('The token list could not be read', { timeout: 15_000 })
  broken = false
  await page.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
})

test('a list answered 401 ends the session, as any other request', async ({ page, seeded }) => {
  await page.route('**/api/v2/authorizations?*', (route) =>
    route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ code: 'unauthorized', message: 'unauthorized access' }) }),
  )
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page).toHaveURL(/\/signin\?returnTo=/)
  await expect(page.getByText('Your session has ended')).toBeVisible()
})

test('the page works at phone width', async ({ page, seeded }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Read/Write Token' }).click()
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(dialog).toBeVisible()
  const box = await dialog.boundingBox()
  expect(box && box.width).toBeLessThanOrEqual(390)
})

test('a long list renders only the rows on screen and scrolls to the end', async ({ page, server, seeded }) => {
  const read = [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID, id: seeded.bucketID } }]
  for (let i = 0; i < 300; i++) await createToken(server, seeded.orgID, `bulk ${String(i).padStart(3, '0')}`, read)
  await page.goto(tokensUrl(seeded.orgID))
  const table = page.getByRole('table', { name: 'Tokens' })
  await expect(table).toHaveAttribute('aria-rowcount', '302')
  await expect(table.getByRole('row', { name: /bulk 000/ })).toBeVisible()
  // The first screen may come before the sorted whole; then the table stops being busy.
  await expect(table).not.toHaveAttribute('aria-busy', 'true')
  await expect(table.getByRole('checkbox', { name: 'Select all shown tokens' })).toBeEnabled()
  expect(await table.getByRole('row').count()).toBeLessThan(60)
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  const last = table.getByRole('row', { name: /bulk 299/ })
  await expect(last).toBeVisible()
  await expect(last).toHaveAttribute('aria-rowindex', '302')
  expect(await table.getByRole('row').count()).toBeLessThan(60)
  await page.getByRole('textbox', { name: 'Filter Tokens' }).fill('bulk 29')
  await expect(table.getByRole('row', { name: /bulk 299/ })).toBeVisible()
})
