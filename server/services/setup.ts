import { operatorPermissions } from '../auth/permissions.ts'
import { hashPassword, validatePassword } from '../auth/passwords.ts'
import type { Authorization, Bucket, Org, User } from '../domain.ts'
import type { Store } from '../db/store.ts'
import { ApiError, conflict } from '../http/errors.ts'
import { createBucket, createOrg, createUser, insertAuthorization, makeInstanceOwner } from './tenant.ts'

export interface SetupRequest {
  username: string
  password?: string
  org: string
  bucket: string
  /** 0 or absent: infinite retention. */
  retentionSeconds?: number
  /** Operator token value to use instead of a generated one. */
  token?: string
}

export interface SetupResult {
  user: User
  org: Org
  bucket: Bucket
  auth: Authorization
  token: string
}

/** True only while the store holds no users and no orgs, as in InfluxDB. */
export function isSetupAllowed(store: Store): boolean {
  return store.users.count() + store.orgs.count() === 0
}

const notAllowed = () => conflict('onboarding has already been completed')

/**
 * InfluxDB's onboarding: user, org (+ system buckets) owned by the user, instance ownership,
 * the first bucket, and the operator token. Used by POST /api/v2/setup, start and demo.
 * Unlike InfluxDB it validates everything first and writes in one transaction.
 */
export async function setup(store: Store, req: SetupRequest): Promise<SetupResult> {
  if (!isSetupAllowed(store)) throw notAllowed()
  const missing = [
    ['username', req.username],
    ['org', req.org],
    ['bucket', req.bucket],
  ].filter(([, value]) => !value)
  if (missing.length > 0) {
    throw new ApiError(
      'unprocessable entity',
      `onboarding failed: missing required fields [${missing.map(([name]) => name).join(',')}]`,
    )
  }
  if (req.password) validatePassword(req.password)
  const passwordHash = req.password ? await hashPassword(req.password) : undefined

  return store.db.transaction(() => {
    // Checked again: another setup may have finished while the password was being hashed.
    if (!isSetupAllowed(store)) throw notAllowed()
    const user = createUser(store, { name: req.username, passwordHash })
    const org = createOrg(store, { name: req.org }, user.id)
    makeInstanceOwner(store, user.id)
    const bucket = createBucket(store, {
      orgID: org.id,
      name: req.bucket,
      retentionSeconds: req.retentionSeconds ?? 0,
    })
    const { authorization, token } = insertAuthorization(store, {
      orgID: org.id,
      userID: user.id,
      permissions: operatorPermissions(),
      description: `${user.name}'s Token`,
      token: req.token,
    })
    return { user, org, bucket, auth: authorization, token }
  })
}
