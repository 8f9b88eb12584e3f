import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { buildApp } from '../server/app.ts'
import { openStore } from '../server/db/store.ts'
import { listen } from '../server/listen.ts'

const ADMIN = { username: 'admin', password: 'correct-horse-battery', org: 'acme', bucket: 'telemetry' }

/** A page on another port of the same host: the same site, another origin. */
function hostilePage(html: string) {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html))
  return new Promise<{ url: string; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  )
}

// A plain form needs no script and no CORS: enctype="text/plain" sends `name=value` as the body,
// which is line protocol when the field is named `m v`.
const autoSubmit = (action: string) =>
  `<form method="POST" action="${action}" enctype="text/plain"><input name="m v" value="1"></form><script>document.forms[0].submit()</script>`

test('a form on another port of the same host can neither write with the session nor sign it out', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokens-e2e-csrf-'))
  const { app, close } = buildApp({ dataDir, staticDir: resolve(process.env.E2E_DIST_DIR ?? 'dist') })
  const victim = await listen(app, { port: 0, host: '127.0.0.1' })
  try {
    const setup = await fetch(`${victim.url}/api/v2/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    expect(setup.status).toBe(201)
    const { bucket } = (await setup.json()) as { bucket: { id: string } }
    const basic = Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')
    expect((await page.request.post(`${victim.url}/api/v2/signin`, { headers: { Authorization: `Basic ${basic}` } })).status()).toBe(204)

    for (const target of [`/api/v2/write?org=${ADMIN.org}&bucket=${ADMIN.bucket}`, '/api/v2/signout']) {
      const hostile = await hostilePage(autoSubmit(victim.url + target))
      const answer = page.waitForResponse((response) => response.url() === victim.url + target)
      await page.goto(hostile.url, { waitUntil: 'commit' })
      const response = await answer
      hostile.close()
      expect(response.status(), target).toBe(403)
      expect(await response.json()).toMatchObject({ code: 'forbidden' })
    }

    const store = openStore(dataDir)
    try {
      expect(store.points.count(bucket.id)).toBe(0)
    } finally {
      store.db.close()
    }
    expect((await page.request.get(`${victim.url}/api/v2/me`)).status()).toBe(200)
  } finally {
    await victim.close()
    close()
    await rm(dataDir, { recursive: true, force: true })
  }
})
