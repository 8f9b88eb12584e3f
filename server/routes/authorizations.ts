import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import {
  authorizationPostJson,
  authorizationPostRequestSchema,
  authorizationUpdateJson,
  authorizationUpdateRequestSchema,
} from '../../src/api/authorization-schema.ts'
import {
  type Action,
  type Principal,
  type ResourceType,
  assertNoInstance,
  authorize,
  authorizeGrant,
  can,
  formatPermission,
  permission,
} from '../auth/permissions.ts'
import type { Authorization, AuthorizationFilter } from '../domain.ts'
import { check, readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { invalid, notFound } from '../http/errors.ts'
import { parseId, timestamp } from '../ids.ts'
import { assertInTokenOrg } from '../auth/token-scope.ts'
import { authorizeUser, canUser } from '../auth/user-access.ts'
import { type Names, authorizationResponse } from '../responses.ts'
import { AuthorizationResponses } from '../services/authorization-responses.ts'
import { insertAuthorization } from '../services/tenant.ts'
import { orgNameNotFound } from './orgs.ts'

const authorizationNotFound = () => notFound('authorization not found')
// The list body is built as text (see AuthorizationResponses), so it is sent with json()'s type by hand.
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

type Owned = Pick<Authorization, 'id' | 'orgID' | 'userID'>

/** A token is read or written with the same action on it, in its org, and on its user. */
function authorizeOn(principal: Principal, action: Action, a: Owned): void {
  authorize(principal, permission(action, 'authorizations', { id: a.id, orgID: a.orgID }))
  authorizeUser(principal, action, a.userID)
}

/**
 * The single-resource response: 404 when the token's org or user no longer exists
 * (docs/influxdb-behaviour.md, Who may do what with authorizations).
 */
function singleResponse(store: Services['store'], a: Authorization, names: Names, token = '') {
  if (!store.orgs.byId(a.orgID)) throw notFound('organization not found')
  if (!store.users.byId(a.userID)) throw notFound('user not found')
  return authorizationResponse(a, names, token)
}

function findAuthorization(store: Services['store'], idText: string): Authorization {
  const authorization = store.authorizations.byId(parseId(idText))
  if (!authorization) throw authorizationNotFound()
  return authorization
}

/** GET|POST /api/v2/authorizations, GET|PATCH|DELETE /api/v2/authorizations/{authID}
 * (docs/influxdb-behaviour.md: Who may do what with authorizations, Validation order and messages). */
export function registerAuthorizationRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store } = services
  const auth = requireAuth(services)
  const responses = new AuthorizationResponses(store)

  app.get('/api/v2/authorizations', auth, (c) => {
    const principal = c.get('principal')
    const filter: AuthorizationFilter = {}
    const userID = c.req.query('userID')
    const userName = c.req.query('user')
    const orgID = c.req.query('orgID')
    const orgName = c.req.query('org')
    const id = c.req.query('id')
    // The ID form of a filter wins over the name form; `token` is ignored like in OSS.
    if (userID) filter.userID = parseId(userID)
    else if (userName) {
      const user = store.users.byName(userName)
      if (!user) throw notFound('user not found')
      filter.userID = user.id
    }
    if (orgID) filter.orgID = parseId(orgID)
    else if (orgName) {
      const org = store.orgs.byName(orgName)
      if (!org) throw orgNameNotFound(orgName)
      filter.orgID = org.id
    }
    if (id) {
      filter.id = parseId(id)
      if (!store.authorizations.byId(filter.id)) throw authorizationNotFound()
    }
    // Tokens the caller may not read, or whose user or org is gone, are dropped silently; so are
    // the tokens of an inactive user, which stop working like a deleted user's (issue #2).
    const inactiveUsers = new Set(store.users.all().filter((u) => u.status !== 'active').map((u) => u.id))
    // One answer per user: a list holds thousands of tokens of a handful of users.
    const readableUsers = new Map<string, boolean>()
    const canReadUser = (userID: string) => {
      let allowed = readableUsers.get(userID)
      if (allowed === undefined) readableUsers.set(userID, (allowed = canUser(principal, 'read', userID)))
      return allowed
    }
    const body = responses.listJson(
      filter,
      (a) =>
        !inactiveUsers.has(a.userID) &&
        can(principal, permission('read', 'authorizations', { id: a.id, orgID: a.orgID })) &&
        canReadUser(a.userID),
    )
    return c.body(body, 200, { 'Content-Type': JSON_CONTENT_TYPE })
  })

  app.post('/api/v2/authorizations', auth, async (c) => {
    const principal = c.get('principal')
    const request = check(authorizationPostRequestSchema, await readJson(c.req.raw, authorizationPostJson))
    const { orgID, description, status = 'active' } = request
    // Validated against the known types; `name` and `org` are not read.
    const permissions = request.permissions.map(({ action, resource }) =>
      permission(action, resource.type as ResourceType, { id: resource.id, orgID: resource.orgID }),
    )
    if (!store.users.byId(principal.userID)) throw invalid('unable to create token')

    const userID = request.userID ?? principal.userID
    authorize(principal, permission('write', 'authorizations', { orgID }))
    authorizeUser(principal, 'write', userID)
    permissions.forEach((p) => authorizeGrant(principal, p))
    // InfluxDB answers 500 here; a clear 400 is better.
    assertNoInstance(permissions)

    const mismatch = permissions.find((p) => p.resource.orgID !== undefined && p.resource.orgID !== orgID)
    if (mismatch) throw invalid(`permission ${formatPermission(mismatch)} is not for org id ${orgID}`)

    const created = store.db.transaction(() => {
      if (!store.users.byId(userID) || !store.orgs.byId(orgID)) throw invalid('unable to create token')
      permissions.forEach((p) => assertInTokenOrg(store, principal, { orgID, userID }, p))
      return insertAuthorization(store, { orgID, userID, permissions, description, status })
    })
    return json(c, 201, authorizationResponse(created.authorization, responses.currentNames(), created.token))
  })

  app.get('/api/v2/authorizations/:authID', auth, (c) => {
    const authorization = findAuthorization(store, c.req.param('authID'))
    authorizeOn(c.get('principal'), 'read', authorization)
    return json(c, 200, singleResponse(store, authorization, responses.currentNames()))
  })

  app.patch('/api/v2/authorizations/:authID', auth, async (c) => {
    const id = parseId(c.req.param('authID'))
    const body = await readJson(c.req.raw, authorizationUpdateJson)
    const updated = store.db.transaction(() => {
      const authorization = findAuthorization(store, id)
      // InfluxDB reads the token (read rights) before it updates it (write rights).
      authorizeOn(c.get('principal'), 'read', authorization)
      authorizeOn(c.get('principal'), 'write', authorization)
      const { description, status } = check(authorizationUpdateRequestSchema, body)
      // Only status and description can change; `{}` just bumps updatedAt.
      const next: Authorization = {
        ...authorization,
        status: status ?? authorization.status,
        description: description ?? authorization.description,
        updatedAt: timestamp(),
      }
      store.authorizations.update(next)
      return next
    })
    return json(c, 200, singleResponse(store, updated, responses.currentNames()))
  })

  app.delete('/api/v2/authorizations/:authID', auth, (c) => {
    store.db.transaction(() => {
      const authorization = findAuthorization(store, c.req.param('authID'))
      authorizeOn(c.get('principal'), 'write', authorization)
      store.authorizations.delete(authorization.id)
    })
    responses.forget(parseId(c.req.param('authID')))
    return c.body(null, 204)
  })
}
