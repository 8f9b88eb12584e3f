import type { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE, requireAuth } from '../auth/credentials.ts'
import { verifyPassword } from '../auth/passwords.ts'
import { authorize, permission } from '../auth/permissions.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { notFound, unauthorized } from '../http/errors.ts'
import { userResponse } from '../responses.ts'

function basicCredentials(header: string | undefined): { name: string; password: string } | undefined {
  const match = /^basic +(\S+)\s*$/i.exec(header ?? '')
  if (!match?.[1]) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  return { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
}

/** POST /signin, POST /signout, GET /me (ref §B.1–B.3). */
export function registerSigninRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store, sessions } = services

  app.post('/api/v2/signin', async (c) => {
    const credentials = basicCredentials(c.req.header('authorization'))
    const user = credentials && store.userByName(credentials.name)
    const hash = user && store.passwordHash(user.id)
    if (!credentials || !user || !hash || !(await verifyPassword(credentials.password, hash))) throw unauthorized()
    // Inactive users still get a session; their next request is refused (ref §B.1).
    const { key, expiresAt } = sessions.create(user.id)
    // Written by hand: the key's `=` padding must not be percent-encoded.
    c.header(
      'Set-Cookie',
      `${SESSION_COOKIE}=${key}; Path=/api/; Expires=${new Date(expiresAt).toUTCString()}; HttpOnly; SameSite=Strict`,
    )
    return c.body(null, 204)
  })

  app.post('/api/v2/signout', (c) => {
    const key = getCookie(c, SESSION_COOKIE)
    if (!key || !sessions.delete(key)) throw unauthorized()
    return c.body(null, 204)
  })

  app.get('/api/v2/me', requireAuth(services), (c) => {
    const principal = c.get('principal')
    authorize(principal, permission('read', 'users', { id: principal.userID }))
    const user = store.userById(principal.userID)
    if (!user) throw notFound('user not found')
    return json(c, 200, userResponse(user))
  })
}
