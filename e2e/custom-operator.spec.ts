import { ADMIN, createBuckets, createToken, expect, expectAccessible, openGenerate, test, tokensUrl, writePoint } from './fixtures.ts'

test('Custom: type rows and an individual write bucket make exactly that token', async ({ page, server, seeded }) => {
  const ids = await createBuckets(server, seeded.orgID, ['events', 'archive'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Custom Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Custom Token' })
  const save = dialog.getByRole('button', { name: 'Save' })
  const table = dialog.getByRole('table', { name: 'Resources' })
  await expect(table.getByRole('columnheader')).toHaveText(['Resource', 'Read', 'Write'])
  await expect(table.getByRole('checkbox', { name: 'Read instance' })).toHaveCount(0)
  await expect(save).toBeDisabled()
  await expect(dialog.getByText('Choose at least one permission.')).toBeVisible()

  await dialog.getByRole('textbox', { name: 'Description' }).fill('dashboard editor')
  await table.getByRole('checkbox', { name: 'Read dashboards' }).check()
  await table.getByRole('checkbox', { name: 'Write dashboards' }).check()
  await table.getByRole('checkbox', { name: 'Read tasks' }).check()
  const writeBuckets = dialog.getByRole('group', { name: 'Write individual buckets' })
  await writeBuckets.getByRole('searchbox', { name: 'Search buckets' }).fill('eve')
  await writeBuckets.getByRole('checkbox', { name: 'events' }).check()
  await expect(writeBuckets.getByText('1 selected')).toBeVisible()

  // The type-wide box covers every bucket, so the picker gives way to it and comes back as it was.
  await table.getByRole('checkbox', { name: 'Write buckets' }).check()
  await expect(writeBuckets.getByRole('searchbox')).toHaveCount(0)
  await expect(writeBuckets).toContainText('already grants: write data in all buckets of acme, including buckets created later')
  await table.getByRole('checkbox', { name: 'Write buckets' }).uncheck()
  await expect(writeBuckets.getByText('1 selected')).toBeVisible()
  await expect(save).toBeEnabled()

  await dialog.getByRole('tab', { name: 'CLI' }).click()
  const cli = dialog.getByLabel('influx CLI command')
  await expect(cli).toContainText('--read-dashboards')
  await expect(cli).toContainText(`--write-bucket ${ids.events}`)
  await expectAccessible(page)

  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v2/authorizations'))
  await save.click()
  expect((await posted).postDataJSON()).toEqual({
    orgID: seeded.orgID,
    description: 'dashboard editor',
    permissions: [
      { action: 'read', resource: { type: 'dashboards', orgID: seeded.orgID } },
      { action: 'write', resource: { type: 'dashboards', orgID: seeded.orgID } },
      { action: 'read', resource: { type: 'tasks', orgID: seeded.orgID } },
      { action: 'write', resource: { type: 'buckets', orgID: seeded.orgID, id: ids.events, name: 'events' } },
    ],
  })
  const created = page.getByRole('dialog', { name: 'Token created' })
  const token = await created.getByRole('textbox', { name: 'Token' }).inputValue()

  // Write-only on one bucket: it may write there, but neither read it nor write elsewhere.
  expect((await server.api('GET', `/api/v2/buckets/${ids.events}`, undefined, token)).status).not.toBe(200)
  expect(await writePoint(server, 'events', token)).toBe(204)
  expect(await writePoint(server, 'archive', token)).not.toBe(204)
  expect(await writePoint(server, ADMIN.bucket, token)).not.toBe(204)
})

test('Custom: "Read all types" ticks every row, and a custom token clones into this dialog', async ({ page, server, seeded }) => {
  const ids = await createBuckets(server, seeded.orgID, ['archive'])
  await createToken(server, seeded.orgID, 'archiver', [
    { action: 'read', resource: { type: 'dashboards', orgID: seeded.orgID } },
    { action: 'write', resource: { type: 'buckets', orgID: seeded.orgID, id: ids.archive } },
  ])
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('row', { name: /archiver/ }).getByRole('button', { name: 'Clone' }).click()
  const dialog = page.getByRole('dialog', { name: 'Clone archiver' })
  const table = dialog.getByRole('table', { name: 'Resources' })
  await expect(table.getByRole('checkbox', { name: 'Read dashboards' })).toBeChecked()
  await expect(table.getByRole('checkbox', { name: 'Write dashboards' })).not.toBeChecked()
  await expect(dialog.getByRole('group', { name: 'Write individual buckets' }).getByRole('checkbox', { name: 'archive' })).toBeChecked()
  await expect(dialog.getByRole('region', { name: 'Changes from the original' })).toContainText('Same permissions as the original.')

  const readAll = dialog.getByRole('checkbox', { name: 'Read all types' })
  await expect(readAll).toHaveJSProperty('indeterminate', true)
  await readAll.check()
  const readBoxes = table.getByRole('checkbox', { name: /^Read / })
  await expect(readBoxes.first()).toBeChecked()
  expect(await readBoxes.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true)
  await expect(dialog.getByRole('group', { name: 'Read individual buckets' })).toContainText('already grants: read data in all buckets of acme, including buckets created later')
  await readAll.uncheck()
  await expect(table.getByRole('checkbox', { name: 'Read dashboards' })).not.toBeChecked()
})

test('Operator: offered to the setup user, confirmed by typing OPERATOR, and it sees every org', async ({ page, server, seeded }) => {
  const other = await server.api('POST', '/api/v2/orgs', { name: 'globex' })
  expect(other.status).toBe(201)
  const globexToken = await createToken(server, other.body.id, 'globex reader', [{ action: 'read', resource: { type: 'buckets', orgID: other.body.id } }])

  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Operator Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Operator Token' })
  await expect(dialog).toContainText('read and change every organization, user and token')
  await expect(dialog).toContainText('creating more operator tokens')
  const save = dialog.getByRole('button', { name: 'Save' })
  const confirm = dialog.getByRole('textbox', { name: 'Type OPERATOR to confirm' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('second operator')
  await expect(save).toBeDisabled()
  await confirm.fill('operator')
  await expect(save).toBeDisabled()
  await confirm.fill('OPERATOR')
  await expect(save).toBeEnabled()
  await expectAccessible(page)
  await save.click()
  const token = await page.getByRole('dialog', { name: 'Token created' }).getByRole('textbox', { name: 'Token' }).inputValue()

  const listed = await server.api('GET', '/api/v2/authorizations', undefined, token)
  expect(listed.status).toBe(200)
  const descriptions = listed.body.authorizations.map((a: { description: string }) => a.description)
  expect(descriptions).toEqual(expect.arrayContaining(["admin's Token", 'globex reader', 'second operator']))
  expect(listed.body.authorizations.some((a: { id: string }) => a.id === globexToken.id)).toBe(true)
  const mine = listed.body.authorizations.find((a: { description: string }) => a.description === 'second operator')
  expect(mine.permissions.every((p: { resource: { id?: string; orgID?: string } }) => p.resource.id === undefined && p.resource.orgID === undefined)).toBe(true)
  expect(mine.permissions.some((p: { resource: { type: string } }) => p.resource.type === 'instance')).toBe(false)
})

test('Operator: cloning the operator token opens the Operator dialog', async ({ page, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('row', { name: /admin's Token/ }).getByRole('button', { name: 'Clone' }).click()
  const dialog = page.getByRole('dialog', { name: "Clone admin's Token" })
  await expect(dialog.getByRole('textbox', { name: 'Type OPERATOR to confirm' })).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  await expect(dialog.getByRole('region', { name: 'Changes from the original' })).toContainText('Same permissions as the original.')
})

test('keyboard: ArrowDown reaches Custom Token and Operator Token', async ({ page, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  const generate = page.getByRole('button', { name: 'Generate', exact: true })
  // The Operator item follows the user's own tokens; wait until they are known.
  await generate.click()
  await expect(page.getByRole('menuitem', { name: 'Operator Token' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(generate).toBeFocused()

  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Read/Write Token' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'All-Access Token' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Custom Token' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Operator Token' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Generate Custom Token' }).getByRole('textbox', { name: 'Description' })).toBeFocused()
})

test('Operator Token is not offered to a user without an operator token', async ({ page, server }) => {
  const { orgID } = await server.setup()
  const user = await server.api('POST', '/api/v2/users', { name: 'viewer' })
  expect(user.status).toBe(201)
  expect((await server.api('POST', `/api/v2/users/${user.body.id}/password`, { password: 'viewer-password-1' })).status).toBe(204)
  // The server has no org-owner endpoint, so a token of theirs in acme lets them open its Tokens page.
  const granted = await server.api('POST', '/api/v2/authorizations', {
    orgID,
    userID: user.body.id,
    description: 'viewer access',
    permissions: [
      { action: 'read', resource: { type: 'orgs', id: orgID } },
      { action: 'read', resource: { type: 'orgs' } },
      { action: 'read', resource: { type: 'authorizations', orgID } },
      { action: 'write', resource: { type: 'authorizations', orgID } },
      { action: 'read', resource: { type: 'buckets', orgID } },
    ],
  })
  expect(granted.status).toBe(201)
  const basic = Buffer.from('viewer:viewer-password-1').toString('base64')
  expect((await page.request.post('/api/v2/signin', { headers: { Authorization: `Basic ${basic}` } })).status()).toBe(204)

  // With no operator token of theirs in this org, opening the menu asks for all of the user's own
  // tokens; only once they have loaded is a missing item meaningful.
  await page.goto(tokensUrl(orgID))
  await expect(page.getByRole('row', { name: /viewer access/ })).toBeVisible()
  const ownTokens = page.waitForResponse((r) => r.url().includes(`/api/v2/authorizations?userID=${user.body.id}`) && r.ok())
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await ownTokens
  await expect(page.getByRole('menuitem', { name: 'Custom Token' })).toBeVisible()
  await expect(page.getByRole('menuitem')).toHaveCount(3)
  await expect(page.getByRole('menuitem', { name: 'Operator Token' })).toHaveCount(0)
})
