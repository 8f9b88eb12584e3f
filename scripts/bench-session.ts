import type { Browser, BrowserContext } from '@playwright/test'

/**
 * A 1280×800 browser context signed in through the real sign-in endpoint, with `instrument`
 * injected into every page before its own scripts run.
 */
export async function signedInContext(
  browser: Browser,
  options: { baseUrl: string; username: string; password: string },
  instrument: () => void,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  // tsx keeps function names by wrapping them in a `__name` helper that pages do not have.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  await context.addInitScript(instrument)
  const basic = Buffer.from(`${options.username}:${options.password}`).toString('base64')
  const signin = await context.request.post(`${options.baseUrl}/api/v2/signin`, { headers: { Authorization: `Basic ${basic}` } })
  if (signin.status() !== 204) {
    await context.close()
    throw new Error(`sign-in answered ${signin.status()}`)
  }
  return context
}
