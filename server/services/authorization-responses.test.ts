import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { authenticate, sessionPermissions } from '../auth/credentials.ts'
import { allAccessPermissions, permission } from '../auth/permissions.ts'
import { SessionStore } from '../auth/sessions.ts'
import { SigninThrottle } from '../auth/throttle.ts'
import { type Store, openStore } from '../db/store.ts'
import { authorizationResponse } from '../responses.ts'
import { AuthorizationResponses } from './authorization-responses.ts'
import { setup } from './setup.ts'
import { permissionsOfUserTokens } from './token-permissions.ts'
import { createBucket, createUser, insertAuthorization, loadNames } from './tenant.ts'

let dataDir: string
let store: Store
let orgID: string

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'influx-tokens-responses-'))
  store = openStore(dataDir)
  const { user, org, bucket } = await setup(store, { username: 'admin', org: 'acme', bucket: 'telemetry' })
  orgID = org.id
  store.db.transaction(() => {
    const other = createUser(store, { name: 'svc-ünïcode' })
    const logs = createBucket(store, { orgID, name: 'logs 日本', retentionSeconds: 0 })
    const on = (action: 'read' | 'write', id: string) => permission(action, 'buckets', { orgID, id })
    insertAuthorization(store, { orgID, userID: user.id, permissions: allAccessPermissions(orgID, user.id), description: 'Tëst 🚀' })
    insertAuthorization(store, { orgID, userID: other.id, permissions: [on('read', bucket.id), on('write', logs.id)], status: 'inactive' })
    insertAuthorization(store, { orgID, userID: other.id, permissions: [permission('read', 'buckets', { orgID })] })
  })
})

afterEach(() => {
  store.db.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** What the list answered before any caching: every token named with freshly loaded names. */
function expected(): string {
  const names = loadNames(store)
  const authorizations = store.authorizations.list({ orgID }).flatMap((a) => authorizationResponse(a, names) ?? [])
  return JSON.stringify({ links: { self: '/api/v2/authorizations' }, authorizations })
}

const list = (responses: AuthorizationResponses) => Buffer.concat([...responses.listChunks({ orgID }, () => true)]).toString('utf8')

it('answers byte for byte what serializing the responses gives, cold and cached', () => {
  const responses = new AuthorizationResponses(store)
  expect(list(responses)).toBe(expected())
  expect(list(responses)).toBe(expected())
})

it('follows token updates, new tokens, deleted buckets and users, and writes by another connection', () => {
  const responses = new AuthorizationResponses(store)
  list(responses)
  const [first, second] = store.authorizations.list({ orgID })
  store.authorizations.update({ ...first!, status: 'inactive', description: 'renamed', updatedAt: new Date().toISOString() })
  expect(list(responses)).toBe(expected())

  store.db.transaction(() => insertAuthorization(store, { orgID, userID: second!.userID, permissions: [permission('write', 'buckets', { orgID })] }))
  expect(list(responses)).toBe(expected())

  const logs = store.buckets.byName(orgID, 'logs 日本')!
  store.buckets.delete(logs.id)
  expect(list(responses)).toBe(expected())

  store.users.delete(store.users.byName('svc-ünïcode')!.id)
  expect(list(responses)).toBe(expected())

  // Another process changes a description without touching updatedAt: data_version gives it away.
  const other = openStore(dataDir)
  other.authorizations.update({ ...first!, description: 'changed elsewhere', updatedAt: store.authorizations.byId(first!.id)!.updatedAt })
  other.db.close()
  expect(list(responses)).toBe(expected())
})

it('keeps session permissions current across new tokens, deletions and other connections', () => {
  const user = store.users.byName('svc-ünïcode')!
  const bucket = store.buckets.byName(orgID, 'telemetry')!
  const granted = permission('write', 'buckets', { orgID, id: bucket.id })
  // Both caches: the token permissions per user and the session's built permission set.
  const holds = () => {
    const inTokens = permissionsOfUserTokens(store.authorizations, user.id).some((p) => JSON.stringify(p) === JSON.stringify(granted))
    expect(sessionPermissions(store, user.id).allows(granted)).toBe(inTokens)
    return inTokens
  }
  expect(holds()).toBe(false)

  const { authorization } = store.db.transaction(() => insertAuthorization(store, { orgID, userID: user.id, permissions: [granted] }))
  expect(holds()).toBe(true)
  store.authorizations.delete(authorization.id)
  expect(holds()).toBe(false)

  const other = openStore(dataDir)
  other.db.transaction(() => insertAuthorization(other, { orgID, userID: user.id, permissions: [granted] }))
  other.db.close()
  expect(holds()).toBe(true)
})

it('sees a token deactivated, deleted, or changed by another connection on its next use', () => {
  const services = { store, sessions: new SessionStore(60_000), signinThrottle: new SigninThrottle() }
  const admin = store.users.byName('admin')!
  const { authorization, token } = store.db.transaction(() =>
    insertAuthorization(store, { orgID, userID: admin.id, permissions: [permission('read', 'buckets', { orgID })] }),
  )
  const use = () => authenticate(services, new Headers({ Authorization: `Token ${token}` }), undefined)
  expect(use().permissions).not.toBeNull()

  store.authorizations.update({ ...authorization, status: 'inactive', updatedAt: new Date().toISOString() })
  expect(use().permissions).toBeNull()

  const other = openStore(dataDir)
  other.authorizations.update({ ...authorization, status: 'active', updatedAt: new Date().toISOString() })
  other.db.close()
  expect(use().permissions).not.toBeNull()

  store.authorizations.delete(authorization.id)
  expect(use).toThrow()
})
