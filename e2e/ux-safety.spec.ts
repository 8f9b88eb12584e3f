import { createBuckets, createToken, expect, expectAccessible, openGenerate, test, tokensUrl, type SetupResult, type TestServer } from './fixtures.ts'

function readAll(seeded: SetupResult) {
  return [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } }]
}

async function listed(server: TestServer, seeded: SetupResult) {
  return (await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations as Array<{ id: string; description: string; status: string }>
}

test('a Generate dialog with changes asks "Discard changes?" on Escape, Cancel and ✕; one without changes just closes', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  await createToken(server, seeded.orgID, 'reader', readAll(seeded))
  await page.goto(tokensUrl(seeded.orgID))

  // Nothing changed: closes at once, a clone too.
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'alpha' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByRole('row', { name: /reader/ }).getByRole('button', { name: 'Clone' }).click()
  const clone = page.getByRole('dialog', { name: 'Clone reader' })
  await expect(clone.getByRole('textbox', { name: 'Description' })).toHaveValue('reader (clone)')
  await clone.getByRole('button', { name: 'Cancel' }).click()
  await expect(clone).toBeHidden()

  await openGenerate(page, 'Read/Write Token')
  await dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' }).check()
  const ask = page.getByRole('alertdialog', { name: 'Discard changes?' })
  await page.keyboard.press('Escape')
  await expect(ask).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await expectAccessible(page)
  await ask.getByRole('button', { name: 'Keep editing' }).click()
  await expect(ask).toBeHidden()
  await expect(dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' })).toBeChecked()

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await ask.getByRole('button', { name: 'Keep editing' }).click()
  await dialog.getByRole('textbox', { name: 'Description' }).fill('typed')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await ask.getByRole('button', { name: 'Discard' }).click()
  await expect(dialog).toBeHidden()
  expect(await listed(server, seeded)).toHaveLength(2)
})

test('the bulk bar moves no row, offers only what would change, and counts only real changes', async ({ page, server, seeded }) => {
  for (const name of ['job a', 'job b', 'job c']) await createToken(server, seeded.orgID, name, readAll(seeded))
  await createToken(server, seeded.orgID, 'job d', readAll(seeded), 'inactive')
  await page.goto(tokensUrl(seeded.orgID))
  const rowB = page.getByRole('row', { name: /job b/ })
  const before = await rowB.boundingBox()
  await page.getByRole('checkbox', { name: 'Select job a' }).check()
  const toolbar = page.getByRole('toolbar', { name: 'Selected tokens' })
  await expect(toolbar).toContainText('1 selected')
  expect(await rowB.boundingBox()).toEqual(before)
  await expect(toolbar.getByRole('button', { name: 'Deactivate selected' })).toBeVisible()
  await expect(toolbar.getByRole('button', { name: 'Activate selected', exact: true })).toHaveCount(0)

  await page.getByRole('checkbox', { name: 'Select job d' }).check()
  await expect(toolbar.getByRole('button', { name: 'Activate selected', exact: true })).toBeVisible()
  await page.getByRole('checkbox', { name: 'Select job b' }).check()
  await toolbar.getByRole('button', { name: 'Deactivate selected' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Deactivate 2 tokens?' })
  await expect(confirm.getByRole('list', { name: 'Tokens' }).getByRole('listitem')).toHaveText(['job a', 'job b'])
  await expectAccessible(page)
  await confirm.getByRole('button', { name: 'Deactivate' }).click()
  await expect(page.getByTestId('notification-success').last()).toHaveText(/^2 tokens were deactivated successfully/)
  await expect(toolbar.getByRole('button', { name: 'Deactivate selected' })).toHaveCount(0)
  await toolbar.getByRole('button', { name: 'Activate selected', exact: true }).click()
  await expect(page.getByTestId('notification-success').last()).toHaveText(/^3 tokens were activated successfully/)
  await expect.poll(async () => (await listed(server, seeded)).filter((a) => a.status === 'inactive').length).toBe(0)
})

test('bulk delete names the tokens it deletes: the first five and "and N more"', async ({ page, server, seeded }) => {
  for (let i = 1; i <= 7; i++) await createToken(server, seeded.orgID, `batch ${i}`, readAll(seeded))
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('textbox', { name: 'Filter Tokens' }).fill('batch')
  await page.getByRole('checkbox', { name: 'Select all shown tokens' }).check()
  await page.getByRole('toolbar', { name: 'Selected tokens' }).getByRole('button', { name: 'Delete selected' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete 7 tokens?' })
  await expect(confirm.getByRole('list', { name: 'Tokens' }).getByRole('listitem')).toHaveText(['batch 1', 'batch 2', 'batch 3', 'batch 4', 'batch 5', 'and 2 more'])
  await expectAccessible(page)
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByTestId('notification-success').last()).toHaveText(/^7 tokens were deleted successfully/)
  expect(await listed(server, seeded)).toHaveLength(1)
})

test('deleting or deactivating the last active operator token needs OPERATOR typed and says what is lost', async ({ page, server, seeded }) => {
  await createToken(server, seeded.orgID, 'reader', readAll(seeded))
  await page.goto(tokensUrl(seeded.orgID))
  const operatorRow = page.getByRole('row', { name: /admin's Token/ })

  // The switch asks before turning it off.
  await page.getByRole('switch', { name: "Active: admin's Token" }).click()
  const deactivate = page.getByRole('alertdialog', { name: 'Deactivate the last operator token?' })
  await expect(deactivate).toContainText('no one can create an operator token')
  await expect(deactivate).toContainText('influxd recovery')
  const confirmDeactivate = deactivate.getByRole('button', { name: 'Deactivate' })
  await expect(confirmDeactivate).toBeDisabled()
  await deactivate.getByRole('textbox', { name: 'Type OPERATOR to confirm' }).fill('operator')
  await expect(confirmDeactivate).toBeDisabled()
  await expectAccessible(page)
  await deactivate.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('switch', { name: "Active: admin's Token" })).toHaveAttribute('aria-checked', 'true')

  // Delete from the row.
  await operatorRow.getByRole('button', { name: 'Delete', exact: true }).click()
  const del = page.getByRole('alertdialog', { name: 'Delete token?' })
  await expect(del).toContainText('last active operator token')
  await expect(del.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled()
  await del.getByRole('button', { name: 'Cancel' }).click()

  // Bulk, with another token: still the last operator token.
  await page.getByRole('checkbox', { name: "Select admin's Token" }).check()
  await page.getByRole('checkbox', { name: 'Select reader' }).check()
  await page.getByRole('toolbar', { name: 'Selected tokens' }).getByRole('button', { name: 'Deactivate selected' }).click()
  const bulk = page.getByRole('alertdialog', { name: 'Deactivate 2 tokens?' })
  await expect(bulk.getByRole('button', { name: 'Deactivate' })).toBeDisabled()
  await bulk.getByRole('textbox', { name: 'Type OPERATOR to confirm' }).fill('OPERATOR')
  await bulk.getByRole('button', { name: 'Deactivate' }).click()
  await expect(page.getByTestId('notification-success').last()).toHaveText(/^2 tokens were deactivated successfully/)
  expect((await listed(server, seeded)).every((a) => a.status === 'inactive')).toBe(true)
})

test('a non-operator token, or an operator token with another still active, is deleted without the typed word', async ({ page, server, seeded }) => {
  const resources = (await server.api('GET', '/api/v2/resources')).body as string[]
  const operatorPermissions = resources.filter((type) => type !== 'instance').flatMap((type) => ['read', 'write'].map((action) => ({ action, resource: { type } })))
  await createToken(server, seeded.orgID, 'second operator', operatorPermissions)
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('row', { name: /second operator/ }).getByRole('button', { name: 'Delete', exact: true }).click()
  const del = page.getByRole('alertdialog', { name: 'Delete token?' })
  await expect(del.getByRole('textbox', { name: 'Type OPERATOR to confirm' })).toHaveCount(0)
  await del.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(page.getByRole('row', { name: /second operator/ })).toHaveCount(0)
})

test('browser Back closes an open Generate dialog instead of leaving the page; Forward reopens its draft', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  await createToken(server, seeded.orgID, 'reader', readAll(seeded))
  // A page of the app before this one, with an address of its own.
  await page.goto(tokensUrl('0000000000000000'))
  await page.goto(tokensUrl(seeded.orgID))
  const heading = page.getByRole('heading', { name: 'Load Data' })
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('half done')
  await dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' }).check()
  await page.goBack()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(new RegExp(seeded.orgID))
  await expect(heading).toBeVisible()
  await expect(page).not.toHaveURL(/generate=|draft=/)
  await page.goForward()
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('half done')
  await expect(dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' })).toBeChecked()
  await page.goBack()
  await expect(dialog).toBeHidden()

  // Closed by hand, the dialog leaves no entry behind: Back then leaves the page as it would have.
  await page.getByRole('row', { name: /reader/ }).getByRole('button', { name: 'Clone' }).click()
  await page.getByRole('dialog', { name: 'Clone reader' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page).not.toHaveURL(/clone=/)
  await page.goBack()
  await expect(page).toHaveURL(/0000000000000000/)
})

test('a dialog opened by a link closes with Back onto the list', async ({ page, seeded }) => {
  await page.goto(tokensUrl('0000000000000000'))
  await page.goto(tokensUrl(seeded.orgID, '?generate=all-access'))
  const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
  await expect(dialog).toBeVisible()
  await page.goBack()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  await expect(page).toHaveURL(/load-data\/tokens$/)
})
