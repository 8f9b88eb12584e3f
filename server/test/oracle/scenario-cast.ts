import type { Step } from './runner.ts'
import { ADMIN, PASSWORD, allAccess, basic, call, keepCookie, keepId, keepToken, perm } from './steps.ts'

const json = (body: Record<string, unknown>) => ({ json: body })

/** Before setup: the unauthenticated endpoints and every way setup can be refused. */
export const beforeSetup: Step[] = [
  call('GET /health', 'GET', '/health', undefined, { compare: 'shape' }),
  call('GET /ping', 'GET', '/ping'),
  call('HEAD /ping', 'HEAD', '/ping'),
  call('GET /api/v2/setup before setup', 'GET', '/api/v2/setup'),
  call('GET /api/v2/me without credentials', 'GET', '/api/v2/me'),
  call('GET /api/v2/orgs without credentials', 'GET', '/api/v2/orgs'),
  call('GET /api/v2/resources without credentials', 'GET', '/api/v2/resources'),
  call('GET /api/v2/unknown path', 'GET', '/api/v2/nothing-here'),
  call('POST /api/v2/signin before setup', 'POST', '/api/v2/signin', undefined, { headers: basic('admin', 'x') }),
  call('POST /api/v2/setup malformed JSON', 'POST', '/api/v2/setup', undefined, {
    raw: '{"username": ',
    contentType: 'application/json',
  }),
  call('POST /api/v2/setup empty object', 'POST', '/api/v2/setup', undefined, json({})),
  call('POST /api/v2/setup without bucket', 'POST', '/api/v2/setup', undefined, json({ username: 'admin', org: 'acme' })),
  call('POST /api/v2/setup username a number', 'POST', '/api/v2/setup', undefined, json({ ...ADMIN, username: 42 })),
  call('POST /api/v2/setup password too short', 'POST', '/api/v2/setup', undefined, json({ ...ADMIN, password: 'short' })),
  call('POST /api/v2/setup without content type', 'POST', '/api/v2/setup', undefined, { raw: '{}' }),
  call('GET /api/v2/setup after refused setups', 'GET', '/api/v2/setup'),
  call('POST /api/v2/setup', 'POST', '/api/v2/setup', undefined, {
    json: { ...ADMIN, retentionPeriodSeconds: 30 * 86400 },
    then: (c, answer) => {
      const body = answer.body as { user: { id: string }; org: { id: string }; bucket: { id: string }; auth: { id: string; token: string } }
      c.id.admin = body.user.id
      c.id.acme = body.org.id
      c.id.telemetry = body.bucket.id
      c.id.operator = body.auth.id
      c.token.operator = body.auth.token
    },
  }),
  call('GET /api/v2/setup after setup', 'GET', '/api/v2/setup'),
  call('POST /api/v2/setup a second time', 'POST', '/api/v2/setup', undefined, json({ ...ADMIN, org: 'other', bucket: 'other' })),
]

/** Sign-in, and the cast: users, a second org, sessions and scoped tokens. */
export const cast: Step[] = [
  call('POST /api/v2/signin without credentials', 'POST', '/api/v2/signin'),
  call('POST /api/v2/signin wrong password', 'POST', '/api/v2/signin', undefined, { headers: basic('admin', 'wrong-password') }),
  call('POST /api/v2/signin unknown user', 'POST', '/api/v2/signin', undefined, { headers: basic('nobody', 'whatever-pass') }),
  call('POST /api/v2/signin Basic not base64', 'POST', '/api/v2/signin', undefined, { headers: { authorization: 'Basic %%%' } }),
  call('POST /api/v2/signin with a token', 'POST', '/api/v2/signin', 'operator'),
  call('POST /api/v2/signin as admin', 'POST', '/api/v2/signin', undefined, {
    headers: basic(ADMIN.username, ADMIN.password),
    then: keepCookie('owner'),
  }),
  call('GET /api/v2/me as owner session', 'GET', '/api/v2/me', 'owner'),
  call('GET /api/v2/unknown path with a token', 'GET', '/api/v2/nothing-here', 'operator'),
  call('PUT /api/v2/orgs (no such method) with a token', 'PUT', '/api/v2/orgs', 'operator', { json: { name: 'x' } }),
  call('GET /api/v2/me as operator token', 'GET', '/api/v2/me', 'operator'),
  call('GET /api/v2/resources as operator', 'GET', '/api/v2/resources', 'operator'),
  call('GET /api/v2/resources as owner session', 'GET', '/api/v2/resources', 'owner'),

  call('POST /api/v2/users member', 'POST', '/api/v2/users', 'operator', { json: { name: 'member' }, then: keepId('member') }),
  call('POST /api/v2/users second', 'POST', '/api/v2/users', 'operator', { json: { name: 'second' }, then: keepId('second') }),
  call('POST /api/v2/users dormant', 'POST', '/api/v2/users', 'operator', { json: { name: 'dormant' }, then: keepId('dormant') }),
  ...['member', 'second', 'dormant'].map((name) =>
    call(`POST /api/v2/users/{id}/password for ${name}`, 'POST', (c) => `/api/v2/users/${c.id[name]}/password`, 'operator', {
      json: { password: PASSWORD },
    }),
  ),
  call('POST /api/v2/authorizations all-access for member', 'POST', '/api/v2/authorizations', 'operator', {
    json: (c) => ({ orgID: c.id.acme, userID: c.id.member, description: 'member all access', permissions: allAccess(c.id.acme!, c.id.member!) }),
    then: keepToken('memberAll'),
  }),
  call('POST /api/v2/authorizations write:orgs for second', 'POST', '/api/v2/authorizations', 'operator', {
    json: (c) => ({ orgID: c.id.acme, userID: c.id.second, permissions: [perm('write', { type: 'orgs' }), perm('read', { type: 'orgs' })] }),
    then: keepToken('secondOrgs'),
  }),
  call('POST /api/v2/orgs beta as second', 'POST', '/api/v2/orgs', 'secondOrgs', {
    json: { name: 'beta', description: 'the second org' },
    then: keepId('beta'),
  }),
  call('POST /api/v2/authorizations read telemetry (owner session)', 'POST', '/api/v2/authorizations', 'owner', {
    json: (c) => ({ orgID: c.id.acme, description: 'read telemetry', permissions: [perm('read', { type: 'buckets', id: c.id.telemetry, orgID: c.id.acme })] }),
    then: keepToken('readTelemetry'),
  }),
  call('POST /api/v2/authorizations write telemetry (owner session)', 'POST', '/api/v2/authorizations', 'owner', {
    json: (c) => ({ orgID: c.id.acme, description: 'write telemetry', permissions: [perm('write', { type: 'buckets', id: c.id.telemetry, orgID: c.id.acme })] }),
    then: keepToken('writeTelemetry'),
  }),
  call('POST /api/v2/authorizations soon inactive', 'POST', '/api/v2/authorizations', 'operator', {
    json: (c) => ({ orgID: c.id.acme, description: 'soon inactive', permissions: [perm('read', { type: 'buckets', orgID: c.id.acme }), perm('read', { type: 'orgs', id: c.id.acme })] }),
    then: keepToken('inactiveToken'),
  }),
  call('PATCH /api/v2/authorizations/{id} deactivate', 'PATCH', (c) => `/api/v2/authorizations/${c.id.inactiveToken}`, 'operator', {
    json: { status: 'inactive' },
  }),
  call('POST /api/v2/authorizations for dormant', 'POST', '/api/v2/authorizations', 'operator', {
    json: (c) => ({ orgID: c.id.acme, userID: c.id.dormant, permissions: allAccess(c.id.acme!, c.id.dormant!) }),
    then: keepToken('dormantToken'),
  }),
  ...['member', 'second', 'dormant'].map((name) =>
    call(`POST /api/v2/signin as ${name}`, 'POST', '/api/v2/signin', undefined, { headers: basic(name, PASSWORD), then: keepCookie(name) }),
  ),
  call('PATCH /api/v2/users/{id} dormant inactive', 'PATCH', (c) => `/api/v2/users/${c.id.dormant}`, 'operator', {
    json: { status: 'inactive' },
  }),
  call('POST /api/v2/signin as inactive user', 'POST', '/api/v2/signin', undefined, { headers: basic('dormant', PASSWORD) }),
  call('GET /api/v2/me as inactive user session', 'GET', '/api/v2/me', 'dormant'),
  call('GET /api/v2/me as inactive user token', 'GET', '/api/v2/me', 'dormantToken'),
  call('GET /api/v2/buckets as inactive user token', 'GET', '/api/v2/buckets', 'dormantToken'),
  call('GET /api/v2/authorizations as inactive user token', 'GET', '/api/v2/authorizations', 'dormantToken'),
  call('GET /api/v2/authorizations while a user is inactive', 'GET', '/api/v2/authorizations', 'operator'),
  // Active again, so that the inactive user's token does not make every later listing differ.
  call('PATCH /api/v2/users/{id} dormant active again', 'PATCH', (c) => `/api/v2/users/${c.id.dormant}`, 'operator', {
    json: { status: 'active' },
  }),
  call('GET /api/v2/me as reactivated user token', 'GET', '/api/v2/me', 'dormantToken'),
  call('GET /api/v2/me as member session', 'GET', '/api/v2/me', 'member'),
  call('GET /api/v2/me as member token', 'GET', '/api/v2/me', 'memberAll'),
  call('GET /api/v2/me as second session', 'GET', '/api/v2/me', 'second'),
  call('GET /api/v2/me as bucket read token', 'GET', '/api/v2/me', 'readTelemetry'),
  call('GET /api/v2/me as inactive token', 'GET', '/api/v2/me', 'inactiveToken'),
  call('GET /api/v2/me with an unknown token', 'GET', '/api/v2/me', undefined, { headers: { authorization: 'Token not-a-real-token' } }),
  call('GET /api/v2/me with Bearer scheme', 'GET', '/api/v2/me', undefined, {
    headers: (c) => ({ authorization: `Bearer ${c.token.operator}` }),
  }),
  call('GET /api/v2/resources as bucket read token', 'GET', '/api/v2/resources', 'readTelemetry'),
  call('GET /api/v2/resources as inactive token', 'GET', '/api/v2/resources', 'inactiveToken'),
  call('GET /api/v2/setup with a token', 'GET', '/api/v2/setup', 'operator'),
  call('POST /api/v2/users without password', 'POST', '/api/v2/users', 'operator', { json: { name: 'nopass' }, then: keepId('nopass') }),
  call('POST /api/v2/signin as a user without password', 'POST', '/api/v2/signin', undefined, { headers: basic('nopass', '') }),
  call('POST /api/v2/signin as a user without password, any password', 'POST', '/api/v2/signin', undefined, {
    headers: basic('nopass', 'anything-at-all'),
  }),
  call('GET /api/v2/me with an unknown session', 'GET', '/api/v2/me', undefined, { headers: { cookie: 'influxdb-oss-session=nope' } }),
]
