import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import { authorize, can, permission } from '../auth/permissions.ts'
import type { Bucket, BucketFilter } from '../domain.ts'
import { type JsonObject, expectObject, optionalArray, optionalNumber, optionalString, readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { invalid, notFound, unprocessable } from '../http/errors.ts'
import { pagingLinks, parsePage } from '../http/paging.ts'
import { parseId } from '../ids.ts'
import { bucketResponse } from '../responses.ts'
import { createBucket } from '../services/tenant.ts'
import { orgNameNotFound, readOrg } from './orgs.ts'

export const bucketNotFound = () => notFound('bucket not found')

/** Reading a system bucket needs read on its org; a user bucket needs read on itself (ref §B.5). */
function readBucket(b: Bucket) {
  return b.type === 'system' ? readOrg(b.orgID) : permission('read', 'buckets', { id: b.id, orgID: b.orgID })
}

/**
 * A number field that InfluxDB decodes into an int64, where anything else (a fraction, 1e308) is a
 * decoding error (400). JSON numbers arrive here as doubles, so past 2^53 the value sent is no
 * longer known exactly: those are refused too, which InfluxDB would accept.
 */
export function optionalInt64(obj: JsonObject, key: string, path = key): number | undefined {
  const value = optionalNumber(obj, key)
  if (value !== undefined && !Number.isSafeInteger(value)) {
    throw invalid(`invalid json structure: ${path} must be an integer between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}, got ${value}`)
  }
  return value
}

/** The first retention rule of a bucket request, checked like InfluxDB's postBucketRequest. */
function retentionOf(body: JsonObject): { retentionSeconds: number; shardGroupSeconds?: number } {
  const rules = optionalArray(body, 'retentionRules') ?? []
  const first = rules[0]
  if (first === undefined) return { retentionSeconds: 0 }
  const rule = expectObject(first, 'retentionRules[0]')
  const retentionSeconds = optionalInt64(rule, 'everySeconds', 'retentionRules[0].everySeconds') ?? 0
  const shardGroupSeconds = optionalInt64(rule, 'shardGroupDurationSeconds', 'retentionRules[0].shardGroupDurationSeconds')
  if (retentionSeconds < 0) {
    throw unprocessable('expiration seconds cannot be negative')
  }
  if (retentionSeconds > 0 && retentionSeconds < 3600) {
    throw unprocessable('expiration seconds must be greater than or equal to one hour')
  }
  if (shardGroupSeconds !== undefined && shardGroupSeconds < 0) {
    throw unprocessable('shard-group duration seconds must be a non-negative integer')
  }
  return { retentionSeconds, shardGroupSeconds }
}

/** GET|POST /api/v2/buckets, GET|DELETE /api/v2/buckets/{bucketID}. */
export function registerBucketRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store } = services
  const auth = requireAuth(services)

  app.get('/api/v2/buckets', auth, (c) => {
    const principal = c.get('principal')
    const page = parsePage((name) => c.req.query(name))
    const orgIDParam = c.req.query('orgID')
    const orgName = orgIDParam ? undefined : c.req.query('org') || undefined
    const idParam = c.req.query('id')
    const filter: BucketFilter = {
      orgID: orgIDParam ? parseId(orgIDParam) : undefined,
      id: idParam ? parseId(idParam) : undefined,
      name: c.req.query('name') || undefined,
    }
    if (orgName !== undefined) {
      const org = store.orgs.byName(orgName)
      if (!org) throw orgNameNotFound(orgName)
      filter.orgID = org.id
    }
    if (filter.id && !store.buckets.byId(filter.id)) throw bucketNotFound()
    // Paging happens before the permission filter, so a page can come back short (as in InfluxDB).
    const visible = store.buckets.list(filter, page).filter((b) => can(principal, readBucket(b)))
    const links = pagingLinks(
      '/api/v2/buckets',
      page,
      { orgID: orgIDParam ? filter.orgID : undefined, org: orgName, bucket: filter.name, id: filter.id },
      visible.length,
    )
    return json(c, 200, { links, buckets: visible.map(bucketResponse) })
  })

  app.post('/api/v2/buckets', auth, async (c) => {
    const body = expectObject(await readJson(c.req.raw))
    const orgIDText = optionalString(body, 'orgID')
    if (!orgIDText) throw invalid('organization id must be provided')
    const orgID = parseId(orgIDText)
    const retention = retentionOf(body)
    authorize(c.get('principal'), permission('write', 'buckets', { orgID }))
    if (!store.orgs.byId(orgID)) throw notFound('organization not found')
    const bucket = store.db.transaction(() =>
      createBucket(store, {
        orgID,
        name: optionalString(body, 'name') ?? '',
        description: optionalString(body, 'description'),
        ...retention,
      }),
    )
    return json(c, 201, bucketResponse(bucket))
  })

  app.get('/api/v2/buckets/:bucketID', auth, (c) => {
    const bucket = store.buckets.byId(parseId(c.req.param('bucketID')))
    if (!bucket) throw bucketNotFound()
    authorize(c.get('principal'), readBucket(bucket))
    return json(c, 200, bucketResponse(bucket))
  })

  app.delete('/api/v2/buckets/:bucketID', auth, (c) => {
    const bucket = store.buckets.byId(parseId(c.req.param('bucketID')))
    if (!bucket) throw bucketNotFound()
    authorize(c.get('principal'), permission('write', 'buckets', { id: bucket.id, orgID: bucket.orgID }))
    if (bucket.type === 'system') throw invalid('system buckets cannot be deleted')
    store.db.transaction(() => store.buckets.delete(bucket.id))
    return c.body(null, 204)
  })
}
