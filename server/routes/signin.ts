import type { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE, requireAuth } from '../auth/credentials.ts'
import { checkSigninPassword } from '../auth/passwords.ts'
import { authorize, permission } from '../auth/permissions.ts'
import { throttleKey } from '../auth/throttle.ts'
import { clientAddress } from '../http/client.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { ApiError, errorResponse, notFound, unauthorized } from '../http/errors.ts'
import { userResponse } from '../responses.ts'

function basicCredentials(header: string | undefined): { name: string; password: string } | undefined {
  const match = /^basic +(\S+)\s*$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

// Written by hand: the key's `=` padding must not be percent-encoded.
const sessionCookie = (value: string, expires: Date) =>
  `${SESSION_COOKIE}=${value}; Path=/api/; Expires=${expires.toUTCString()}; HttpOnly; SameSite=Strict`

/** POST /signin, POST /signout, GET /me (docs/influxdb-behaviour.md, Sessions, cookies and CORS). */
/** `trustedProxies`: the proxies whose X-Forwarded-For names the client the throttle keys by. */
export function registerSigninRoutes(app: Hono<AppEnv>, services: Services, trustedProxies: ReadonlySet<string>): void {
  const { store, sessions, signinThrottle } = services

  app.post('/api/v2/signin', async (c) => {
    const credentials = basicCredentials(c.req.header('authorization'))
    if (!credentials) throw unauthorized()
    const key = throttleKey(credentials.name, clientAddress(c, trustedProxies))
    // Reserved before the password check, so concurrent guesses cannot all be checked at once.
    const wait = signinThrottle.reserve(key)
    if (wait > 0) {
      const error = new ApiError('too many requests', `too many failed sign-in attempts, try again in ${wait} seconds`)
      return errorResponse(error, { 'Retry-After': String(wait) })
    }
    const user = store.users.byName(credentials.name)
    let accepted = false
    try {
      accepted = await checkSigninPassword(credentials.password, user ? store.users.passwordHash(user.id) : null)
    } finally {
      if (accepted) signinThrottle.succeed(key)
      else signinThrottle.fail(key)
    }
    if (!accepted || !user) throw unauthorized()
    // Inactive users still get a session; their next request is refused
    // (docs/influxdb-behaviour.md, Inactive tokens and users).
    const { key: sessionKey, expiresAt } = sessions.create(user.id)
    c.header('Set-Cookie', sessionCookie(sessionKey, new Date(expiresAt)))
    return c.body(null, 204)
  })

  // InfluxDB leaves the cookie in place; expiring it as well means the browser forgets the key.
  app.post('/api/v2/signout', (c) => {
    const key = getCookie(c, SESSION_COOKIE)
    if (!key || !sessions.delete(key)) throw unauthorized()
    c.header('Set-Cookie', sessionCookie('', new Date(0)))
    return c.body(null, 204)
  })

  app.get('/api/v2/me', requireAuth(services), (c) => {
    const principal = c.get('principal')
    authorize(principal, permission('read', 'users', { id: principal.userID }))
    const user = store.users.byId(principal.userID)
    if (!user) throw notFound('user not found')
    return json(c, 200, userResponse(user))
  })
}
