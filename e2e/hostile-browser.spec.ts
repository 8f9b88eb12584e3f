import type { Locator, Page, Route } from '@playwright/test'
import { createBuckets, createToken, expect, test, tokensUrl } from './fixtures.ts'

const NETWORK_ERROR = 'Could not reach the server. Check your connection and try again.'

// How Save can fail: the server answers 5xx (JSON, a proxy's HTML, nothing), or the network drops.
const failures: [name: string, fail: (route: Route) => Promise<void>, message: RegExp][] = [
  ['500 JSON', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'internal error', message: 'An internal error has occurred.' }) }), /An internal error has occurred\./],
  ['502 HTML from a proxy', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }), /502 Bad Gateway/],
  ['503 empty', (route) => route.fulfill({ status: 503, body: '' }), /503/],
  ['network drop', (route) => route.abort('internetdisconnected'), new RegExp(NETWORK_ERROR.replace(/\./g, '\\.'))],
]

async function openGenerate(page: Page, item: 'Read/Write Token' | 'All-Access Token') {
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

/** Fails the POST to /authorizations until `restore` is called; other requests pass. */
async function failSave(page: Page, fail: (route: Route) => Promise<void>) {
  const handler = (route: Route) => (route.request().method() === 'POST' ? fail(route) : route.continue())
  await page.route('**/api/v2/authorizations', handler)
  return () => page.unroute('**/api/v2/authorizations', handler)
}

for (const [name, fail, message] of failures) {
  test(`Read/Write: Save failing (${name}) keeps the dialog open with every input, and Save works again`, async ({ page, server, seeded }) => {
    const ids = await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
    await page.goto(tokensUrl(seeded.orgID))
    await openGenerate(page, 'Read/Write Token')
    const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
    const description = dialog.getByRole('textbox', { name: 'Description' })
    const read = dialog.getByRole('group', { name: 'Read' })
    const write = dialog.getByRole('group', { name: 'Write' })
    await description.fill('kept through failure')
    await read.getByRole('searchbox', { name: 'Search buckets' }).fill('al')
    await read.getByRole('checkbox', { name: 'alpha' }).check()
    await write.getByRole('checkbox', { name: 'beta' }).check()

    const restore = await failSave(page, fail)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByRole('alert')).toHaveText(message)
    await expect(dialog.getByRole('alert')).toContainText('Failed to create token')
    await expect(dialog).toBeVisible()
    await expect(description).toHaveValue('kept through failure')
    await expect(read.getByRole('searchbox', { name: 'Search buckets' })).toHaveValue('al')
    await expect(read.getByRole('checkbox', { name: 'alpha' })).toBeChecked()
    await expect(write.getByRole('checkbox', { name: 'beta' })).toBeChecked()
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled()
    expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(1)

    // The same inputs, sent again once the server is back, make exactly the intended token.
    await restore()
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v2/authorizations'))
    await dialog.getByRole('button', { name: 'Save' }).click()
    expect((await posted).postDataJSON()).toMatchObject({
      description: 'kept through failure',
      permissions: [
        { action: 'read', resource: { type: 'buckets', id: ids.alpha } },
        { action: 'write', resource: { type: 'buckets', id: ids.beta } },
      ],
    })
    await expect(page.getByRole('dialog', { name: 'Token created' })).toBeVisible()
  })

  test(`All-Access: Save failing (${name}) keeps the dialog open with the description, and Save works again`, async ({ page, server, seeded }) => {
    await page.goto(tokensUrl(seeded.orgID))
    await openGenerate(page, 'All-Access Token')
    const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
    const description = dialog.getByRole('textbox', { name: 'Description' })
    await description.fill('deploy bot')
    const restore = await failSave(page, fail)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByRole('alert')).toHaveText(message)
    await expect(description).toHaveValue('deploy bot')
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled()
    expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(1)
    await restore()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('dialog', { name: 'Token created' })).toBeVisible()
    const created = (await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations
    expect(created.map((a: { description: string }) => a.description)).toEqual(["admin's Token", 'deploy bot'])
  })
}

// The payload sets a flag instead of alerting, so a run is detected even if no dialog would open.
const XSS = '<img src=x onerror="window.__xss=1">'
const LONG = `${'unbroken'.repeat(60)} ${'a long description that keeps going '.repeat(25).trim()}`
const RTL = '\u202Egnp.exe مفتاح الكتابة لأجهزة الاستشعار שלום'
const HOSTILE = [XSS, LONG, RTL]

/** Fails on any browser dialog, and checks after each step that no script ran and nothing overflows. */
function guard(page: Page) {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return async (where: string, dialog?: Locator) => {
    expect(dialogs, `${where}: a browser dialog opened`).toEqual([])
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), `${where}: the payload ran`).toBeUndefined()
    // Rendered as text, the markup never becomes an element (this holds even without the CSP).
    await expect(page.locator('img[src="x"]'), where).toHaveCount(0)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0)
    if (dialog) {
      const box = await dialog.boundingBox()
      expect(box, `${where}: dialog`).not.toBeNull()
      expect(box!.x, `${where}: dialog starts off screen`).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width, `${where}: dialog ends off screen`).toBeLessThanOrEqual(1280)
    }
  }
}

test('markup, very long and right-to-left descriptions are plain text in the list, details and delete confirmations', async ({ page, server, seeded }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const check = guard(page)
  for (const description of HOSTILE) await createToken(server, seeded.orgID, description, [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } }])
  await page.goto(tokensUrl(seeded.orgID))
  for (const description of HOSTILE) await expect(page.getByRole('row', { name: description })).toBeVisible()
  await expect(page.getByRole('row', { name: XSS })).toContainText(XSS)
  await check('list')

  for (const description of HOSTILE) {
    await page.getByRole('button', { name: description, exact: true }).click()
    const details = page.getByRole('dialog', { name: description })
    await expect(details).toBeVisible()
    await expect(details.getByRole('heading', { name: description })).toHaveText(description)
    await check(`details of ${description.slice(0, 20)}`, details)
    await page.keyboard.press('Escape')
    await expect(details).toBeHidden()

    await page.getByRole('row', { name: description }).getByRole('button', { name: 'Delete', exact: true }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete token?' })
    await expect(confirm).toContainText(description)
    await check(`delete confirmation of ${description.slice(0, 20)}`, confirm)
    await confirm.getByRole('button', { name: 'Cancel' }).click()
  }

  await page.getByRole('checkbox', { name: 'Select all shown tokens' }).check()
  await page.getByRole('toolbar', { name: 'Selected tokens' }).getByRole('button', { name: 'Delete selected' }).click()
  const bulk = page.getByRole('alertdialog', { name: 'Delete 4 tokens?' })
  await expect(bulk).toBeVisible()
  await check('bulk delete confirmation', bulk)
  await bulk.getByRole('button', { name: 'Cancel' }).click()
  expect((await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations).toHaveLength(4)
})

test('a token created in the UI with a hostile description shows as text in "Token created" and the list', async ({ page, server, seeded }) => {
  const check = guard(page)
  await page.goto(tokensUrl(seeded.orgID))
  for (const description of HOSTILE) {
    await openGenerate(page, 'All-Access Token')
    const dialog = page.getByRole('dialog', { name: 'Generate All-Access Token' })
    await dialog.getByRole('textbox', { name: 'Description' }).fill(description)
    await check(`generate dialog with ${description.slice(0, 20)}`, dialog)
    await dialog.getByRole('button', { name: 'Save' }).click()
    const created = page.getByRole('dialog', { name: 'Token created' })
    await expect(created).toBeVisible()
    await check(`token created for ${description.slice(0, 20)}`, created)
    await created.getByRole('button', { name: 'Done' }).click()
    await created.getByRole('button', { name: 'Close without copying' }).click()
    await expect(created).toBeHidden()
    await expect(page.getByRole('row', { name: description })).toBeVisible()
    await check(`list after creating ${description.slice(0, 20)}`)
  }
  const stored = (await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations
  expect(stored.map((a: { description: string }) => a.description).slice(1)).toEqual(HOSTILE)
})
