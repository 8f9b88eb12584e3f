import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { type Browser, chromium } from '@playwright/test'
import { build } from 'vite'
import { buildApp } from '../server/app.ts'
import { openStore } from '../server/db/store.ts'
import { listen } from '../server/listen.ts'
import { type BareFigures, measureBare, withBarePage } from './bench-bare.ts'
import { type BrowserFigures, measureBrowser } from './bench-browser.ts'
import { type ReviewFigures, measureReview } from './bench-review.ts'
import { seedScale } from './scale-fixture.ts'
import { type ServerFigures, measureServer } from './server-load.ts'

// `npm run bench [-- --small 10 --large 10000 --loads 3]`: the figures of issue #5 for a small
// and a large fixture side by side; writes bench-results/latest.json; exits 1 if a target fails.
const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10' },
    large: { type: 'string', default: '10000' },
    loads: { type: 'string', default: '3' },
    'bare-reloads': { type: 'string', default: '5' },
    'list-requests': { type: 'string', default: '50' },
    'create-requests': { type: 'string', default: '3000' },
    // Another checkout's UI (same API), to compare a UI change before and after.
    'ui-root': { type: 'string', default: fileURLToPath(new URL('..', import.meta.url)) },
  },
})

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const debianChromium = '/usr/bin/chromium'
const SEED = 1
const CONCURRENCY = 16
/** JS heap after GC with the large list on screen (10,000 tokens by default). */
const HEAP_LIMIT_MB = 16

const log = (line: string) => console.error(`[bench] ${line}`)
const started = performance.now()
const work = mkdtempSync(join(tmpdir(), 'influx-tokens-bench-'))

/** Builds the UI into its own folder (never dist/, which others may be serving). */
async function buildUi(): Promise<{ staticDir: string; entryGzipKB: number; entryFiles: string[] }> {
  const staticDir = join(work, 'ui')
  await build({ root: values['ui-root'], logLevel: 'warn', build: { outDir: staticDir, emptyOutDir: true } })
  const html = readFileSync(join(staticDir, 'index.html'), 'utf8')
  // The entry chunk and whatever it preloads: the JS a first visit must download before rendering.
  const entryFiles = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1] as string)
  const bytes = entryFiles.reduce((sum, file) => sum + gzipSync(readFileSync(join(staticDir, file))).length, 0)
  return { staticDir, entryGzipKB: bytes / 1024, entryFiles }
}

interface SizeFigures {
  size: number
  seedSeconds: number
  browser: BrowserFigures
  bare: BareFigures
  review: ReviewFigures
  server: ServerFigures
}

type Fixture = Awaited<ReturnType<typeof seedScale>> & { dataDir: string; seedSeconds: number }

async function seed(size: number): Promise<Fixture> {
  const dataDir = join(work, `data-${size}`)
  const seedStarted = performance.now()
  const store = openStore(dataDir)
  const fixture = await seedScale(store, { tokens: size, buckets: size, seed: SEED })
  store.db.close()
  const seedSeconds = (performance.now() - seedStarted) / 1000
  log(`${size}: seeded in ${seedSeconds.toFixed(1)} s`)
  return { ...fixture, dataDir, seedSeconds }
}

/** Starts the app on `fixture` for the length of `use`. */
async function serving<T>(fixture: Fixture, staticDir: string, use: (url: string) => Promise<T>): Promise<T> {
  const { app, close } = buildApp({ dataDir: fixture.dataDir, staticDir })
  const server = await listen(withBarePage(app), { port: 0, host: '127.0.0.1' })
  try {
    return await use(server.url)
  } finally {
    await server.close()
    close()
  }
}

const measureBrowserOn = (fixture: Fixture, staticDir: string, browser: Browser) =>
  serving(fixture, staticDir, (baseUrl) =>
    measureBrowser(browser, {
      baseUrl,
      orgID: fixture.orgID,
      username: fixture.username,
      password: fixture.password,
      // Plus the org's two system buckets, which the picker lists too.
      bucketCount: fixture.buckets + 2,
      loads: Number(values.loads),
    }),
  )

const measureBareOn = (fixture: Fixture, staticDir: string, browser: Browser) =>
  serving(fixture, staticDir, (baseUrl) =>
    measureBare(browser, {
      baseUrl,
      orgID: fixture.orgID,
      username: fixture.username,
      password: fixture.password,
      reloads: Number(values['bare-reloads']),
    }),
  )

const measureServerOn = (fixture: Fixture, staticDir: string) =>
  serving(fixture, staticDir, (baseUrl) =>
    measureServer(baseUrl, fixture.orgID, fixture.operatorToken, {
      listRequests: Number(values['list-requests']),
      createRequests: Number(values['create-requests']),
      concurrency: CONCURRENCY,
    }),
  )

interface Row {
  figure: string
  small: number
  large: number
  target: string
  pass?: boolean
}

const within2x = (small: number, large: number) => large <= 2 * small

function rows(small: SizeFigures, large: SizeFigures, entryGzipKB: number): Row[] {
  const s = small.browser
  const l = large.browser
  const ratio = (figure: string, a: number, b: number, extra?: { target: string; pass: boolean }): Row => ({
    figure,
    small: a,
    large: b,
    target: extra ? `≤ 2×, ${extra.target}` : '≤ 2×',
    pass: within2x(a, b) && (extra?.pass ?? true),
  })
  const under = (limit: number) => ({ target: `< ${limit}`, pass: false })
  const keystroke = (value: number) => ({ ...under(50), pass: value < 50 })
  const nodes = (a: number, b: number) => ({ ...under(3000), pass: a < 3000 && b < 3000 })
  return [
    // Reported only: the bare page's own ratio between the sizes is over 10×, so no page that
    // stays within 1.5× of it at both sizes (the targets below) could keep this ratio under 2×.
    { figure: 'navigation → first token row (ms)', small: s.firstRowMs, large: l.firstRowMs, target: 'report (see the bare page)' },
    { figure: 'navigation → token list fully received (ms)', small: s.listArrivedMs, large: l.listArrivedMs, target: 'report' },
    ...bareRows(small.bare, large.bare),
    ratio('filter keystroke → repaint, median (ms)', s.filter.medianMs, l.filter.medianMs),
    ratio('filter keystroke → repaint, p95 (ms)', s.filter.p95Ms, l.filter.p95Ms, keystroke(l.filter.p95Ms)),
    { figure: 'filter input events ≥ 16 ms, p95 (ms, Event Timing)', small: s.filter.eventP95Ms, large: l.filter.eventP95Ms, target: 'report' },
    ratio('Read/Write dialog → every bucket reachable (ms)', s.dialogReadyMs, l.dialogReadyMs),
    ratio('bucket search keystroke → repaint, median (ms)', s.bucketSearch.medianMs, l.bucketSearch.medianMs),
    ratio('bucket search keystroke → repaint, p95 (ms)', s.bucketSearch.p95Ms, l.bucketSearch.p95Ms, keystroke(l.bucketSearch.p95Ms)),
    { figure: 'bucket search input events ≥ 16 ms, p95 (ms)', small: s.bucketSearch.eventP95Ms, large: l.bucketSearch.eventP95Ms, target: 'report' },
    { figure: 'token review, Node (ms, median of 5)', small: small.review.medianMs, large: large.review.medianMs, target: '< 1000', pass: large.review.medianMs < 1000 },
    ratio('DOM nodes, token list', s.domNodesList, l.domNodesList, nodes(s.domNodesList, l.domNodesList)),
    ratio('DOM nodes, Read/Write dialog open', s.domNodesDialog, l.domNodesDialog, nodes(s.domNodesDialog, l.domNodesDialog)),
    // A limit for the large list, not a ratio: the ratio to the small page is reported only.
    { figure: 'JS heap after GC (MB)', small: s.heapMB, large: l.heapMB, target: `≤ ${HEAP_LIMIT_MB} (large)`, pass: l.heapMB <= HEAP_LIMIT_MB },
    { figure: 'list refetch after a delete: longest main-thread task (ms)', small: s.refreshLongestTaskMs, large: l.refreshLongestTaskMs, target: 'report' },
    { figure: 'entry JS, gzipped (kB)', small: entryGzipKB, large: entryGzipKB, target: '< 120', pass: entryGzipKB < 120 },
    { figure: 'GET /api/v2/authorizations p50 (ms)', small: small.server.list.latencyMs.p50, large: large.server.list.latencyMs.p50, target: 'report' },
    { figure: 'GET /api/v2/authorizations p95 (ms)', small: small.server.list.latencyMs.p95, large: large.server.list.latencyMs.p95, target: 'report' },
    { figure: 'GET /api/v2/authorizations p99 (ms)', small: small.server.list.latencyMs.p99, large: large.server.list.latencyMs.p99, target: 'report' },
    { figure: 'GET /api/v2/authorizations body (MB)', small: mb(small.server.list), large: mb(large.server.list), target: 'report' },
    {
      figure: `POST /api/v2/authorizations, ${CONCURRENCY} clients (tokens/s)`,
      small: small.server.create.perSecond,
      large: large.server.create.perSecond,
      target: '≥ 1000',
      pass: small.server.create.perSecond >= 1000 && large.server.create.perSecond >= 1000,
    },
    {
      figure: 'errors (GET and POST)',
      small: small.server.create.errors + small.server.list.errors,
      large: large.server.create.errors + large.server.list.errors,
      target: '0',
      pass: small.server.create.errors + large.server.create.errors + small.server.list.errors + large.server.list.errors === 0,
    },
  ]
}

/** The app beside the bare page: warm reload → first token row within 1.5× at both sizes. */
function bareRows(small: BareFigures, large: BareFigures): Row[] {
  const ratio = (b: BareFigures) => b.appFirstRowMs / b.bareFirstRowMs
  const reloads = `median of ${small.reloads}`
  return [
    { figure: `warm reload → first token row, bare page (ms, ${reloads})`, small: small.bareFirstRowMs, large: large.bareFirstRowMs, target: 'report' },
    {
      figure: `warm reload → first token row, this app (ms, ${reloads})`,
      small: small.appFirstRowMs,
      large: large.appFirstRowMs,
      target: `≤ 1.5× bare (${ratio(small).toFixed(2)}×, ${ratio(large).toFixed(2)}×)`,
      pass: ratio(small) <= 1.5 && ratio(large) <= 1.5,
    },
    { figure: `warm reload → shell painted, this app (ms, ${reloads})`, small: small.appShellMs, large: large.appShellMs, target: 'report' },
  ]
}

function mb(result: ServerFigures['list']): number {
  return result.bytes / result.requests / 1024 / 1024
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return 'n/a'
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)
}

function table(all: Row[], small: number, large: number): string {
  const header = ['Figure', small.toLocaleString('en-US'), large.toLocaleString('en-US'), 'Ratio', 'Target', 'Result']
  const body = all.map((r) => [
    r.figure,
    formatNumber(r.small),
    formatNumber(r.large),
    r.small > 0 ? `${(r.large / r.small).toFixed(2)}×` : 'n/a',
    r.target,
    r.pass === undefined ? '' : r.pass ? 'pass' : 'FAIL',
  ])
  const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`)
  return lines.join('\n')
}

try {
  log('building the UI')
  const ui = await buildUi()
  log(`entry JS: ${ui.entryFiles.join(', ')} (${ui.entryGzipKB.toFixed(1)} kB gzipped)`)
  const fixtures = [await seed(Number(values.small)), await seed(Number(values.large))]
  const browser = await chromium.launch({
    executablePath: existsSync(debianChromium) ? debianChromium : undefined,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const browserFigures: BrowserFigures[] = []
  const bareFigures: BareFigures[] = []
  try {
    for (const fixture of fixtures) {
      bareFigures.push(await measureBareOn(fixture, ui.staticDir, browser))
      log(`${fixture.tokens}: bare-page comparison done`)
      browserFigures.push(await measureBrowserOn(fixture, ui.staticDir, browser))
      log(`${fixture.tokens}: browser done`)
    }
  } finally {
    await browser.close()
  }
  // With the browser gone, so that it does not compete with the server for the CPU; last, since
  // creating thousands of tokens changes the fixture.
  const figures: SizeFigures[] = []
  for (const [i, fixture] of fixtures.entries()) {
    const review = await serving(fixture, ui.staticDir, (url) => measureReview(url, fixture.orgID, fixture.operatorToken))
    const server = await measureServerOn(fixture, ui.staticDir)
    log(`${fixture.tokens}: server done`)
    figures.push({ size: fixture.tokens, seedSeconds: fixture.seedSeconds, browser: browserFigures[i] as BrowserFigures, bare: bareFigures[i] as BareFigures, review, server })
  }
  const [small, large] = figures as [SizeFigures, SizeFigures]
  const all = rows(small, large, ui.entryGzipKB)
  console.log(table(all, small.size, large.size))
  const failed = all.filter((r) => r.pass === false)
  const seconds = (performance.now() - started) / 1000
  // The load average says how much the machine was shared while measuring.
  const load = loadavg().map((n) => n.toFixed(1)).join(' ')
  console.log(`\n${failed.length === 0 ? 'All targets met' : `${failed.length} target(s) missed`}; ${cpus().length} CPUs, load ${load}, Node ${process.version}, ${seconds.toFixed(0)} s`)
  mkdirSync(join(repoRoot, 'bench-results'), { recursive: true })
  const result = { date: new Date().toISOString(), cpus: cpus().length, loadAverage: loadavg(), node: process.version, seconds, entryFiles: ui.entryFiles, rows: all, small, large }
  writeFileSync(join(repoRoot, 'bench-results', 'latest.json'), JSON.stringify(result, null, 2) + '\n')
  if (failed.length > 0) process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
