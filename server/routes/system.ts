import type { Hono } from 'hono'
import { RESOURCE_TYPES } from '../auth/permissions.ts'
import { requireAuth } from '../auth/credentials.ts'
import { type AppEnv, type Services, json } from '../http/context.ts'

export const INFLUX_VERSION = 'v2.9.1'

/** /health, /ping and /api/v2/resources. */
export function registerSystemRoutes(app: Hono<AppEnv>, services: Services): void {
  app.get('/health', (c) =>
    json(c, 200, {
      name: 'influxdb',
      message: 'ready for queries and writes',
      status: 'pass',
      checks: [],
      version: INFLUX_VERSION,
      commit: 'embedded',
    }),
  )

  // Hono answers HEAD with the GET handler minus the body.
  app.get('/ping', (c) => c.body(null, 204))

  app.get('/api/v2/resources', requireAuth(services), (c) => json(c, 200, RESOURCE_TYPES))
}
