/**
 * `npm run screenshots`: the app's main moments as PNGs in docs/screenshots/, at 1280 and 390 px.
 * Seeds a demo server (the data of `npm run demo`) on a free port, serves the built app from dist/,
 * and drives Chromium through the screens as a person would. A step that cannot be taken (the UI
 * changed) is reported and the others still run; the exit code says whether every shot was taken.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Locator, type Page } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { openStore } from '../server/db/store.ts'
import { DEMO_PASSWORD, DEMO_USER, seedDemo } from '../server/demo-data.ts'
import { listen } from '../server/listen.ts'

const OUT_DIR = resolve('docs/screenshots')
const DIST_DIR = resolve('dist')
const CHROMIUM = '/usr/bin/chromium'
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const
const STEP_TIMEOUT_MS = 10_000

if (!existsSync(join(DIST_DIR, 'index.html'))) {
  console.error('dist/ has no built app: run `npm run build` first.')
  process.exit(1)
}
mkdirSync(OUT_DIR, { recursive: true })

const dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-screenshots-'))
const store = openStore(dataDir)
const demo = await seedDemo(store).finally(() => store.db.close())
const { app, close } = buildApp({ dataDir, staticDir: DIST_DIR })
const server = await listen(app, { port: 0, host: '127.0.0.1' })
const browser = await chromium.launch({ executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined })
const failures: string[] = []

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(server.url + path, {
    method,
    headers: { Authorization: `Token ${demo.operatorToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
  return response.status === 204 ? undefined : response.json()
}

const tokensPath = `/orgs/${demo.orgID}/load-data/tokens`

/** Ticks `name` in the picker of `action` (searching first, so a long list need not scroll). */
async function pickBucket(dialog: Locator, action: 'read' | 'write', name: string) {
  const fieldset = dialog.getByRole('group', { name: action === 'read' ? 'Read' : 'Write', exact: true })
  await fieldset.getByLabel('Search buckets').fill(name)
  await fieldset.getByRole('checkbox', { name, exact: true }).check()
  await fieldset.getByLabel('Search buckets').fill('')
}

async function openReadWrite(page: Page, description: string, read: string[], write: string[]) {
  await page.goto(tokensPath)
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  await page.getByRole('menuitem', { name: 'Read/Write Token' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Description' }).fill(description)
  for (const name of read) await pickBucket(dialog, 'read', name)
  for (const name of write) await pickBucket(dialog, 'write', name)
  return dialog
}

const steps: Array<{ name: string; run: (page: Page, width: number) => Promise<void> }> = [
  {
    name: 'list',
    run: async (page) => {
      await page.goto(tokensPath)
      await page.getByRole('row', { name: /Telegraf on edge gateways/ }).waitFor()
    },
  },
  {
    name: 'read-write-dialog',
    run: async (page) => {
      await openReadWrite(page, 'Telegraf for the factory lines', ['factory-line-a', 'factory-line-b'], ['factory-line-a'])
    },
  },
  {
    name: 'failed-save',
    run: async (page, width) => {
      // A real refusal: the chosen bucket is deleted on the server while the dialog is open.
      const bucket = (await api('POST', '/api/v2/buckets', { orgID: demo.orgID, name: `scratch-${width}`, retentionRules: [] })) as { id: string; name: string }
      const dialog = await openReadWrite(page, 'Scratch writer', [], [bucket.name])
      await api('DELETE', `/api/v2/buckets/${bucket.id}`)
      await dialog.getByRole('button', { name: 'Save' }).click()
      const alert = dialog.getByRole('alert').first()
      await alert.waitFor()
      await alert.scrollIntoViewIfNeeded()
    },
  },
  {
    name: 'bulk-bar',
    run: async (page) => {
      await page.goto(tokensPath)
      await page.getByRole('checkbox', { name: 'Select Old CI token (disabled)' }).check()
      await page.getByRole('checkbox', { name: 'Select Retired weather importer' }).check()
    },
  },
  {
    name: 'try-it',
    run: async (page) => {
      const dialog = await openReadWrite(page, 'Sensor gateway', ['iot-sensors'], ['iot-sensors'])
      await dialog.getByRole('button', { name: 'Save' }).click()
      const created = page.getByRole('dialog', { name: 'Token created' })
      await created.getByRole('button', { name: 'Try it' }).click()
      await created.getByRole('table', { name: 'Token check results' }).waitFor()
      await created.getByRole('button', { name: 'Try it' }).scrollIntoViewIfNeeded()
    },
  },
]

try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ baseURL: server.url, viewport: viewport, colorScheme: 'light', reducedMotion: 'reduce' })
    const page = await context.newPage()
    page.setDefaultTimeout(STEP_TIMEOUT_MS)
    await page.goto('/signin')
    await page.getByRole('textbox', { name: 'Username' }).fill(DEMO_USER)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign In' }).click()
    await page.waitForURL(`**${tokensPath}`)
    for (const step of steps) {
      const file = join(OUT_DIR, `${step.name}-${viewport.width}.png`)
      try {
        await step.run(page, viewport.width)
        // Toasts and dialogs animate in; let them settle before the shot.
        await page.waitForTimeout(300)
        await page.screenshot({ path: file })
        console.log(`wrote ${file}`)
      } catch (error) {
        // What the page showed when the step gave up, for whoever fixes the step.
        const seen = join(tmpdir(), `screenshots-failed-${step.name}-${viewport.width}.png`)
        await page.screenshot({ path: seen })
        failures.push(`${step.name} at ${viewport.width} px: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (page as seen: ${seen})`)
      }
    }
    await context.close()
  }
} finally {
  await browser.close()
  await server.close()
  close()
  rmSync(dataDir, { recursive: true, force: true })
}

if (failures.length > 0) {
  console.error(`Not taken:\n  ${failures.join('\n  ')}`)
  process.exit(1)
}
