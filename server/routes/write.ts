import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import type { Hono } from 'hono'
import { requireAuth } from '../auth/credentials.ts'
import { can, permission } from '../auth/permissions.ts'
import type { Bucket, Org } from '../domain.ts'
import type { Store } from '../db/store.ts'
import { WRITE_LIMIT, readBody } from '../http/body.ts'
import type { AppEnv, Services } from '../http/context.ts'
import { ApiError, errorResponse, forbidden, invalid, notFound } from '../http/errors.ts'
import { isValidId, nowNanos, parseId } from '../ids.ts'
import { checkBatch, storeBatch } from '../linebatch.ts'
import { PRECISIONS, type Precision } from '../lineprotocol.ts'
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
    const found = store.orgs.byId(id)
    if (!found) throw notFound('organization not found')
    return found
  }
  if (name === undefined) throw invalid('Please provide either orgID or org')
  const found = store.orgs.byName(name)
  if (!found) throw orgNameNotFound(name)
  return found
}

/** `bucket` is tried as an ID first, then as a name, within the org. */
function findBucket(store: Store, orgID: string, bucket: string): Bucket {
  const byId = isValidId(bucket) ? store.buckets.byId(bucket.toLowerCase()) : undefined
  const found = byId?.orgID === orgID ? byId : store.buckets.byName(orgID, bucket)
  if (!found) throw notFound(`bucket "${bucket}" not found`)
  return found
}

// Each write holds its body and parsed rows (a few times the body) until it is stored: a client
// may have this many in flight per credential and the server this many in all; beyond that the
// answer is 429 with Retry-After rather than a queue that would hold their bodies in memory.
export const WRITES_PER_CREDENTIAL = 2
export const WRITES_IN_ALL = 6
const RETRY_AFTER_SECONDS = 1

const tooLarge = () => new ApiError('request too large', 'unable to read data: points batch is too large')
const gunzipAsync = promisify(gunzip)

/** Gunzips in the thread pool (not on the event loop), refusing output past the write limit. */
async function gunzipBody(raw: Buffer): Promise<Buffer> {
  try {
    return await gunzipAsync(raw, { maxOutputLength: WRITE_LIMIT })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge()
    throw invalid('unable to read data: gzipped HTTP body contains an invalid header')
  }
}

/** POST /api/v2/write: line protocol into a bucket, in the order InfluxDB's write handler checks. */
export function registerWriteRoutes(app: Hono<AppEnv>, services: Services): void {
  const { store } = services
  const inFlight = new Map<string, number>()
  let inAll = 0

  app.post('/api/v2/write', requireAuth(services), async (c) => {
    const precision = c.req.query('precision') || 'ns'
    if (!Object.hasOwn(PRECISIONS, precision)) {
      throw invalid('invalid precision; valid precision units are ns, us, ms, and s')
    }
    const bucketParam = c.req.query('bucket')
    if (!bucketParam) throw bucketNotFound()
    const org = findOrg(store, c.req.query('org'), c.req.query('orgID'))
    const bucket = findBucket(store, org.id, bucketParam)
    const principal = c.get('principal')
    if (!can(principal, permission('write', 'buckets', { id: bucket.id, orgID: org.id }))) {
      const reason = principal.permissions === null ? ': token is inactive' : ''
      throw forbidden(`insufficient permissions for write${reason}`)
    }

    // Keyed by the credential itself: a token, or the session of a user.
    const key = principal.kind === 'token' ? `token ${c.req.header('authorization')}` : `user ${principal.userID}`
    const mine = inFlight.get(key) ?? 0
    if (mine >= WRITES_PER_CREDENTIAL || inAll >= WRITES_IN_ALL) {
      const who = mine >= WRITES_PER_CREDENTIAL ? `this credential has ${mine} writes` : `${inAll} writes are`
      return errorResponse(new ApiError('too many requests', `${who} in progress; retry later`), {
        'Retry-After': String(RETRY_AFTER_SECONDS),
      })
    }
    inFlight.set(key, mine + 1)
    inAll++
    try {
      const raw = await readBody(c.req.raw, WRITE_LIMIT, tooLarge().message)
      const encoding = c.req.header('content-encoding')?.trim().toLowerCase()
      const body = encoding === 'gzip' || encoding === 'x-gzip' ? await gunzipBody(raw) : raw
      // An empty body writes nothing and succeeds, as in InfluxDB.
      if (body.length === 0) return c.body(null, 204)
      const now = nowNanos()
      const error = await checkBatch(body, precision as Precision, now)
      if (error !== undefined) throw invalid(error)
      if (!(await storeBatch(store, bucket.id, body, precision as Precision, now))) throw bucketNotFound()
      return c.body(null, 204)
    } finally {
      const left = (inFlight.get(key) ?? 1) - 1
      if (left === 0) inFlight.delete(key)
      else inFlight.set(key, left)
      inAll--
    }
  })
}
