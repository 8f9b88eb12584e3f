import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { requireAuth } from './auth/credentials.ts'
import { SessionStore } from './auth/sessions.ts'
import { SigninThrottle } from './auth/throttle.ts'
import { TokenSessionStore } from './auth/token-sessions.ts'
import { openStore } from './db/store.ts'
import type { AppEnv, Services } from './http/context.ts'
import { normalizeAddress } from './http/client.ts'
import { crossOriginProtection } from './http/csrf.ts'
import { closeWhenBodyUnread } from './http/lifecycle.ts'
import { ApiError, errorResponse } from './http/errors.ts'
import { hashToken, isValidId } from './ids.ts'
import { proxyTo } from './proxy.ts'
import { registerAuthorizationRoutes } from './routes/authorizations.ts'
import { registerBucketRoutes } from './routes/buckets.ts'
import { registerOrgRoutes } from './routes/orgs.ts'
import { registerSetupRoutes } from './routes/setup.ts'
import { registerSigninRoutes } from './routes/signin.ts'
import { type AskApi, listedPermissions, registerTokenSessionRoutes, tokenSessionCredentials } from './routes/token-session.ts'
import { INFLUX_VERSION, registerSystemRoutes } from './routes/system.ts'
import { registerUserRoutes } from './routes/users.ts'
import { registerWriteRoutes } from './routes/write.ts'
import { isApiPath, registerStatic } from './static.ts'

export interface AppOptions {
  /** Where the SQLite file lives (embedded mode). Default ./data */
  dataDir?: string
  /** Forward /api/*, /health and /ping to this InfluxDB instead of the embedded server. */
  influxUrl?: string
  /** The built single-page app (dist/). */
  staticDir?: string
  /** One line per request; default: nothing. */
  log?: (line: string) => void
  /** Session length; default 60 like InfluxDB. */
  sessionMinutes?: number
  /** Proxy mode: how long to wait for InfluxDB's answer before 504; default 30. */
  influxTimeoutSeconds?: number
  /** Addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Host are believed. */
  trustedProxies?: string[]
  /** The clock of token sessions (their 60 idle minutes); tests move it. Default Date.now. */
  now?: () => number
}

// A token session is forgotten after this long without a request.
const TOKEN_SESSION_IDLE_MS = 60 * 60_000

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

/**
 * The route a request matched, with its parameters shown only when they are IDs: never the raw
 * path or query, where a token pasted in place of an ID would otherwise reach the log.
 */
function loggedRoute(c: Context): string {
  const params: Record<string, string> = c.req.param()
  return routePath(c).replace(/:(\w+)/g, (placeholder, name: string) => {
    const value = params[name] ?? ''
    return isValidId(value) ? value : placeholder
  })
}

/** Method, route, status and duration. */
function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    await next()
    log(`${c.req.method} ${loggedRoute(c)} ${c.res.status} ${Math.round(performance.now() - started)}ms`)
  }
}

function setHeaders(headers: Record<string, string>): MiddlewareHandler {
  return async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}

const securityHeaders = setHeaders({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
})

// InfluxDB's CORS: echo any Origin, never allow credentials, answer preflights with 204
// (docs/influxdb-behaviour.md, Sessions, cookies and CORS).
const cors: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin')
  if (c.req.method === 'OPTIONS') {
    const headers: Record<string, string> = {
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS, PUT, DELETE, PATCH',
      'Access-Control-Allow-Headers':
        'Accept, Content-Type, Content-Length, Accept-Encoding, Authorization, User-Agent',
    }
    if (origin) headers['Access-Control-Allow-Origin'] = origin
    return c.body(null, 204, headers)
  }
  await next()
  if (origin) c.res.headers.set('Access-Control-Allow-Origin', origin)
}

function embeddedApi(
  app: Hono<AppEnv>,
  options: AppOptions,
  trustedProxies: ReadonlySet<string>,
  tokenSessions: { sessions: TokenSessionStore; ask: AskApi },
): () => void {
  const store = openStore(options.dataDir ?? './data')
  // Embedded, the token's own record is at hand, so what it may do is known exactly.
  registerTokenSessionRoutes(app as unknown as Hono, {
    ...tokenSessions,
    trustedProxies,
    lookup: async (token) => {
      const auth = store.authorizations.byTokenHash(hashToken(token))
      return { permissions: auth && auth.status === 'active' ? auth.permissions : [], exact: true }
    },
  })
  const services: Services = {
    store,
    sessions: new SessionStore((options.sessionMinutes ?? 60) * 60_000),
    signinThrottle: new SigninThrottle(),
  }
  app.use('*', setHeaders({ 'X-Influxdb-Build': 'OSS', 'X-Influxdb-Version': INFLUX_VERSION }))
  for (const path of ['/api/*', '/health', '/ping']) app.use(path, cors)
  registerSystemRoutes(app, services)
  registerSetupRoutes(app, services)
  registerSigninRoutes(app, services, trustedProxies)
  registerOrgRoutes(app, services)
  registerBucketRoutes(app, services)
  registerUserRoutes(app, services)
  registerAuthorizationRoutes(app, services)
  registerWriteRoutes(app, services)
  // Like InfluxDB, an unknown API path asks for credentials before it is found not to exist.
  app.all('/api/*', requireAuth(services))
  return () => store.db.close()
}

/** The whole server as a Hono app: the API (embedded or proxied) and the built UI. No listening. */
export function buildApp(options: AppOptions): { app: Hono; close(): void } {
  const log = options.log ?? (() => {})
  const app = new Hono<AppEnv>()
  const trustedProxies: ReadonlySet<string> = new Set((options.trustedProxies ?? []).map(normalizeAddress))
  app.use('*', requestLog(log))
  app.use('*', securityHeaders)
  app.use('*', closeWhenBodyUnread)
  // Before the proxy too: the forwarded session cookie is just as usable from another origin.
  app.use('/api/*', crossOriginProtection(trustedProxies))
  const sessions = new TokenSessionStore(TOKEN_SESSION_IDLE_MS, options.now)
  app.use('/api/*', tokenSessionCredentials(sessions, trustedProxies))
  const ask: AskApi = (path, token) => Promise.resolve(app.request(path, { headers: { authorization: `Token ${token}` } }))

  let close = () => {}
  if (options.influxUrl) {
    const timeoutMs = (options.influxTimeoutSeconds ?? 30) * 1000
    const proxy = proxyTo(options.influxUrl, { log, timeoutMs, trustedProxies })
    registerTokenSessionRoutes(app as unknown as Hono, { sessions, ask, lookup: listedPermissions(ask), trustedProxies })
    for (const path of ['/api/*', '/health', '/ping']) app.all(path, proxy)
  } else {
    close = embeddedApi(app, options, trustedProxies, { sessions, ask })
  }
  app.all('/api/*', () => {
    throw new ApiError('not found', 'path not found')
  })
  if (options.staticDir) registerStatic(app, options.staticDir)

  app.notFound((c) => (isApiPath(c.req.path) ? errorResponse(new ApiError('not found', 'path not found')) : c.text('Not Found', 404)))
  app.onError((error) => {
    if (error instanceof ApiError) return errorResponse(error)
    log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return errorResponse(new ApiError('internal error', 'An internal error has occurred.'))
  })
  return { app: app as unknown as Hono, close }
}
