import type { Context } from 'hono'
import type { Principal } from '../auth/permissions.ts'
import type { SessionStore } from '../auth/sessions.ts'
import type { SigninThrottle } from '../auth/throttle.ts'
import type { Store } from '../db/store.ts'

/** What every embedded-API route needs. */
export interface Services {
  store: Store
  sessions: SessionStore
  signinThrottle: SigninThrottle
}

export interface AppEnv {
  Variables: { principal: Principal }
}

export type AppContext = Context<AppEnv>

/** A JSON response with InfluxDB's content type. */
export function json(c: Context, status: 200 | 201, body: unknown): Response {
  return c.body(JSON.stringify(body), status, { 'Content-Type': 'application/json; charset=utf-8' })
}
