import { createBuckets, createToken, expect, expectAccessible, openGenerate, refuseTokenCreation, test, tokensUrl } from './fixtures.ts'

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

test('a failed Save answers beside Save: an alert in the footer, in view and focused, with every input kept', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, Array.from({ length: 30 }, (_, i) => `bucket-${String(i).padStart(2, '0')}`))
  await refuseTokenCreation(page)
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('kept')
  await dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'bucket-03' }).check()
  const save = dialog.getByRole('button', { name: 'Save' })
  await save.click()
  const alert = dialog.getByRole('alert')
  await expect(alert).toHaveText('Failed to create token: permission write:orgs/x/buckets is not allowed')
  await expect(alert).toBeInViewport({ ratio: 1 })
  await expect(alert).toBeFocused()
  // Beside Save: on the same line of the footer.
  const [alertBox, saveBox] = [await alert.boundingBox(), await save.boundingBox()]
  expect(alertBox && saveBox && Math.abs(alertBox.y + alertBox.height / 2 - (saveBox.y + saveBox.height / 2))).toBeLessThan(12)
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('kept')
  await expect(dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'bucket-03' })).toBeChecked()
  await expectAccessible(page)
})

for (const width of [1280, 390]) {
  test(`toasts never cover a dialog's footer buttons (${width} px)`, async ({ page, server, seeded }) => {
    await createBuckets(server, seeded.orgID, Array.from({ length: 30 }, (_, i) => `bucket-${String(i).padStart(2, '0')}`))
    await createToken(server, seeded.orgID, 'ci writer', [{ action: 'write', resource: { type: 'buckets', orgID: seeded.orgID } }])
    await page.setViewportSize({ width, height: 800 })
    await page.goto(tokensUrl(seeded.orgID))
    // A toast from the list is still shown when a tall dialog opens over it.
    await page.getByRole('switch', { name: 'Active: ci writer' }).click()
    const toast = page.getByTestId('notification-success').last()
    await expect(toast).toHaveText(/Token was updated successfully/)
    await openGenerate(page, 'Read/Write Token')
    const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
    for (const name of ['Cancel', 'Save']) {
      const button = dialog.getByRole('button', { name })
      await expect(button).toBeInViewport()
      await expect.poll(async () => overlaps((await toast.boundingBox())!, (await button.boundingBox())!)).toBe(false)
    }
    await expect(toast).toBeInViewport()
  })
}

test('All-Access and Operator tokens require a description, said inline', async ({ page, server, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'All-Access Token')
  const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
  const description = dialog.getByRole('textbox', { name: 'Description' })
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(description).toHaveAttribute('aria-invalid', 'true')
  await expect(description).toHaveAccessibleDescription(/needs a description/)
  await expect(description).toBeFocused()
  await expectAccessible(page)
  await description.fill('   ')
  await description.press('Enter')
  await expect(dialog.getByText(/needs a description/)).toBeVisible()
  expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(1)
  await description.fill('deploy bot')
  await description.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Token created' })).toBeVisible()
  await page.getByRole('dialog', { name: 'Token created' }).getByRole('button', { name: 'Done' }).click()
  await page.getByRole('button', { name: 'Close without copying' }).click()

  await openGenerate(page, 'Operator Token')
  const operator = page.getByRole('dialog', { name: 'Generate Operator Token' })
  await operator.getByRole('textbox', { name: 'Type OPERATOR to confirm' }).fill('OPERATOR')
  await operator.getByRole('button', { name: 'Save' }).click()
  await expect(operator.getByRole('textbox', { name: 'Description' })).toHaveAccessibleDescription(/needs a description/)
  expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(2)
})

test('a failed rename keeps the edit open with the typed text and an inline error', async ({ page, server, seeded }) => {
  const { id } = await createToken(server, seeded.orgID, 'old name', [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } }])
  await page.route(`**/api/v2/authorizations/${id}`, (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ code: 'invalid', message: 'description is too long' }) })
      : route.continue(),
  )
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('row', { name: /old name/ }).getByRole('button', { name: 'Rename' }).click()
  const box = page.getByRole('textbox', { name: 'Description' })
  await box.fill('a new name')
  await box.press('Enter')
  await expect(box).toBeVisible()
  await expect(box).toHaveValue('a new name')
  await expect(box).toHaveAttribute('aria-invalid', 'true')
  await expect(box).toHaveAccessibleDescription('Could not rename: description is too long')
  await expectAccessible(page)
  await page.unroute(`**/api/v2/authorizations/${id}`)
  await box.press('Enter')
  await expect(box).toBeHidden()
  await expect(page.getByRole('row', { name: /a new name/ })).toBeVisible()
  await expect.poll(async () => (await server.api('GET', `/api/v2/authorizations/${id}`)).body.description).toBe('a new name')
})

test('after Done, the new token is scrolled into view and highlighted for a few seconds', async ({ page, server, seeded }) => {
  for (let i = 0; i < 60; i++) await createToken(server, seeded.orgID, `job ${String(i).padStart(2, '0')}`, [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } }])
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('row', { name: /job 00/ })).toBeVisible()
  await openGenerate(page, 'All-Access Token')
  const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('zz newest')
  await dialog.getByRole('button', { name: 'Save' }).click()
  const created = page.getByRole('dialog', { name: 'Token created' })
  await created.getByRole('button', { name: 'Done' }).click()
  await created.getByRole('button', { name: 'Close without copying' }).click()
  const row = page.getByRole('row', { name: /zz newest/ })
  await expect(row).toBeInViewport()
  await expect(row).toHaveAttribute('data-highlighted', 'true')
  await expect(row.getByText('New', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await expect(row).not.toHaveAttribute('data-highlighted', 'true', { timeout: 10_000 })
})
