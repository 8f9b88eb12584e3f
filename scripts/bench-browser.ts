import type { Browser, Page } from '@playwright/test'
import { signedInContext } from './bench-session.ts'
import { median, percentile } from './stats.ts'

export interface KeystrokeFigures {
  /** keydown → the frame after the last DOM change it caused (or after the input event when nothing changed). */
  medianMs: number
  p95Ms: number
  /** Event Timing: the longest keydown/input/keyup entry per keystroke (entries under 16 ms are not reported: 0). */
  eventP95Ms: number
  samples: number
}

export interface BrowserFigures {
  firstRowMs: number
  /** When the org's token list had fully arrived (Resource Timing), in the same page loads. */
  listArrivedMs: number
  filter: KeystrokeFigures
  dialogReadyMs: number
  bucketSearch: KeystrokeFigures
  domNodesList: number
  domNodesDialog: number
  heapMB: number
  /** The longest main-thread task (Long Tasks API, ≥ 50 ms, else 0) while the list is refetched after a delete. */
  refreshLongestTaskMs: number
}

interface BenchWindow {
  __bench: {
    firstRow?: number
    lastMutation: number
    paint?: number
    keydown?: number
    clicked?: number
    scope?: string
    events: { name: string; start: number; duration: number }[]
  }
}

/**
 * Runs in the page before its scripts. Records when the first token row is painted, each DOM
 * change (with the frame after it) inside the element the current measurement watches, and
 * Event Timing entries. "After paint" is the task after the next animation frame.
 */
function instrument(): void {
  const state: BenchWindow['__bench'] = { lastMutation: 0, events: [] }
  ;(window as unknown as BenchWindow).__bench = state
  const afterPaint = (done: () => void) => requestAnimationFrame(() => setTimeout(done, 0))
  let sequence = 0
  new MutationObserver((records) => {
    if (state.firstRow === undefined && document.querySelector('table[aria-label="Tokens"] tbody tr[aria-rowindex]')) {
      state.firstRow = -1
      afterPaint(() => (state.firstRow = performance.now()))
    }
    const scope = state.scope ? document.querySelector(state.scope) : null
    // Background updates elsewhere (such as bucket pages filling a <select>) are not this keystroke's work.
    const relevant = records.some((r) => scope?.contains(r.target) && !(r.target instanceof Element && r.target.closest('select')))
    if (state.keydown === undefined || !relevant) return
    state.lastMutation = performance.now()
    const mine = ++sequence
    afterPaint(() => {
      if (mine === sequence) state.paint = performance.now()
    })
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
  addEventListener('keydown', (event) => {
    state.keydown = event.timeStamp
    state.paint = undefined
    state.lastMutation = performance.now()
  }, true)
  addEventListener('input', () => {
    const mine = ++sequence
    afterPaint(() => {
      if (mine === sequence) state.paint = performance.now()
    })
  }, true)
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.events.push({ name: e.name, start: e.startTime, duration: e.duration })
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
}

/** Waits until the watched element has been quiet for `quietMs`, then returns keydown → paint. */
async function settle(page: Page, quietMs = 150): Promise<{ ms: number; eventMs: number }> {
  return page.evaluate(async (quiet) => {
    const state = (window as unknown as BenchWindow).__bench
    const deadline = performance.now() + 10_000
    while (performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25))
      if (state.paint !== undefined && performance.now() - state.lastMutation >= quiet) break
    }
    const start = state.keydown ?? NaN
    const eventMs = Math.max(0, ...state.events.filter((e) => e.start >= start - 1).map((e) => e.duration))
    state.keydown = undefined
    state.events = []
    return { ms: (state.paint ?? NaN) - start, eventMs }
  }, quietMs)
}

/** Typed and deleted one key at a time, so every keystroke changes what matches. */
const KEYS = [
  ...'tele', ...Array(4).fill('Backspace'), ...'prod', ...Array(4).fill('Backspace'),
  ...'eu-w', ...Array(4).fill('Backspace'), ...'日本', ...Array(2).fill('Backspace'), ...'bill', ...Array(4).fill('Backspace'),
] as string[]

async function typeAndMeasure(page: Page, scope: string, focus: () => Promise<void>): Promise<KeystrokeFigures> {
  await focus()
  await page.evaluate((s) => ((window as unknown as BenchWindow).__bench.scope = s), scope)
  const times: number[] = []
  const events: number[] = []
  for (const key of KEYS) {
    // Non-ASCII arrives as text input (as from an IME), everything else as a key press.
    if (key.length === 1 && key.charCodeAt(0) > 127) await page.keyboard.insertText(key)
    else await page.keyboard.press(key)
    const { ms, eventMs } = await settle(page)
    if (Number.isFinite(ms)) times.push(ms)
    events.push(eventMs)
  }
  times.sort((a, b) => a - b)
  events.sort((a, b) => a - b)
  return { medianMs: median(times), p95Ms: percentile(times, 95), eventP95Ms: percentile(events, 95), samples: times.length }
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / 1024 / 1024
}

const domNodes = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length)

/** Navigation → first token row painted, and → the token list response's last byte. */
async function firstRow(page: Page, url: string): Promise<{ row: number; list: number }> {
  await page.goto(url)
  await page.waitForFunction(() => ((window as unknown as BenchWindow).__bench.firstRow ?? -1) > 0, undefined, { timeout: 60_000 })
  return page.evaluate(() => {
    const list = performance
      .getEntriesByType('resource')
      .find((e) => e.name.includes('/api/v2/authorizations?orgID=')) as PerformanceResourceTiming | undefined
    return { row: (window as unknown as BenchWindow).__bench.firstRow as number, list: list?.responseEnd ?? NaN }
  })
}

/**
 * Deletes a listed token (which refetches the whole list) and returns the longest task meanwhile.
 * Never the setup user's operator token, which the server measurements use afterwards.
 */
async function refreshLongestTask(page: Page, orgID: string): Promise<number> {
  await page.evaluate(() => {
    const tasks: number[] = []
    ;(window as unknown as { __longTasks: number[] }).__longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration)
    }).observe({ type: 'longtask' })
  })
  const row = page.getByRole('table', { name: 'Tokens' }).locator('tbody tr[aria-rowindex]').filter({ hasNotText: "admin's Token" }).first()
  await row.getByRole('button', { name: 'Delete' }).click()
  const refetched = page.waitForResponse((r) => r.url().includes(`/api/v2/authorizations?orgID=${orgID}`) && r.request().method() === 'GET', { timeout: 60_000 })
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await (await refetched).finished()
  // Reading and re-sorting the fresh copy take well under this.
  await page.waitForTimeout(2_000)
  return page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks))
}

/** Clicks Generate → Read/Write Token and waits until the read picker can scroll to every bucket. */
async function openReadWrite(page: Page, bucketCount: number): Promise<number> {
  await page.getByRole('button', { name: 'Generate' }).click()
  const item = page.getByRole('menuitem', { name: 'Read/Write Token' })
  await item.waitFor()
  await page.evaluate(() =>
    addEventListener('click', (event) => ((window as unknown as BenchWindow).__bench.clicked = event.timeStamp), { capture: true, once: true }),
  )
  await item.click()
  return page.evaluate(async (count) => {
    const started = (window as unknown as BenchWindow).__bench.clicked ?? NaN
    for (;;) {
      await new Promise((r) => requestAnimationFrame(r))
      // The virtual list is as tall as all its rows: every bucket is one scroll or search away.
      const list = document.querySelector('[role="group"][aria-label="Buckets to read"]')
      const row = list?.querySelector('label')
      const content = list?.firstElementChild as HTMLElement | null | undefined
      if (row && content && Math.round(content.offsetHeight / row.offsetHeight) >= count) return performance.now() - started
    }
  }, bucketCount)
}

/**
 * Every browser figure for one running server: `loads` page loads for the first row (the first,
 * which also warms the server, is not counted), then the filter, the dialog and the picker search.
 */
export async function measureBrowser(
  browser: Browser,
  options: { baseUrl: string; orgID: string; username: string; password: string; bucketCount: number; loads: number },
): Promise<BrowserFigures> {
  const context = await signedInContext(browser, options, instrument)
  try {
    const url = `${options.baseUrl}/orgs/${options.orgID}/load-data/tokens`
    const page = await context.newPage()

    const loads: number[] = []
    const arrivals: number[] = []
    for (let i = 0; i <= options.loads; i++) {
      const { row, list } = await firstRow(page, url)
      if (i === 0) continue
      loads.push(row)
      arrivals.push(list)
    }
    loads.sort((a, b) => a - b)
    arrivals.sort((a, b) => a - b)
    // The rest is measured once the page has everything it asked for, as a user typing would see it.
    await page.waitForLoadState('networkidle')
    const filterBox = page.getByRole('textbox', { name: 'Filter Tokens' })
    const filter = await typeAndMeasure(page, 'main', () => filterBox.click())
    await filterBox.fill('')
    await page.waitForLoadState('networkidle')
    const domNodesList = await domNodes(page)
    const heap = await heapMB(page)
    const refreshLongestTaskMs = await refreshLongestTask(page, options.orgID)

    // A fresh load, so the dialog also waits for whatever bucket pages are still on their way.
    await firstRow(page, url)
    const dialogReadyMs = await openReadWrite(page, options.bucketCount)
    await page.waitForLoadState('networkidle')
    const dialog = page.getByRole('dialog', { name: 'Generate Read/Write Token' })
    const search = dialog.getByRole('searchbox', { name: 'Search buckets' }).first()
    const bucketSearch = await typeAndMeasure(page, '[role="dialog"]', () => search.click())
    await search.fill('')
    const domNodesDialog = await domNodes(page)
    return { firstRowMs: median(loads), listArrivedMs: median(arrivals), filter, dialogReadyMs, bucketSearch, domNodesList, domNodesDialog, heapMB: heap, refreshLongestTaskMs }
  } finally {
    await context.close()
  }
}
