import type { Browser, Page } from '@playwright/test'
import { Hono } from 'hono'
import { signedInContext } from './bench-session.ts'
import { median } from './stats.ts'

// The floor for "the list is on screen": a bare page on the app's origin that fetches the same
// token list and writes its first rows as plain HTML, measured side by side with the app.

const BARE_PATH = '/__bare.html'
const BARE_ROWS = 40

const barePage = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Bare token list</title></head>
  <body>
    <table aria-label="Tokens"><tbody></tbody></table>
    <script>
      const orgID = new URLSearchParams(location.search).get('orgID')
      fetch('/api/v2/authorizations?orgID=' + encodeURIComponent(orgID), { headers: { Accept: 'application/json' } })
        .then((response) => response.json())
        .then(({ authorizations }) => {
          const body = document.querySelector('tbody')
          for (const [i, token] of authorizations.slice(0, ${BARE_ROWS}).entries()) {
            const row = body.insertRow()
            row.setAttribute('aria-rowindex', String(i + 2))
            row.insertCell().textContent = token.description ?? ''
            row.insertCell().textContent = token.status
          }
        })
    </script>
  </body>
</html>
`

/** The bench's server: the app, plus the bare page (which only the bench serves). */
export function withBarePage(app: Hono): Hono {
  const bench = new Hono()
  bench.get(BARE_PATH, (c) => c.html(barePage))
  bench.all('*', (c) => app.fetch(c.req.raw, c.env))
  return bench
}

export interface BareFigures {
  /** Warm reload → first token row painted, medians. */
  bareFirstRowMs: number
  appFirstRowMs: number
  /** Warm reload → the app's header painted (the shell's first frame), median. */
  appShellMs: number
  reloads: number
}

interface BareWindow {
  /** Exposed by the bench: called once the first token row is painted. */
  __bareFirstRow?: (times: { row: number; shell: number }) => void
}

/** Runs in the page before its scripts: when the first token row, and the app's header, are painted. */
function instrument(): void {
  const bench = window as unknown as BareWindow
  let shell = Number.NaN
  let shellSeen = false
  let rowSeen = false
  const afterPaint = (done: () => void) => requestAnimationFrame(() => setTimeout(done, 0))
  new MutationObserver(() => {
    if (!shellSeen && document.querySelector('#root header')) {
      shellSeen = true
      afterPaint(() => (shell = performance.now()))
    }
    if (!rowSeen && document.querySelector('table[aria-label="Tokens"] tbody tr[aria-rowindex]')) {
      rowSeen = true
      afterPaint(() => bench.__bareFirstRow?.({ row: performance.now(), shell }))
    }
  }).observe(document, { subtree: true, childList: true })
}

/**
 * A reload of `url` (loaded once before, uncounted, so the cache is warm): navigation → first row
 * and → shell. The page reports through a binding rather than being polled, because polling makes
 * Playwright evaluate its own script in the new page while the page is still loading.
 */
async function warmReload(page: Page, url: string, painted: () => Promise<{ row: number; shell: number }>): Promise<{ row: number; shell: number }> {
  const first = painted()
  await page.goto(url, { waitUntil: 'commit' })
  await first
  const reloaded = painted()
  await page.reload({ waitUntil: 'commit' })
  const times = await reloaded
  await page.waitForLoadState('load')
  return times
}

/** `reloads` warm reloads of the app and of the bare page, alternated so both see the same machine. */
export async function measureBare(
  browser: Browser,
  options: { baseUrl: string; orgID: string; username: string; password: string; reloads: number },
): Promise<BareFigures> {
  const context = await signedInContext(browser, options, instrument)
  try {
    const appUrl = `${options.baseUrl}/orgs/${options.orgID}/load-data/tokens`
    const bareUrl = `${options.baseUrl}${BARE_PATH}?orgID=${options.orgID}`
    let report: (times: { row: number; shell: number }) => void = () => {}
    await context.exposeBinding('__bareFirstRow', (_source, times: { row: number; shell: number }) => report(times))
    const painted = () => withTimeout(new Promise<{ row: number; shell: number }>((resolve) => (report = resolve)), 60_000)
    const page = await context.newPage()
    const app: number[] = []
    const shell: number[] = []
    const bare: number[] = []
    for (let i = 0; i < options.reloads; i++) {
      const appLoad = await warmReload(page, appUrl, painted)
      app.push(appLoad.row)
      shell.push(appLoad.shell)
      bare.push((await warmReload(page, bareUrl, painted)).row)
    }
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
    return { bareFirstRowMs: median(sorted(bare)), appFirstRowMs: median(sorted(app)), appShellMs: median(sorted(shell)), reloads: options.reloads }
  } finally {
    await context.close()
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no token row painted within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
