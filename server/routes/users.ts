import type { Hono } from 'hono'
import { z } from 'zod'
import { requireAuth } from '../auth/credentials.ts'
import { hashPassword, validatePassword } from '../auth/passwords.ts'
import { authorize, permission } from '../auth/permissions.ts'
import { authorizeUser, canUser } from '../auth/user-access.ts'
import type { User } from '../domain.ts'
import { authorizationStatusSchema } from '../../src/api/authorization-schema.ts'
import { jsonObject, jsonText } from '../../src/api/json-schema.ts'
import { check, readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { conflict, invalid, notFound } from '../http/errors.ts'
import { parsePage } from '../http/paging.ts'
import { parseId, timestamp } from '../ids.ts'
import { userResponse } from '../responses.ts'
import { createUser } from '../services/tenant.ts'

const userNotFound = () => notFound('user not found')

const userJson = jsonObject({ name: jsonText, status: jsonText })
const statusSchema = z.enum(authorizationStatusSchema.options, 'invalid status: must be active or inactive').optional()
/** GET|POST /api/v2/users, GET|PATCH|DELETE /api/v2/users/{userID}, POST …/password. */
export function registerUserRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store } = services
  const auth = requireAuth(services)

  app.get('/api/v2/users', auth, (c) => {
    const page = parsePage((name) => c.req.query(name))
    const name = c.req.query('name')
    const id = c.req.query('id')
    let users: User[]
    if (name || id) {
      const user = id ? store.users.byId(parseId(id)) : store.users.byName(name ?? '')
      if (!user || (name && user.name !== name)) throw userNotFound()
      users = [user]
    } else {
      users = store.users.list(page)
    }
    // Everyone needs read:users/<id>, so a non-operator normally sees only themselves.
    const visible = users.filter((u) => canUser(c.get('principal'), 'read', u.id))
    return json(c, 200, { links: { self: '/api/v2/users' }, users: visible.map(userResponse) })
  })

  app.post('/api/v2/users', auth, async (c) => {
    const body = await readJson(c.req.raw, userJson)
    authorize(c.get('principal'), permission('write', 'users'))
    const user = store.db.transaction(() =>
      createUser(store, { name: body.name ?? '', status: check(statusSchema, body.status) }),
    )
    return json(c, 201, userResponse(user))
  })

  app.get('/api/v2/users/:userID', auth, (c) => {
    const id = parseId(c.req.param('userID'))
    authorizeUser(c.get('principal'), 'read', id)
    const user = store.users.byId(id)
    if (!user) throw userNotFound()
    return json(c, 200, userResponse(user))
  })

  app.patch('/api/v2/users/:userID', auth, async (c) => {
    const id = parseId(c.req.param('userID'))
    const body = await readJson(c.req.raw, userJson)
    const name = body.name?.trim()
    const status = check(statusSchema, body.status)
    authorizeUser(c.get('principal'), 'write', id)
    const updated = store.db.transaction(() => {
      const user = store.users.byId(id)
      if (!user) throw userNotFound()
      if (name !== undefined && name !== user.name) {
        if (name === '') throw invalid('user name is empty')
        if (store.users.byName(name)) throw conflict(`user with name ${name} already exists`)
      }
      const next: User = { ...user, name: name || user.name, status: status ?? user.status, updatedAt: timestamp() }
      store.users.update(next)
      return next
    })
    return json(c, 200, userResponse(updated))
  })

  app.delete('/api/v2/users/:userID', auth, (c) => {
    const id = parseId(c.req.param('userID'))
    authorizeUser(c.get('principal'), 'write', id)
    store.db.transaction(() => {
      if (!store.users.byId(id)) throw userNotFound()
      store.users.delete(id)
    })
    return c.body(null, 204)
  })

  app.post('/api/v2/users/:userID/password', auth, async (c) => {
    const id = parseId(c.req.param('userID'))
    const password = (await readJson(c.req.raw, jsonObject({ password: jsonText }))).password ?? ''
    authorizeUser(c.get('principal'), 'write', id)
    if (!store.users.byId(id)) throw userNotFound()
    validatePassword(password)
    const hash = await hashPassword(password)
    store.db.transaction(() => {
      if (!store.users.byId(id)) throw userNotFound()
      store.users.setPasswordHash(id, hash, timestamp())
    })
    return c.body(null, 204)
  })
}
