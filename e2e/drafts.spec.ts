import { ADMIN, createBuckets, createToken, expect, openGenerate, test, tokensUrl } from './fixtures.ts'

test('a Generate dialog draft lives in the URL, so a link reopens it with the same choices', async ({ page, context, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('shared draft é')
  await dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'beta' }).check()
  await dialog.getByRole('group', { name: 'Write' }).getByRole('radio', { name: 'All Buckets' }).check()
  await expect(page).toHaveURL(/generate=read-write.*draft=/)
  const link = page.url()
  expect(link).not.toMatch(/[A-Za-z0-9_-]{86}==/)

  const teammate = await context.newPage()
  await teammate.goto(link)
  const reopened = teammate.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(reopened.getByRole('textbox', { name: 'Description' })).toHaveValue('shared draft é')
  await expect(reopened.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'beta' })).toBeChecked()
  await expect(reopened.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'alpha' })).not.toBeChecked()
  await expect(reopened.getByRole('group', { name: 'Write' }).getByRole('radio', { name: 'All Buckets' })).toBeChecked()

  // Cancel forgets the draft; Back does not reopen the dialog.
  await reopened.getByRole('button', { name: 'Cancel' }).click()
  await expect(teammate).toHaveURL(tokensUrl(seeded.orgID))
})

test('a long description typed key by key, then a reload, reopens the dialog with all of it', async ({ page, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  const text = 'nightly backup of the sensors bucket, read only'
  await dialog.getByRole('textbox', { name: 'Description' }).pressSequentially(text)
  await page.reload()
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue(text)
})

test('a session that expires during Save comes back to the dialog with the draft restored', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('after sign-in')
  await dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' }).check()

  expect((await page.request.post('/api/v2/signout')).status()).toBe(204)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page).toHaveURL(/\/signin\?returnTo=/)
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign In' }).click()

  const restored = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(restored.getByRole('textbox', { name: 'Description' })).toHaveValue('after sign-in')
  await expect(restored.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' })).toBeChecked()
  await restored.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog', { name: 'Token created' })).toBeVisible()
  await expect(page).not.toHaveURL(/draft=|generate=/)
  const list = await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)
  expect(list.body.authorizations.filter((a: any) => a.description === 'after sign-in')).toHaveLength(1)
})

test('a clone link opens the clone dialog of that token', async ({ page, server, seeded }) => {
  const ids = await createBuckets(server, seeded.orgID, ['alpha'])
  const source = await createToken(server, seeded.orgID, 'ingest', [{ action: 'write', resource: { type: 'buckets', orgID: seeded.orgID, id: ids.alpha } }])
  await page.goto(tokensUrl(seeded.orgID, `?clone=${source.id}`))
  const dialog = page.getByRole('dialog', { name: 'Clone ingest' })
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('ingest (clone)')
  await expect(dialog.getByRole('group', { name: 'Write' }).getByRole('checkbox', { name: 'alpha' })).toBeChecked()
})
