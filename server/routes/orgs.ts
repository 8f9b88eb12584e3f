import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import { authorize, can, permission } from '../auth/permissions.ts'
import type { Org } from '../domain.ts'
import { jsonObject, jsonText } from '../../src/api/json-schema.ts'
import { readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { conflict, invalid, notFound } from '../http/errors.ts'
import { parsePage } from '../http/paging.ts'
import { isValidId, parseId } from '../ids.ts'
import { orgResponse, userResponse } from '../responses.ts'
import { createOrg } from '../services/tenant.ts'

export const readOrg = (orgID: string) => permission('read', 'orgs', { id: orgID, orgID })

export const orgNameNotFound = (name: string) => notFound(`organization name "${name}" not found`)

/** GET|POST /api/v2/orgs, GET /api/v2/orgs/{orgID}, POST /api/v2/orgs/{orgID}/members. */
export function registerOrgRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store } = services
  const auth = requireAuth(services)

  app.get('/api/v2/orgs', auth, (c) => {
    const principal = c.get('principal')
    const page = parsePage((name) => c.req.query(name))
    const name = c.req.query('org')
    // Malformed orgID/userID are ignored, as InfluxDB does.
    const orgID = c.req.query('orgID')
    const userID = c.req.query('userID')
    let orgs: Org[]
    if (name) {
      const org = store.orgs.byName(name)
      if (!org) throw orgNameNotFound(name)
      orgs = [org]
    } else if (orgID && isValidId(orgID)) {
      const org = store.orgs.byId(orgID.toLowerCase())
      if (!org) throw notFound('organization not found')
      orgs = [org]
    } else {
      // Without global read:orgs only the caller's own orgs are candidates.
      const memberID =
        userID && isValidId(userID)
          ? userID.toLowerCase()
          : can(principal, permission('read', 'orgs'))
            ? undefined
            : principal.userID
      orgs = store.orgs.list(page, memberID)
    }
    const visible = orgs.filter((o) => can(principal, readOrg(o.id)))
    return json(c, 200, { links: { self: '/api/v2/orgs' }, orgs: visible.map(orgResponse) })
  })

  app.post('/api/v2/orgs', auth, async (c) => {
    const body = await readJson(c.req.raw, jsonObject({ name: jsonText, description: jsonText }))
    const principal = c.get('principal')
    authorize(principal, permission('write', 'orgs'))
    const org = store.db.transaction(() =>
      createOrg(
        store,
        { name: body.name ?? '', description: body.description },
        principal.userID,
      ),
    )
    return json(c, 201, orgResponse(org))
  })

  // `influx user create -o <org>` adds the new user to the org through this. Checks in InfluxDB's order.
  app.post('/api/v2/orgs/:orgID/members', auth, async (c) => {
    const orgID = parseId(c.req.param('orgID'))
    const principal = c.get('principal')
    // InfluxDB answers an org the caller cannot see like an unknown route.
    if (!store.orgs.byId(orgID) || !can(principal, readOrg(orgID))) throw notFound('404 page not found')
    const body = await readJson(c.req.raw, jsonObject({ id: jsonText }))
    const given = body.id
    if (!given) throw invalid('user id missing or invalid')
    const userID = parseId(given)
    authorize(principal, permission('write', 'orgs', { id: orgID, orgID }))
    const user = store.db.transaction(() => {
      const found = store.users.byId(userID)
      if (!found) throw notFound('user not found')
      // InfluxDB answers 500 here; a member or owner stays what it is.
      if (store.memberships.of(userID).some((m) => m.resourceType === 'orgs' && m.resourceID === orgID)) {
        throw conflict(`mapping for user ${userID} already exists`)
      }
      store.memberships.insert(userID, { resourceType: 'orgs', resourceID: orgID, role: 'member' })
      return found
    })
    return json(c, 201, { role: 'member', ...userResponse(user) })
  })

  app.get('/api/v2/orgs/:orgID', auth, (c) => {
    const id = parseId(c.req.param('orgID'))
    authorize(c.get('principal'), readOrg(id))
    const org = store.orgs.byId(id)
    if (!org) throw notFound('organization not found')
    return json(c, 200, orgResponse(org))
  })
}
