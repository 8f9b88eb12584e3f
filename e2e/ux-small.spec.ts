import type { Locator, Page } from '@playwright/test'
import { createBuckets, createToken, expect, expectAccessible, openGenerate, test, tokensUrl } from './fixtures.ts'

const PHONE = { width: 390, height: 844 }
const LONG = 'Telegraf on the edge gateways of the north warehouse, writing machine telemetry every ten seconds'

/**
 * Every button, checkbox, radio, switch and link shown inside `scope` that is smaller than 24×24 px.
 * A control inside a <label> is hit through its label, so the label is what is measured.
 */
async function smallTargets(scope: Locator): Promise<string[]> {
  return scope.locator('button, a[href], input[type=checkbox], input[type=radio], [role=switch], [role=tab]').evaluateAll((elements) =>
    elements.flatMap((element) => {
      const target = element.closest('label') ?? element
      const box = target.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) return []
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName
      return box.width < 24 || box.height < 24 ? [`${name}: ${Math.round(box.width)}×${Math.round(box.height)}`] : []
    }),
  )
}

async function openPhoneList(page: Page, orgID: string) {
  await page.setViewportSize(PHONE)
  await page.goto(tokensUrl(orgID))
  await expect(page.getByRole('table', { name: 'Tokens' })).toBeVisible()
}

test('at 390 px each row shows its whole description and its status', async ({ page, server, seeded }) => {
  await createToken(server, seeded.orgID, LONG, [{ action: 'write', resource: { type: 'buckets', id: seeded.bucketID, orgID: seeded.orgID } }], 'inactive')
  await openPhoneList(page, seeded.orgID)
  const row = page.getByRole('row', { name: new RegExp(LONG.slice(0, 20)) })
  const description = row.getByRole('button', { name: LONG })
  await expect(description).toHaveText(LONG)
  // Wrapped, not cut: the text fits in its box.
  expect(await description.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().height > 30)).toBe(true)
  await expect(row.getByText('Inactive', { exact: true })).toBeVisible()
  await expect(page.getByRole('row', { name: /admin's Token/ }).getByText('Active', { exact: true })).toBeVisible()
  // Nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
  await expectAccessible(page)
})

test('at 390 px every control in the list and in a dialog is at least 24×24 px', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha', 'beta'])
  await createToken(server, seeded.orgID, 'ingest', [{ action: 'write', resource: { type: 'buckets', id: seeded.bucketID, orgID: seeded.orgID } }])
  await openPhoneList(page, seeded.orgID)
  await page.getByRole('checkbox', { name: 'Select ingest' }).check()
  expect(await smallTargets(page.getByRole('table', { name: 'Tokens' }))).toEqual([])

  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('checkbox', { name: 'alpha' }).first()).toBeVisible()
  expect(await smallTargets(dialog)).toEqual([])
  await expectAccessible(page)
})

test('at 390 px a dialog footer keeps Save on the line of Cancel', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  await openPhoneList(page, seeded.orgID)
  for (const item of ['Read/Write Token', 'All-Access Token', 'Custom Token'] as const) {
    await openGenerate(page, item)
    const dialog = page.getByRole('dialog')
    const save = await dialog.getByRole('button', { name: 'Save' }).boundingBox()
    const cancel = await dialog.getByRole('button', { name: 'Cancel' }).boundingBox()
    expect(Math.abs(save!.y - cancel!.y), item).toBeLessThan(2)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    const discard = page.getByRole('button', { name: 'Discard' })
    if (await discard.isVisible()) await discard.click()
    await expect(dialog).toHaveCount(0)
  }
})
