import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// `prestart` and `predemo`: builds the UI with Vite when dist/index.html is missing or older than
// any UI source, so a fresh clone needs only `npm install && npm start`. API_ONLY=1 skips it.

const root = fileURLToPath(new URL('..', import.meta.url))
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tailwind.config.ts']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

const builtIndex = join(root, 'dist', 'index.html')
const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0
const stale = built === 0 || built < Math.max(...SOURCES.map((name) => newestMtime(join(root, name))))

if (process.env.API_ONLY !== '1' && stale) {
  console.log('Building the UI with Vite…')
  try {
    const { build } = await import('vite')
    await build({ root, logLevel: 'warn' })
  } catch (error) {
    // The API is still useful without a fresh UI: report the failure and let the server start.
    console.log(`UI build failed: ${error instanceof Error ? error.message : String(error)}`)
    if (built !== 0) console.log('Serving the previous build from dist/.')
  }
}
