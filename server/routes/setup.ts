import type { Hono } from 'hono'
import { jsonInt64, jsonObject, jsonText } from '../../src/api/json-schema.ts'
import { readJson } from '../http/body.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'
import { invalid } from '../http/errors.ts'
import { bucketResponse, orgResponse, rawAuthorizationResponse, userResponse } from '../responses.ts'
import { isSetupAllowed, setup } from '../services/setup.ts'

// Of several bad fields, the first in this order is the one reported.
const setupJson = jsonObject({
  retentionPeriodSeconds: jsonInt64,
  retentionPeriodHrs: jsonInt64,
  username: jsonText,
  password: jsonText,
  org: jsonText,
  bucket: jsonText,
  token: jsonText,
})

/** GET|POST /api/v2/setup, no authentication (docs/influxdb-behaviour.md, Orgs, buckets, users and setup). */
export function registerSetupRoutes(app: Hono<AppEnv>, { store }: Services): void {
  app.get('/api/v2/setup', (c) => json(c, 200, { allowed: isSetupAllowed(store) }))

  app.post('/api/v2/setup', async (c) => {
    const body = await readJson(c.req.raw, setupJson)
    const seconds = body.retentionPeriodSeconds
    // The deprecated retentionPeriodHrs is really a Go duration, i.e. nanoseconds.
    const nanos = body.retentionPeriodHrs
    const retentionSeconds = seconds || (nanos ? Math.floor(nanos / 1e9) : 0)
    if (retentionSeconds < 0 || !Number.isInteger(retentionSeconds)) {
      throw invalid('retention period must be a non-negative whole number of seconds')
    }
    const result = await setup(store, {
      username: body.username ?? '',
      password: body.password,
      org: body.org ?? '',
      bucket: body.bucket ?? '',
      retentionSeconds,
      token: body.token || undefined,
    })
    return json(c, 201, {
      user: userResponse(result.user),
      bucket: bucketResponse(result.bucket),
      org: orgResponse(result.org),
      auth: rawAuthorizationResponse(result.auth, result.token),
    })
  })
}
