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
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('reader (clone)')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

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
