import { ADMIN, expect, test, tokensUrl } from './fixtures.ts'
import type { Page } from '@playwright/test'

/**
 * Samples every frame (requestAnimationFrame runs just before the browser paints): whether #root
 * shows anything, and whether a token row is on screen. Installed before any page script runs.
 */
function sampleFrames() {
  const frames: { t: number; visible: boolean; listed: boolean }[] = []
  Object.assign(window, { __frames: frames })
  const sample = () => {
    const root = document.getElementById('root')
    const visible = !!root && root.getBoundingClientRect().height > 0 && root.innerText.trim() !== ''
    const listed = !!document.querySelector('table[aria-label="Tokens"] tbody tr:not([aria-hidden])')
    frames.push({ t: performance.now(), visible, listed })
    requestAnimationFrame(sample)
  }
  requestAnimationFrame(sample)
}

type Frame = { t: number; visible: boolean; listed: boolean }

const framesSince = (page: Page, since: number) =>
  page.evaluate((from) => (window as unknown as { __frames: Frame[] }).__frames.filter((f) => f.t >= from), since)

/** The frames up to (not including) the first one that shows a token row. */
function beforeTheList(frames: Frame[]): Frame[] {
  const listedAt = frames.findIndex((f) => f.listed)
  expect(listedAt, 'a frame shows the list').toBeGreaterThanOrEqual(0)
  return frames.slice(0, listedAt)
}

// A fresh browser comes to `/` or follows a link to an org's tokens; either way it signs in first.
for (const start of ['home', 'tokens'] as const) {
  test(`no blank frame between signing in and the token list (from ${start})`, async ({ page, server }) => {
    const { orgID } = await server.setup()
    await page.addInitScript(sampleFrames)
    await page.goto(start === 'home' ? '/' : tokensUrl(orgID))
    await expect(page).toHaveURL(/\/signin\?returnTo=/)
    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username)
    await page.getByLabel('Password').fill(ADMIN.password)
    const clickedAt = await page.evaluate(() => performance.now())
    await page.getByRole('button', { name: 'Sign In' }).click()
    await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()

    const blank = beforeTheList(await framesSince(page, clickedAt)).filter((f) => !f.visible)
    expect(blank, 'frames with an empty page after Sign In').toEqual([])
  })
}

test('on reload the shell paints at once and stays until the list, whose data is asked for before the page code arrives', async ({ page, seeded }) => {
  await page.addInitScript(sampleFrames)
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('row', { name: /admin's Token/ })).toBeVisible()

  const timing = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      path: new URL(e.name).pathname + new URL(e.name).search,
      start: e.startTime,
      end: e.responseEnd,
    })),
  )
  const started = (pattern: RegExp) => {
    const entry = timing.find((e) => pattern.test(e.path))
    expect(entry, `a request for ${pattern}`).toBeDefined()
    return entry as { start: number; end: number }
  }
  const me = started(/^\/api\/v2\/me$/)
  const orgs = started(/^\/api\/v2\/orgs/)
  const list = started(/^\/api\/v2\/authorizations\?orgID=/)
  const chunk = started(/^\/assets\/tokens-page-[\w-]+\.js$/)
  // All at once, as soon as the entry script knows the route: none waits for the page's code.
  for (const api of [me, orgs, list]) expect(api.start).toBeLessThanOrEqual(chunk.end + 5)

  // From the app's first request (the entry script running) to the first token row, every frame
  // shows something: allow the one or two frames React needs to render the shell.
  const frames = beforeTheList(await framesSince(page, Math.min(me.start, orgs.start, list.start)))
  const blank = frames.filter((f) => !f.visible)
  expect(blank.length, `blank frames after the entry script ran: ${JSON.stringify(blank)}`).toBeLessThanOrEqual(2)
  const firstVisible = frames.findIndex((f) => f.visible)
  expect(frames.slice(firstVisible).filter((f) => !f.visible), 'a blank frame once the shell showed').toEqual([])
})

test('a malformed address shows "not found", not a blank page', async ({ page }) => {
  await page.goto('/orgs/%E0%A4%A/load-data/tokens')
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('a page whose code fails to load shows an error page with a way back', async ({ page, seeded }) => {
  await page.route(/\/assets\/tokens-page-[\w-]+\.js$/, (route) => route.abort())
  await page.goto(tokensUrl(seeded.orgID))
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Go to your tokens' })).toHaveAttribute('href', '/')
})
