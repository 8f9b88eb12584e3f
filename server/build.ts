import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'tailwind.config.ts']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs)
}

/**
 * Builds the UI with Vite when dist/index.html is missing or older than any UI source, and
 * returns the directory to serve (undefined when the repo has no UI to build).
 */
export async function ensureBuilt(root: string, log: (line: string) => void): Promise<string | undefined> {
  const dist = join(root, 'dist')
  const builtIndex = join(dist, 'index.html')
  if (!existsSync(join(root, 'index.html'))) return existsSync(builtIndex) ? dist : undefined
  const built = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0
  const sources = Math.max(...SOURCES.map((name) => newestMtime(join(root, name))))
  if (built === 0 || built < sources) {
    log('Building the UI with Vite…')
    try {
      const { build } = await import('vite')
      await build({ root, logLevel: 'warn' })
    } catch (error) {
      // The API is still useful without a fresh UI: report the failure and keep going.
      log(`UI build failed: ${error instanceof Error ? error.message : String(error)}`)
      if (built === 0) return undefined
      log('Serving the previous build from dist/.')
    }
  }
  return dist
}
