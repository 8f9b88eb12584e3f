import { resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './http/context.ts'

/** Paths that belong to the API, never to the single-page app. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/api' || path === '/health' || path === '/ping'
}

const TOKENS_PAGE = /^\/orgs\/([0-9a-f]{16})\/load-data\/tokens(?:\/review)?\/?$/

/**
 * For the token pages: hints that make the browser ask for what the page reads first (the session,
 * the orgs and the org's token list, which can be tens of MB) while it is still loading the app.
 * The app's own requests for the same URLs then take these responses. Only for a well-formed org
 * ID, which is all that reaches the header.
 */
function preloadFor(path: string): string | undefined {
  const orgID = TOKENS_PAGE.exec(path)?.[1]
  if (!orgID) return undefined
  const urls = [`/api/v2/authorizations?orgID=${orgID}`, '/api/v2/me', '/api/v2/orgs?limit=100', '/api/tokens-app/token-session']
  return urls.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`).join(', ')
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
// serveStatic calls its `next` when it has no file; here that means "try the next way to answer".
const notFound = async () => {}

/**
 * Serves the built app from `staticDir`: files as they are (hashed `/assets/*` cached forever,
 * the rest revalidated), and `index.html` for any other GET that accepts HTML (SPA routes).
 * serveStatic refuses `..` segments and encoded paths, which then get the SPA or a 404.
 */
export function registerStatic(app: Hono<AppEnv>, staticDir: string): void {
  const root = resolve(staticDir)
  const files = serveStatic<AppEnv>({ root })
  const index = serveStatic<AppEnv>({ root, path: 'index.html' })

  app.get('*', async (c, next) => {
    const path = c.req.path
    if (isApiPath(path)) return next()
    const isIndex = path === '/' || path === '/index.html'
    const file = isIndex ? undefined : await files(c, notFound)
    if (file) {
      file.headers.set('Cache-Control', path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
      return file
    }
    const wantsHtml = isIndex || (c.req.header('accept') ?? '').includes('text/html')
    const page = wantsHtml ? await index(c, notFound) : undefined
    if (!page) return next()
    page.headers.set('Cache-Control', 'no-cache')
    const preload = preloadFor(path)
    if (preload) page.headers.set('Link', preload)
    return page
  })
}
