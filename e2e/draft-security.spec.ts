import { createBuckets, expect, test, tokensUrl, type TestServer } from './fixtures.ts'

// Issue 12.1: a crafted `?generate=…&draft=…` link could carry a bucket the dialog never showed
// ("1 selected", nothing ticked), even a bucket of another org, and Save granted it.

const draftParam = (editor: unknown) => Buffer.from(JSON.stringify({ d: 'from a link', e: editor })).toString('base64url')

async function otherOrgBucket(server: TestServer): Promise<string> {
  const org = await server.api('POST', '/api/v2/orgs', { name: 'globex' })
  expect(org.status).toBe(201)
  return (await createBuckets(server, org.body.id, ['ledger'])).ledger!
}

test('a Custom draft link cannot carry a bucket the dialog does not show', async ({ page, server, seeded }) => {
  const { alpha } = await createBuckets(server, seeded.orgID, ['alpha'])
  const ledger = await otherOrgBucket(server)
  // The foreign bucket poses as "alpha"; a made-up id comes along.
  const editor = {
    types: {},
    bucketRead: [{ id: ledger, name: 'alpha' }, { id: 'ffffffffffffffff', name: 'beta' }],
    bucketWrite: [{ id: alpha, name: 'alpha' }],
  }
  await page.goto(tokensUrl(seeded.orgID, `?generate=custom&draft=${draftParam(editor)}`))
  const dialog = page.getByRole('dialog', { name: 'Generate Custom Token' })
  await expect(dialog.getByRole('status').filter({ hasText: 'left out' })).toHaveText(
    '2 buckets named by the link were left out: not buckets of acme.',
  )
  const read = dialog.getByRole('group', { name: 'Read individual buckets' })
  await expect(read.getByText('0 selected')).toBeVisible()
  const write = dialog.getByRole('group', { name: 'Write individual buckets' })
  await expect(write.getByText('1 selected')).toBeVisible()
  await expect(write.getByRole('checkbox', { name: 'alpha' })).toBeChecked()

  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog', { name: 'Token created' })).toBeVisible()
  const list = await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)
  const created = list.body.authorizations.find((a: { description: string }) => a.description === 'from a link')
  expect(created.permissions).toEqual([
    { action: 'write', resource: { type: 'buckets', id: alpha, orgID: seeded.orgID, name: 'alpha', org: 'acme' } },
  ])
})

test('a Read/Write draft link naming only foreign buckets grants nothing and says why', async ({ page, server, seeded }) => {
  await createBuckets(server, seeded.orgID, ['alpha'])
  const ledger = await otherOrgBucket(server)
  const editor = { read: { mode: 'scoped', bucketIDs: [ledger] }, write: { mode: 'scoped', bucketIDs: [] } }
  await page.goto(tokensUrl(seeded.orgID, `?generate=read-write&draft=${draftParam(editor)}`))
  const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
  await expect(dialog.getByRole('status').filter({ hasText: 'left out' })).toHaveText(
    '1 bucket named by the link was left out: not a bucket of acme.',
  )
  await expect(dialog.getByRole('group', { name: 'Read' }).getByText('0 selected')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
})
