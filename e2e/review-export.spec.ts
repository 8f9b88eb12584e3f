import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { createBuckets, createToken, expect, expectAccessible, test, tokensUrl, type SetupResult, type TestServer } from './fixtures.ts'

type Permission = { action: string; resource: Record<string, string> }

/** The all-access shape for an org and owner over `types`: read on the org, the owner by ID, the rest org-wide. */
function allAccess(types: string[], orgID: string, userID: string): Permission[] {
  return types.flatMap((type) => {
    if (type === 'orgs') return [{ action: 'read', resource: { type, id: orgID } }]
    const resource: Record<string, string> = type === 'users' ? { type, id: userID } : { type, orgID }
    return ['read', 'write'].map((action) => ({ action, resource }))
  })
}

async function createUser(server: TestServer, name: string): Promise<string> {
  const created = await server.api('POST', '/api/v2/users', { name })
  expect(created.status).toBe(201)
  return created.body.id
}

async function tokenFor(server: TestServer, orgID: string, userID: string, description: string, permissions: Permission[]) {
  const created = await server.api('POST', '/api/v2/authorizations', { orgID, userID, description, permissions })
  expect(created.status).toBe(201)
  return created.body as { id: string; token: string }
}

interface Planted {
  ids: Record<string, string[]>
  values: string[]
}

/**
 * One token for each risk, and nothing else risky: the operator token of the setup, two all-access
 * tokens (one without a description, with a different type list so they are no duplicates), a
 * token of a user the test shows as inactive and one of a user it shows as deleted (see
 * showOwners), a token naming a deleted bucket beside a live one, one naming only deleted
 * buckets, two identical tokens, one that writes every bucket and one inactive token.
 */
async function plantOneOfEach(server: TestServer, seeded: SetupResult): Promise<Planted> {
  const { orgID, userID } = seeded
  const types = ((await server.api('GET', '/api/v2/resources')).body as string[]).filter((t) => t !== 'instance')
  const buckets = await createBuckets(server, orgID, ['old-a', 'keep-b', 'old-c'])
  const read = (id: string) => ({ action: 'read', resource: { type: 'buckets', orgID, id } })
  const created = {
    allAccess: await tokenFor(server, orgID, userID, 'ci all-access', allAccess(types, orgID, userID)),
    undescribed: await tokenFor(server, orgID, userID, '', allAccess(types.filter((t) => t !== 'variables'), orgID, userID)),
    idleOwner: await tokenFor(server, orgID, await createUser(server, 'carol'), 'carol reads keep-b', [read(buckets['keep-b'] ?? '')]),
    goneOwner: await tokenFor(server, orgID, await createUser(server, 'dave'), 'dave writes keep-b', [{ ...read(buckets['keep-b'] ?? ''), action: 'write' }]),
    dangling: await createToken(server, orgID, 'reads old-a and keep-b', [read(buckets['old-a'] ?? ''), read(buckets['keep-b'] ?? '')]),
    unusable: await createToken(server, orgID, 'reads old-c', [read(buckets['old-c'] ?? '')]),
    dup1: await createToken(server, orgID, 'grafana one', [read(seeded.bucketID)]),
    dup2: await createToken(server, orgID, 'grafana two', [read(seeded.bucketID)]),
    writer: await createToken(server, orgID, 'telegraf writer', [{ action: 'write', resource: { type: 'buckets', orgID } }]),
    inactive: await createToken(server, orgID, 'old backup job', [read(seeded.bucketID), read(buckets['keep-b'] ?? '')], 'inactive'),
  }
  for (const name of ['old-a', 'old-c']) expect((await server.api('DELETE', `/api/v2/buckets/${buckets[name]}`)).status).toBe(204)
  const list = (await server.api('GET', `/api/v2/authorizations?orgID=${orgID}`)).body.authorizations as Array<{ id: string; description: string }>
  const operator = list.find((auth) => auth.description === "admin's Token")?.id ?? ''
  const ids: Record<string, string[]> = {
    operator: [operator],
    'all-access': [created.allAccess.id, created.undescribed.id],
    'undescribed-privileged': [created.undescribed.id],
    'owner-inactive': [created.idleOwner.id],
    'owner-gone': [created.goneOwner.id],
    dangling: [created.dangling.id],
    unusable: [created.unusable.id],
    duplicates: [created.dup1.id, created.dup2.id],
    'writes-everywhere': [created.writer.id],
    inactive: [created.inactive.id],
  }
  return { ids, values: Object.values(created).map((c) => c.token) }
}

/**
 * The embedded server, like InfluxDB, leaves the tokens of inactive and deleted users out of its
 * list; InfluxDB 2.7 lists an inactive user's tokens. So the users' list is rewritten here instead:
 * carol shows as inactive and dave as gone, while their tokens stay listed.
 */
async function showOwners(page: Page) {
  await page.route('**/api/v2/users?*', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as { users: Array<{ name: string; status?: string }> }
    body.users = body.users.filter((u) => u.name !== 'dave').map((u) => (u.name === 'carol' ? { ...u, status: 'inactive' } : u))
    await route.fulfill({ response, json: body })
  })
}

const TITLES: Record<string, string> = {
  operator: 'Operator tokens',
  'all-access': 'All-access tokens',
  'undescribed-privileged': 'Operator and all-access tokens without a description',
  'owner-inactive': 'Tokens of inactive users',
  'owner-gone': 'Tokens of deleted users',
  dangling: 'Tokens naming deleted buckets',
  unusable: 'Tokens with no usable permission',
  duplicates: 'Duplicate tokens',
  'writes-everywhere': 'Tokens that can write every bucket',
  inactive: 'Inactive tokens',
}

function reviewUrl(orgID: string) {
  return `/orgs/${orgID}/load-data/tokens/review`
}

function descriptions(page: Page) {
  return page.getByRole('table', { name: 'Tokens' }).locator('tbody tr[aria-rowindex] td:nth-child(2)').allInnerTexts()
}

async function descriptionsOf(server: TestServer, orgID: string, ids: string[]): Promise<string[]> {
  const list = (await server.api('GET', `/api/v2/authorizations?orgID=${orgID}`)).body.authorizations as Array<{ id: string; description: string }>
  return ids.map((id) => list.find((auth) => auth.id === id)?.description || 'Describe this Token').sort()
}

test('the review finds each planted risk and nothing else', async ({ page, server, seeded }) => {
  const { ids } = await plantOneOfEach(server, seeded)
  await showOwners(page)
  await page.goto(reviewUrl(seeded.orgID))
  await expect(page.getByRole('link', { name: 'Review' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(Object.values(TITLES))
  for (const [id, title] of Object.entries(TITLES)) {
    const count = ids[id]?.length ?? 0
    const finding = page.getByRole('region', { name: title, exact: true })
    await expect(finding.getByRole('link', { name: `Show ${count} token${count === 1 ? '' : 's'} in the list` })).toBeVisible()
  }
  await expect(page.getByRole('region', { name: 'Duplicate tokens' })).toContainText('In 1 group of identical tokens.')
  await expect(page.getByRole('region', { name: TITLES['undescribed-privileged'] ?? '' })).toContainText('No description')
  await expectAccessible(page)
})

test("each finding's link filters the list to exactly its tokens", async ({ page, server, seeded }) => {
  // Ten findings, each opened and checked in the list.
  test.slow()
  const { ids } = await plantOneOfEach(server, seeded)
  await showOwners(page)
  await page.goto(reviewUrl(seeded.orgID))
  for (const [id, title] of Object.entries(TITLES)) {
    await page.getByRole('region', { name: title, exact: true }).getByRole('link', { name: /^Show / }).click()
    await expect(page).toHaveURL(new RegExp(`/load-data/tokens\\?finding=${id}$`))
    const count = ids[id]?.length ?? 0
    await expect(page.getByRole('status').filter({ hasText: 'from review' })).toHaveText(`Showing ${count} token${count === 1 ? '' : 's'} from review: ${title}`)
    await expect.poll(async () => (await descriptions(page)).sort()).toEqual(await descriptionsOf(server, seeded.orgID, ids[id] ?? []))
    await page.goBack()
  }
  await page.getByRole('region', { name: TITLES.inactive ?? '', exact: true }).getByRole('link', { name: /^Show / }).click()
  await page.getByRole('button', { name: 'Clear review filter' }).click()
  await expect(page).toHaveURL(tokensUrl(seeded.orgID))
  await expect(page.getByRole('table', { name: 'Tokens' })).toHaveAttribute('aria-rowcount', '12')
})

test('a finding is deactivated in bulk from the review, after a named confirmation', async ({ page, server, seeded }) => {
  const { ids } = await plantOneOfEach(server, seeded)
  await showOwners(page)
  await page.goto(reviewUrl(seeded.orgID))
  const idle = page.getByRole('region', { name: 'Tokens of inactive users' })
  await idle.getByRole('button', { name: 'Deactivate 1 token' }).click()
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'))
  await expect(dialog).toContainText('Deactivate 1 token?')
  await expect(dialog.getByRole('list', { name: 'Tokens' })).toHaveText('carol reads keep-b')
  await dialog.getByRole('button', { name: 'Deactivate' }).click()
  await expect(page.getByText('1 token was deactivated successfully')).toBeVisible()
  await expect(idle).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Inactive tokens' }).getByRole('link', { name: 'Show 2 tokens in the list' })).toBeVisible()
  const stored = await server.api('GET', `/api/v2/authorizations/${ids['owner-inactive']?.[0]}`)
  expect(stored.body.status).toBe('inactive')
})

test('an org with nothing to review says so', async ({ page, server, seeded }) => {
  // The setup's operator token is a finding in itself: without it, the org is clean.
  const list = (await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations as Array<{ id: string }>
  const mine = await createToken(server, seeded.orgID, 'grafana', [{ action: 'read', resource: { type: 'buckets', orgID: seeded.orgID, id: seeded.bucketID } }])
  for (const auth of list) expect((await server.api('DELETE', `/api/v2/authorizations/${auth.id}`)).status).toBe(204)
  expect(mine.id).toBeTruthy()
  await page.goto(reviewUrl(seeded.orgID))
  await expect(page.getByRole('region', { name: 'No findings' })).toBeVisible()
  await expect(page.getByText('Tokens of deleted users were not looked for')).toBeVisible()
})

interface Exported {
  id: string
  description: string
  status: string
  owner: string
  ownerID: string
  createdAt: string
  updatedAt: string
  scope: string
  permissions: Permission[]
}

test('Export downloads the filtered, sorted list as CSV and JSON, with every field and no token value', async ({ page, server, seeded }) => {
  const { values } = await plantOneOfEach(server, seeded)
  await page.goto(tokensUrl(seeded.orgID, '?searchTerm=keep-b&sortKey=description-desc'))
  const shown = ['reads old-a and keep-b', 'dave writes keep-b', 'carol reads keep-b']
  await expect.poll(() => descriptions(page)).toEqual(shown)
  const api = (await server.api('GET', `/api/v2/authorizations?orgID=${seeded.orgID}`)).body.authorizations as Array<Exported & { user: string; userID: string; token: string }>
  const expected = shown.map((description) => api.find((auth) => auth.description === description))

  async function download(format: 'CSV' | 'JSON') {
    await page.getByRole('button', { name: 'Export' }).click()
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: format }).click()])
    expect(file.suggestedFilename()).toMatch(new RegExp(`^tokens-acme-\\d{4}-\\d{2}-\\d{2}\\.${format.toLowerCase()}$`))
    const text = await readFile((await file.path()) ?? '', 'utf8')
    for (const value of values) expect(text).not.toContain(value)
    return text
  }

  const [header, ...rows] = parse(await download('CSV')) as string[][]
  expect(header).toEqual(['ID', 'Description', 'Status', 'Owner', 'Owner ID', 'Created', 'Updated', 'Scope', 'Permissions'])
  expect(rows.map((row) => row[1])).toEqual(shown)
  rows.forEach((row, i) => {
    const auth = expected[i]
    expect(row.slice(0, 7)).toEqual([auth?.id, auth?.description, auth?.status, auth?.user, auth?.userID, auth?.createdAt, auth?.updatedAt])
    expect(row[8]?.split('\n')).toHaveLength(auth?.permissions.length ?? -1)
  })

  const document = JSON.parse(await download('JSON')) as { org: { id: string; name: string }; tokens: Exported[] }
  expect(document.org).toEqual({ id: seeded.orgID, name: 'acme' })
  expect(document.tokens.map((t) => t.id)).toEqual(expected.map((auth) => auth?.id))
  document.tokens.forEach((token, i) => {
    const auth = expected[i]
    expect(token).toEqual({
      id: auth?.id,
      description: auth?.description,
      status: auth?.status,
      owner: auth?.user,
      ownerID: auth?.userID,
      createdAt: auth?.createdAt,
      updatedAt: auth?.updatedAt,
      scope: rows[i]?.[7],
      permissions: auth?.permissions,
    })
  })
})
