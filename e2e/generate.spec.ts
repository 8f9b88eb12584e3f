import { createBuckets, expect, expectAccessible, openGenerate, test, tokensUrl, writePoint } from './fixtures.ts'

test('Read/Write: search, tick buckets, save, copy the token once, and it has exactly that scope', async ({ page, context, server, seeded }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const ids = await createBuckets(server, seeded.orgID, ['iot-sensors', 'billing-events', 'iot-gateways', 'k8s-metrics'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(dialog).toBeVisible()
  const save = dialog.getByRole('button', { name: 'Save' })
  await expect(save).toBeDisabled()

  await dialog.getByRole('textbox', { name: 'Description' }).fill('sensor reader')
  const read = dialog.getByRole('group', { name: 'Read' })
  const write = dialog.getByRole('group', { name: 'Write' })
  await expect(read.getByRole('radio', { name: 'Scoped' })).toBeChecked()
  // Names sorted, system buckets last.
  await expect(read.getByRole('checkbox')).toHaveCount(7)
  const names = await read.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.querySelector('span')?.textContent))
  expect(names).toEqual(['billing-events', 'iot-gateways', 'iot-sensors', 'k8s-metrics', 'telemetry', '_monitoring', '_tasks'])
  await expect(read.getByText('system', { exact: true })).toHaveCount(2)

  await read.getByRole('searchbox', { name: 'Search buckets' }).fill('IOT')
  await expect(read.getByRole('checkbox')).toHaveCount(2)
  await read.getByRole('button', { name: 'Select 2 shown', exact: true }).click()
  await expect(read.getByText('2 selected')).toBeVisible()
  await read.getByRole('searchbox', { name: 'Search buckets' }).fill('')
  await expect(read.getByRole('checkbox', { name: 'telemetry' })).not.toBeChecked()
  await read.getByRole('checkbox', { name: 'iot-gateways' }).uncheck()
  await expect(read.getByText('1 selected')).toBeVisible()
  await expect(save).toBeEnabled()
  await write.getByRole('checkbox', { name: 'billing-events' }).check()
  await write.getByRole('radio', { name: 'All Buckets' }).check()
  await expect(write).toContainText('write data in all buckets of acme, including buckets created later')
  await write.getByRole('radio', { name: 'Scoped' }).check()
  await expect(write.getByRole('checkbox', { name: 'billing-events' })).toBeChecked()
  await expectAccessible(page)

  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v2/authorizations'))
  await save.click()
  expect((await posted).postDataJSON()).toEqual({
    orgID: seeded.orgID,
    description: 'sensor reader',
    permissions: [
      { action: 'read', resource: { type: 'buckets', orgID: seeded.orgID, id: ids['iot-sensors'], name: 'iot-sensors' } },
      { action: 'write', resource: { type: 'buckets', orgID: seeded.orgID, id: ids['billing-events'], name: 'billing-events' } },
    ],
  })
  const created = page.getByRole('dialog', { name: 'Token created' })
  await expect(created).toBeVisible()
  await expect(page.getByTestId('notification-success').first()).toHaveText(/Token was created successfully/)
  await expectAccessible(page)
  const tokenBox = created.getByRole('textbox', { name: 'Token' })
  await expect(tokenBox).toHaveValue(/^[A-Za-z0-9_-]{86}==$/)
  await created.getByRole('button', { name: 'Copy to Clipboard' }).click()
  await expect(created.getByText('Copied')).toBeVisible()
  const token = await page.evaluate(() => navigator.clipboard.readText())
  expect(token).toBe(await tokenBox.inputValue())
  await created.getByRole('button', { name: 'Done' }).click()
  await expect(created).toBeHidden()
  await expect(page.getByRole('row', { name: /sensor reader/ })).toContainText('Read 1 · Write 1 bucket')
  await expect(page.getByRole('button', { name: 'Generate', exact: true })).toBeFocused()

  // The copied token works with exactly the scope shown.
  expect((await server.api('GET', `/api/v2/buckets/${ids['iot-sensors']}`, undefined, token)).status).toBe(200)
  expect((await server.api('GET', `/api/v2/buckets/${ids['iot-gateways']}`, undefined, token)).status).not.toBe(200)
  expect(await writePoint(server, 'billing-events', token)).toBe(204)
  expect(await writePoint(server, 'iot-sensors', token)).not.toBe(204)
  expect(await writePoint(server, 'k8s-metrics', token)).not.toBe(204)
  expect((await server.api('GET', '/api/v2/authorizations', undefined, token)).body.authorizations).toEqual([])
})

test('All-Access: built from the server resource types, shown once, works across the org', async ({ page, server, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'All-Access Token')
  const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
  await expect(dialog).toContainText('create, update, delete, read and write')
  await expectAccessible(page)
  await dialog.getByRole('textbox', { name: 'Description' }).fill('deploy bot')
  await dialog.getByRole('textbox', { name: 'Description' }).press('Enter')
  const created = page.getByRole('dialog', { name: 'Token created' })
  const token = await created.getByRole('textbox', { name: 'Token' }).inputValue()

  const me = await server.api('GET', '/api/v2/me', undefined, token)
  expect(me.status).toBe(200)
  const list = await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)
  const auth = list.body.authorizations.find((a: { description: string }) => a.description === 'deploy bot')
  expect(auth.permissions).toHaveLength(43)
  expect(auth.permissions.some((p: { resource: { type: string } }) => p.resource.type === 'instance')).toBe(false)
  // The embedded server keeps only a hash (as InfluxDB 2.9+ does); InfluxDB 2.7 returns the value on GET.
  expect(auth.token).toBe(process.env.E2E_UPSTREAM === 'influxd' ? token : '')
  expect((await server.api('GET', `/api/v2/buckets?orgID=${seeded.orgID}`, undefined, token)).body.buckets.length).toBeGreaterThan(0)

  // Closing before copying asks first.
  await created.getByRole('button', { name: 'Done' }).click()
  await expect(created.getByRole('alert')).toContainText('cannot be shown again')
  await created.getByRole('button', { name: 'Close without copying' }).click()
  await expect(created).toBeHidden()
  await expect(page.getByRole('row', { name: /deploy bot/ })).toContainText('All-Access')
})

test('a failed save keeps the dialog open with every input as it was', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
  await page.route('**/api/v2/authorizations', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ code: 'forbidden', message: 'permission write:orgs/x/buckets is not allowed' }) })
      : route.continue(),
  )
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('kept')
  const read = dialog.getByRole('group', { name: 'Read' })
  await read.getByRole('searchbox', { name: 'Search buckets' }).fill('alp')
  await read.getByRole('checkbox', { name: 'alpha' }).check()
  await dialog.getByRole('group', { name: 'Write' }).getByRole('radio', { name: 'All Buckets' }).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Failed to create token: permission write:orgs/x/buckets is not allowed')
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toHaveValue('kept')
  await expect(read.getByRole('searchbox', { name: 'Search buckets' })).toHaveValue('alp')
  await expect(read.getByRole('checkbox', { name: 'alpha' })).toBeChecked()
  await expect(dialog.getByRole('group', { name: 'Write' }).getByRole('radio', { name: 'All Buckets' })).toBeChecked()
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled()
  expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(1)
})

test('one click, one token: Save cannot fire twice while pending', async ({ page, server, seeded }) => {
  // Every POST waits until the second attempt has been made, however slow the machine.
  let release = () => {}
  const attempted = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/v2/authorizations', async (route) => {
    if (route.request().method() === 'POST') await attempted
    await route.continue()
  })
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'All-Access Token')
  const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
  await dialog.getByRole('textbox', { name: 'Description' }).fill('once')
  const save = dialog.getByRole('button', { name: 'Save' })
  await save.click()
  await expect(dialog.getByRole('button', { name: /Saving/ })).toBeDisabled()
  await dialog.getByRole('textbox', { name: 'Description' }).press('Enter')
  release()
  await expect(page.getByRole('dialog', { name: 'Token created' })).toBeVisible()
  const list = await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)
  expect(list.body.authorizations.filter((a: { description: string }) => a.description === 'once')).toHaveLength(1)
})

test('keyboard only: the menu button, a scoped Read/Write token and closing', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['metrics'])
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  const generate = page.getByRole('button', { name: 'Generate', exact: true })
  await generate.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('menuitem', { name: 'Read/Write Token' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toBeHidden()
  await expect(generate).toBeFocused()

  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'Read/Write Token' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('menuitem', { name: 'All-Access Token' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('menuitem', { name: 'Read/Write Token' })).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(dialog.getByRole('textbox', { name: 'Description' })).toBeFocused()
  await page.keyboard.type('keyboard token')
  const search = dialog.getByRole('group', { name: 'Read' }).getByRole('searchbox', { name: 'Search buckets' })
  while (!(await search.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab')
  await page.keyboard.type('metr')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  while (!(await dialog.getByRole('checkbox', { name: 'metrics' }).first().evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab')
  }
  await page.keyboard.press('Space')
  await expect(dialog.getByRole('group', { name: 'Read' }).getByText('1 selected')).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Description' }).focus()
  await page.keyboard.press('Enter')
  const created = page.getByRole('dialog', { name: 'Token created' })
  await expect(created).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(created.getByRole('alert')).toContainText('cannot be shown again')
  await page.keyboard.press('Escape')
  await expect(created).toBeHidden()
  await expect(page.getByRole('row', { name: /keyboard token/ })).toContainText('Read 1 bucket')
})

test('Escape or Cancel closes a Generate dialog without creating anything', async ({ page, server, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'All-Access Token')
  await page.getByRole('dialog').getByRole('textbox', { name: 'Description' }).fill('never')
  await page.keyboard.press('Escape')
  await page.getByRole('alertdialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await openGenerate(page, 'Read/Write Token')
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(1)
})

test('when copying is impossible the token view says so honestly', async ({ page, seeded }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } })
    document.execCommand = () => false
  })
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'All-Access Token')
  await page.getByRole('dialog').getByRole('textbox', { name: 'Description' }).fill('no clipboard')
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
  const created = page.getByRole('dialog', { name: 'Token created' })
  await created.getByRole('button', { name: 'Copy to Clipboard' }).click()
  await expect(created.getByRole('alert')).toHaveText(/Copying failed\. Select the token and copy it/)
  await expect(created.getByText('Copied', { exact: true })).toHaveCount(0)
})
