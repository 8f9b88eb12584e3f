import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import { can, permission } from '../auth/permissions.ts'
import type { Bucket, Org, Store } from '../db/database.ts'
import { readWriteBody } from '../http/body.ts'
import type { AppEnv, Services } from '../http/context.ts'
import { forbidden, invalid, notFound } from '../http/errors.ts'
import { isValidId, nowNanos, parseId } from '../ids.ts'
import { PRECISIONS, type Precision, parseLineProtocol } from '../lineprotocol.ts'
import { bucketNotFound } from './buckets.ts'
import { orgNameNotFound } from './orgs.ts'

/** InfluxDB's queryOrganization: `org` is an ID or a name, `orgID` must be an ID. */
function findOrg(store: Store, org: string | undefined, orgID: string | undefined): Org {
  let id: string | undefined
  let name: string | undefined
  if (org) {
    if (isValidId(org)) id = org.toLowerCase()
    else name = org
  }
  if (orgID) id = parseId(orgID)
  if (id !== undefined) {
    const found = store.orgById(id)
    if (!found) throw notFound('organization not found')
    return found
  }
  if (name === undefined) throw invalid('Please provide either orgID or org')
  const found = store.orgByName(name)
  if (!found) throw orgNameNotFound(name)
  return found
}

/** `bucket` is tried as an ID first, then as a name, within the org. */
function findBucket(store: Store, orgID: string, bucket: string): Bucket {
  const byId = isValidId(bucket) ? store.bucketById(bucket.toLowerCase()) : undefined
  const found = byId?.orgID === orgID ? byId : store.bucketByName(orgID, bucket)
  if (!found) throw notFound(`bucket "${bucket}" not found`)
  return found
}

/** POST /api/v2/write: line protocol into a bucket, in the order InfluxDB's write handler checks. */
export function registerWriteRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store } = services

  app.post('/api/v2/write', requireAuth(services), async (c) => {
    const precision = c.req.query('precision') || 'ns'
    if (!Object.hasOwn(PRECISIONS, precision)) {
      throw invalid('invalid precision; valid precision units are ns, us, ms, and s')
    }
    const bucketParam = c.req.query('bucket')
    if (!bucketParam) throw bucketNotFound()
    const body = await readWriteBody(c.req.raw)

    const org = findOrg(store, c.req.query('org'), c.req.query('orgID'))
    const bucket = findBucket(store, org.id, bucketParam)
    const principal = c.get('principal')
    if (!can(principal, permission('write', 'buckets', { id: bucket.id, orgID: org.id }))) {
      const reason = principal.permissions === null ? ': token is inactive' : ''
      throw forbidden(`insufficient permissions for write${reason}`)
    }

    const { points, errors } = parseLineProtocol(body.toString('utf8'), precision as Precision, nowNanos())
    if (errors.length > 0) throw invalid(errors.join('\n'))
    store.transaction(() => store.insertPoints(bucket.id, points))
    return c.body(null, 204)
  })
}
