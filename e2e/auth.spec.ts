import { ADMIN, expect, expectAccessible, test, tokensUrl } from './fixtures.ts'

test('onboarding a fresh server signs in and lands on the tokens page', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/setup$/)
  await expectAccessible(page)
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Confirm Password').fill('something-else')
  await page.getByRole('textbox', { name: 'Organization' }).fill(ADMIN.org)
  await page.getByRole('textbox', { name: 'Bucket' }).fill(ADMIN.bucket)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText('Passwords do not match')).toBeVisible()

  await page.getByLabel('Confirm Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/orgs\/[0-9a-f]{16}\/load-data\/tokens$/)
  await expect(page.getByRole('heading', { name: 'Load Data' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Tokens', exact: true })).toHaveAttribute('aria-current', 'page')
  const row = page.getByRole('row', { name: /admin's Token/ })
  await expect(row).toContainText('Active')
  await expect(row).toContainText('Operator')
  await expect(page.getByText(`Signed in as ${ADMIN.username}`)).toBeVisible()
})

test('sign-in refuses a wrong password and accepts the right one', async ({ page, server }) => {
  await server.setup()
  await page.goto('/')
  await expect(page).toHaveURL(/\/signin/)
  await expectAccessible(page)
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
  await page.getByLabel('Password').fill('wrong-password')
  await page.getByRole('button', { name: 'Sign In' }).click()
  await expect(page.getByRole('alert')).toHaveText('Username or password is invalid')

  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await expect(page.getByRole('table', { name: 'Tokens' })).toBeVisible()
  // No credential in web storage: only the tab's non-secret note that it had a session.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  expect(stored).toBe('{}{"influx-tokens.had-session":"1"}')
})

test('an expired session goes to sign-in and comes back to the same view', async ({ page, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID, '?searchTerm=admin'))
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  // The page's own background requests (bucket prefetch) are done: the reload is the first to
  // find the session gone, rather than a prefetch racing it.
  await page.waitForLoadState('networkidle')

  // End the session on the server, as a timeout would.
  expect((await page.request.post('/api/v2/signout')).status()).toBe(204)
  await page.reload()
  await expect(page).toHaveURL(/\/signin\?returnTo=/)
  await expect(page.getByText('Your session has ended')).toBeVisible()
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Sign In' }).click()
  await expect(page).toHaveURL(tokensUrl(seeded.orgID, '?searchTerm=admin'))
  await expect(page.getByRole('textbox', { name: 'Filter Tokens' })).toHaveValue('admin')
})

test('Sign Out ends the session', async ({ page, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await page.getByRole('button', { name: 'Sign Out' }).click()
  await expect(page).toHaveURL(/\/signin$/)
  expect((await page.request.get('/api/v2/me')).status()).toBe(401)
})

test('a user set inactive is signed out on their next request', async ({ page, server, seeded }) => {
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  // The page's own background requests (bucket prefetch) are done, so the reload is the next one.
  await page.waitForLoadState('networkidle')
  // Another operator deactivates this user; their session now gets 403 "User is inactive".
  const other = await server.api('POST', '/api/v2/authorizations', {
    orgID: seeded.orgID,
    permissions: [
      { action: 'read', resource: { type: 'users' } },
      { action: 'write', resource: { type: 'users' } },
    ],
  })
  expect(other.status).toBe(201)
  expect((await server.api('PATCH', `/api/v2/users/${seeded.userID}`, { status: 'inactive' })).status).toBe(200)
  await page.getByRole('textbox', { name: 'Filter Tokens' }).fill('x')
  await page.reload()
  await expect(page).toHaveURL(/\/signin/)
  await expect(page.getByTestId('notification-error')).toContainText('inactive')
})
