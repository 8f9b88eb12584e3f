import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import { authorize, can, permission } from '../auth/permissions.ts'
import type { Bucket, BucketFilter } from '../domain.ts'
import { jsonArray, jsonInt64, jsonObject, jsonText } from '../../src/api/json-schema.ts'
import { readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { invalid, notFound, unprocessable } from '../http/errors.ts'
import { pagingLinks, parsePage } from '../http/paging.ts'
import { parseId } from '../ids.ts'
import { bucketResponse } from '../responses.ts'
import { createBucket } from '../services/tenant.ts'
import { orgNameNotFound, readOrg } from './orgs.ts'

export const bucketNotFound = () => notFound('bucket not found')

/** Reading a system bucket needs read on its org; a user bucket needs read on itself, as in InfluxDB. */
function readBucket(b: Bucket) {
  return b.type === 'system' ? readOrg(b.orgID) : permission('read', 'buckets', { id: b.id, orgID: b.orgID })
}

const retentionRuleJson = jsonObject({ everySeconds: jsonInt64, shardGroupDurationSeconds: jsonInt64 })

const postBucketJson = jsonObject({
  orgID: jsonText,
  retentionRules: jsonArray(retentionRuleJson),
  name: jsonText,
  description: jsonText,
})

/** The first retention rule of a bucket request, checked like InfluxDB's postBucketRequest. */
function retentionOf(rules: { everySeconds?: number; shardGroupDurationSeconds?: number }[] = []): {
  retentionSeconds: number
  shardGroupSeconds?: number
} {
  const rule = rules[0]
  if (rule === undefined) return { retentionSeconds: 0 }
  const retentionSeconds = rule.everySeconds ?? 0
  const shardGroupSeconds = rule.shardGroupDurationSeconds
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
    const body = await readJson(c.req.raw, postBucketJson)
    if (!body.orgID) throw invalid('organization id must be provided')
    const orgID = parseId(body.orgID)
    const retention = retentionOf(body.retentionRules)
    authorize(c.get('principal'), permission('write', 'buckets', { orgID }))
    if (!store.orgs.byId(orgID)) throw notFound('organization not found')
    const bucket = store.db.transaction(() =>
      createBucket(store, {
        orgID,
        name: body.name ?? '',
        description: body.description,
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
