import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import { authorize, can, permission } from '../auth/permissions.ts'
import type { Org } from '../db/database.ts'
import { jsonObject, jsonText } from '../../src/api/json-schema.ts'
import { readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { notFound } from '../http/errors.ts'
import { parsePage } from '../http/paging.ts'
import { isValidId, parseId } from '../ids.ts'
import { orgResponse } from '../responses.ts'
import { createOrg } from '../services/tenant.ts'

export const readOrg = (orgID: string) => permission('read', 'orgs', { id: orgID, orgID })

export const orgNameNotFound = (name: string) => notFound(`organization name "${name}" not found`)

/** GET|POST /api/v2/orgs, GET /api/v2/orgs/{orgID} (ref §B.4). */
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
      const org = store.orgByName(name)
      if (!org) throw orgNameNotFound(name)
      orgs = [org]
    } else if (orgID && isValidId(orgID)) {
      const org = store.orgById(orgID.toLowerCase())
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
      orgs = store.listOrgs(page, memberID)
    }
    const visible = orgs.filter((o) => can(principal, readOrg(o.id)))
    return json(c, 200, { links: { self: '/api/v2/orgs' }, orgs: visible.map(orgResponse) })
  })

  app.post('/api/v2/orgs', auth, async (c) => {
    const body = await readJson(c.req.raw, jsonObject({ name: jsonText, description: jsonText }))
    const principal = c.get('principal')
    authorize(principal, permission('write', 'orgs'))
    const org = store.transaction(() =>
      createOrg(
        store,
        { name: body.name ?? '', description: body.description },
        principal.userID,
      ),
    )
    return json(c, 201, orgResponse(org))
  })

  app.get('/api/v2/orgs/:orgID', auth, (c) => {
    const id = parseId(c.req.param('orgID'))
    authorize(c.get('principal'), readOrg(id))
    const org = store.orgById(id)
    if (!org) throw notFound('organization not found')
    return json(c, 200, orgResponse(org))
  })
}
