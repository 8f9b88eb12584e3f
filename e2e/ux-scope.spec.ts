import { createBuckets, createToken, expect, expectAccessible, openGenerate, test, tokensUrl } from './fixtures.ts'

const ALL_BUCKETS_READ = 'read data in all buckets of acme, including buckets created later'

test('the summary of what Save will create sits beside Save; the API and CLI tabs keep one height', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  await page.goto(tokensUrl(seeded.orgID))
  await openGenerate(page, 'Read/Write Token')
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await dialog.getByRole('group', { name: 'Read' }).getByRole('checkbox', { name: 'alpha' }).check()
  const summary = dialog.getByRole('region', { name: 'What Save will create' })
  await expect(summary).toHaveText(/Can read data in bucket alpha\./)
  await expect(summary).toBeInViewport()
  // Beside Save: on the same footer line.
  const save = await dialog.getByRole('button', { name: 'Save' }).boundingBox()
  const box = await summary.boundingBox()
  expect(save && box && Math.abs(save.y + save.height / 2 - (box.y + box.height / 2)) < 40).toBe(true)
  const preview = dialog.getByRole('region', { name: 'Request preview' })
  await expect(preview.getByRole('tab')).toHaveText(['API', 'CLI'])
  const before = await dialog.boundingBox()
  await preview.getByRole('tab', { name: 'CLI' }).click()
  await expect(preview.getByLabel('influx CLI command')).toBeVisible()
  expect(await dialog.boundingBox()).toEqual(before)
  await expectAccessible(page)
})

test('one grant reads the same in the editor, the summary, the clone comparison and the details', async ({ page, server, seeded }) => {
  await createToken(server, seeded.orgID, 'all reader', [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID } }])
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('row', { name: /all reader/ }).getByRole('button', { name: 'all reader' }).click()
  const details = page.getByRole('dialog', { name: 'all reader' })
  await expect(details.getByRole('region', { name: 'What it can do' })).toContainText(`Can ${ALL_BUCKETS_READ}.`)
  await page.keyboard.press('Escape')
  await page.getByRole('row', { name: /all reader/ }).getByRole('button', { name: 'Clone' }).click()
  const clone = page.getByRole('dialog', { name: 'Clone all reader' })
  await expect(clone.getByRole('group', { name: 'Read' })).toContainText(`This token will be able to ${ALL_BUCKETS_READ}.`)
  await expect(clone.getByRole('region', { name: 'What Save will create' })).toContainText(`Can ${ALL_BUCKETS_READ}.`)
  await clone.getByRole('group', { name: 'Read' }).getByRole('radio', { name: 'Scoped' }).check()
  await expect(clone.getByRole('region', { name: 'Changes from the original' })).toContainText(`Removed: ${ALL_BUCKETS_READ}`)
})
