import { createReadStream, statSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { Context, Hono, Next } from 'hono'
import type { AppEnv } from './http/context.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Paths that belong to the API, never to the single-page app. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/health' || path === '/ping'
}

/** The regular file under `root` for a URL path, or undefined (also for anything escaping root). */
function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const file = resolve(root, '.' + decoded)
  if (file !== root && !file.startsWith(root + sep)) return undefined
  try {
    return statSync(file).isFile() ? file : undefined
  } catch {
    return undefined
  }
}

function sendFile(c: Context, file: string, cacheControl: string): Response {
  const { size } = statSync(file)
  const headers = {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(size),
    'Cache-Control': cacheControl,
  }
  if (c.req.method === 'HEAD') return c.body(null, 200, headers)
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
  return c.body(stream, 200, headers)
}

const TOKENS_PAGE = /^\/orgs\/([0-9a-f]{16})\/load-data\/tokens\/?$/

/**
 * For the tokens page: a hint that makes the browser ask for the org's token list while it is
 * still loading the app (the list can be tens of MB). The app's own request for the same URL
 * then takes that response. Only for a well-formed org ID, which is all that reaches the header.
 */
function preloadFor(path: string): string | undefined {
  const orgID = TOKENS_PAGE.exec(path)?.[1]
  return orgID ? `</api/v2/authorizations?orgID=${orgID}>; rel=preload; as=fetch; crossorigin=anonymous` : undefined
}

/**
 * Serves the built app from `staticDir`: files as they are (hashed `/assets/*` cached forever,
 * the rest revalidated), and `index.html` for any other GET that accepts HTML (SPA routes).
 */
export function registerStatic(app: Hono<AppEnv>, staticDir: string): void {
  const root = resolve(staticDir)
  const index = resolve(root, 'index.html')

  app.get('*', async (c: Context, next: Next) => {
    const path = c.req.path
    if (isApiPath(path)) return next()
    const file = path === '/' ? undefined : resolveFile(root, path)
    if (file && file !== index) {
      const immutable = path.startsWith('/assets/')
      return sendFile(c, file, immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    }
    const wantsHtml = (c.req.header('accept') ?? '').includes('text/html') || path === '/' || file === index
    if (wantsHtml && resolveFile(root, '/index.html')) {
      const preload = preloadFor(path)
      if (preload) c.header('Link', preload)
      return sendFile(c, index, 'no-cache')
    }
    return next()
  })
}
