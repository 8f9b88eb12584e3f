import { createBuckets, createToken, expect, expectAccessible, openGenerate, test, tokensUrl } from './fixtures.ts'

test('"Copy link" copies the draft link, which reopens the dialog with the same choices', async ({ page, context, server, seeded }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('shared draft')
  await dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'beta' }).check()
  await dialog.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByTestId('notification-success').last()).toContainText('Link copied')
  const link = await page.evaluate(() => navigator.clipboard.readText())
  expect(link).toBe(page.url())
  expect(link).toContain('draft=')
  expect(link).not.toContain(seeded.operatorToken)
  const teammate = await context.newPage()
  await teammate.goto(link)
  const reopened = teammate.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(reopened.getByRole('textbox', { name: 'Description' })).toHaveValue('shared draft')
  await expect(reopened.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'beta' })).toBeChecked()
})

test('the clone dialog is titled after what it clones', async ({ page, server, seeded }) => {
  await createToken(server, seeded.orgID, 'nightly export', [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } }])
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('row', { name: /nightly export/ }).getByRole('button', { name: 'Clone' }).click()
  await expect(page.getByRole('dialog', { name: 'Clone nightly export' })).toBeVisible()
  await expectAccessible(page)
})

test('"Filter Tokens" matches the Owner and Scope columns', async ({ page, server, seeded }) => {
  const ids = await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
  await createToken(server, seeded.orgID, 'ci writer', [{ action: 'write', resource: { type: 'buckets', orgID: seeded.orgID, id: ids.alpha } }])
  await createToken(server, seeded.orgID, 'boards', [{ action: 'read', resource: { type: 'dashboards', orgID: seeded.orgID } }])
  await page.goto(tokensUrl(seeded.orgID))
  const table = page.getByRole('table', { name: 'Tokens' })
  const filter = page.getByRole('textbox', { name: 'Filter Tokens' })
  await filter.fill('write 1 bucket')
  await expect(table.getByRole('row', { name: /ci writer/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /boards/ })).toHaveCount(0)
  await filter.fill('custom')
  await expect(table.getByRole('row', { name: /boards/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /ci writer/ })).toHaveCount(0)
  await filter.fill('admin')
  await expect(table.getByRole('row', { name: /ci writer/ })).toBeVisible()
})

test('a filter that matches nothing offers "Clear filter"', async ({ page, server, seeded }) => {
  await createToken(server, seeded.orgID, 'boards', [{ action: 'read', resource: { type: 'dashboards', orgID: seeded.orgID } }])
  await page.goto(tokensUrl(seeded.orgID, '?searchTerm=no%20such%20token'))
  const filter = page.getByRole('textbox', { name: 'Filter Tokens' })
  await expect(page.getByText('No Tokens match your query')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Clear filter' }).click()
  await expect(filter).toHaveValue('')
  await expect(page.getByRole('table', { name: 'Tokens' }).getByRole('row', { name: /boards/ })).toBeVisible()
})

test('the Bucket filter lists the buckets when focused, before anything is typed', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('combobox', { name: 'Bucket' }).focus()
  const list = page.getByRole('listbox', { name: 'Buckets' })
  await expect(list.getByRole('option', { name: 'alpha' })).toBeVisible()
  await expect(list.getByRole('option', { name: 'beta' })).toBeVisible()
  await expectAccessible(page)
})

test('details: a link of its own, a resource × read/write grid, and Activate/Deactivate, Clone and Delete', async ({ page, server, seeded }) => {
  const ids = await createBuckets(server, seeded.orgID, ['alpha'])
  const token = await createToken(server, seeded.orgID, 'reporting', [
    { action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } },
    { action: 'write', resource: { type: 'buckets', orgID: seeded.orgID, id: ids.alpha } },
    { action: 'read', resource: { type: 'dashboards', orgID: seeded.orgID } },
  ])
  await page.goto(tokensUrl(seeded.orgID, `?token=${token.id}`))
  const dialog = page.getByRole('dialog', { name: 'reporting' })
  const grid = dialog.getByRole('table', { name: /Permissions/ })
  await expect(grid.getByRole('columnheader')).toHaveText(['Resource', 'Read', 'Write'])
  const buckets = grid.getByRole('row', { name: /^Buckets/ })
  await expect(buckets.getByRole('cell').nth(0)).toHaveText('all buckets of acme, including buckets created later')
  await expect(buckets.getByRole('cell').nth(1)).toHaveText('alpha')
  await expect(grid.getByRole('row', { name: /^Dashboards/ }).getByRole('cell').nth(1)).toHaveText('—none')
  await expectAccessible(page)

  await dialog.getByRole('button', { name: 'Deactivate' }).click()
  await expect(dialog.getByRole('button', { name: 'Activate', exact: true })).toBeVisible()
  await expect.poll(async () => (await server.api('GET', `/api/v2/authorizations/${token.id}`)).body.status).toBe('inactive')
  await dialog.getByRole('button', { name: 'Activate', exact: true }).click()
  await expect.poll(async () => (await server.api('GET', `/api/v2/authorizations/${token.id}`)).body.status).toBe('active')

  await dialog.getByRole('button', { name: 'Clone' }).click()
  await expect(page.getByRole('dialog', { name: 'Clone reporting' })).toBeVisible()
  await expect(page).not.toHaveURL(/token=/)
  await page.getByRole('dialog', { name: 'Clone reporting' }).getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('row', { name: /reporting/ }).getByRole('button', { name: 'reporting' }).click()
  await expect(page).toHaveURL(new RegExp(`token=${token.id}`))
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await page.getByRole('alertdialog', { name: 'Delete token?' }).getByRole('button', { name: 'Delete' }).click()
  await expect.poll(async () => (await server.api('GET', `/api/v2/authorizations/${token.id}`)).status).toBe(404)
})

test('Try it writes to a bucket the token can write, starts with one verdict, lists allowed buckets first, in two requests', async ({ page, server, seeded }) => {
  const names = ['alpha', 'beta', ...Array.from({ length: 20 }, (_, i) => `other-${String(i).padStart(2, '0')}`)]
  await createBuckets(server, seeded.orgID, names)
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('group', { name: 'Read' }).getByRole('searchbox', { name: 'Search buckets' }).fill('-1')
  await dialog.getByRole('group', { name: 'Read' }).getByRole('button', { name: 'Select 10 shown', exact: true }).click()
  await dialog.getByRole('group', { name: 'Read' }).getByRole('searchbox', { name: 'Search buckets' }).fill('')
  await dialog.getByRole('group', { name: 'Write' }).getByRole('searchbox', { name: 'Search buckets' }).fill('other-19')
  await dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'other-19' }).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  const created = page.getByRole('dialog', { name: 'Token created' })
  // alpha comes first alphabetically, but the token cannot write it.
  await expect(created.getByRole('combobox', { name: 'Bucket to write a test point to' })).toHaveValue(/.+/)
  await expect(created.getByRole('combobox', { name: 'Bucket to write a test point to' }).locator('option:checked')).toHaveText('other-19')

  const requests: string[] = []
  const failed: string[] = []
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`))
  page.on('response', (response) => response.status() >= 400 && failed.push(response.url()))
  await created.getByRole('button', { name: 'Try it' }).click()
  await expect(created.getByRole('status').filter({ hasText: 'Can read' })).toHaveText('Can read 10 and write 1 of 23 buckets — as intended')
  const rows = created.getByRole('table', { name: 'Token check results' }).getByRole('row')
  await expect(rows.nth(1)).toContainText('other-10')
  await expect(rows.nth(10)).toContainText('other-19Allowed')
  await expect(rows.nth(11)).toContainText('alphaRefused')
  expect(requests).toEqual(['GET /api/v2/buckets', 'POST /api/v2/write'])
  expect(failed).toEqual([])
  await expectAccessible(page)
})

test('Try it says so and skips the write when the token can write nowhere', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'alpha' }).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  const created = page.getByRole('dialog', { name: 'Token created' })
  await expect(created).toContainText('This token cannot write to any bucket, so no test point will be written.')
  await expect(created.getByRole('combobox', { name: 'Bucket to write a test point to' })).toHaveCount(0)
  const writes: string[] = []
  page.on('request', (request) => request.url().includes('/api/v2/write') && writes.push(request.url()))
  await created.getByRole('button', { name: 'Try it' }).click()
  await expect(created.getByRole('status').filter({ hasText: 'Can read' })).toHaveText('Can read 1 and write 0 of 2 buckets — as intended')
  expect(writes).toEqual([])
  await expectAccessible(page)
})
