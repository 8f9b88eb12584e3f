import type { Cast, Step } from './runner.ts'
import { UNKNOWN_ID, call, keepToken, perm } from './steps.ts'

const AUTHS = '/api/v2/authorizations'
const readBuckets = (c: Cast) => [perm('read', { type: 'buckets', orgID: c.id.acme })]
/** A POST body for org acme with `permissions`, plus `extra` fields. */
const post = (permissions: (c: Cast) => unknown, extra: Record<string, unknown> = {}) => ({
  json: (c: Cast) => ({ orgID: c.id.acme, permissions: permissions(c), ...extra }),
})
const one = (action: string, type: string) => () => [perm(action, { type })]

/** Listing with every filter, as every member of the cast. */
const listing: Step[] = [
  ...['operator', 'owner', 'member', 'memberAll', 'second', 'secondOrgs', 'readTelemetry', 'writeTelemetry', 'inactiveToken'].map(
    (who) => call(`GET ${AUTHS} as ${who}`, 'GET', AUTHS, who),
  ),
  call(`GET ${AUTHS} without credentials`, 'GET', AUTHS),
  call(`GET ${AUTHS}?orgID=acme`, 'GET', (c) => `${AUTHS}?orgID=${c.id.acme}`, 'operator'),
  call(`GET ${AUTHS}?orgID=beta`, 'GET', (c) => `${AUTHS}?orgID=${c.id.beta}`, 'operator'),
  call(`GET ${AUTHS}?orgID=unknown`, 'GET', `${AUTHS}?orgID=${UNKNOWN_ID}`, 'operator'),
  call(`GET ${AUTHS}?orgID=malformed`, 'GET', `${AUTHS}?orgID=xyz`, 'operator'),
  call(`GET ${AUTHS}?org=acme`, 'GET', `${AUTHS}?org=acme`, 'operator'),
  call(`GET ${AUTHS}?org=unknown`, 'GET', `${AUTHS}?org=nowhere`, 'operator'),
  call(`GET ${AUTHS}?userID=member`, 'GET', (c) => `${AUTHS}?userID=${c.id.member}`, 'operator'),
  call(`GET ${AUTHS}?userID=malformed`, 'GET', `${AUTHS}?userID=12`, 'operator'),
  call(`GET ${AUTHS}?user=member`, 'GET', `${AUTHS}?user=member`, 'operator'),
  call(`GET ${AUTHS}?user=unknown`, 'GET', `${AUTHS}?user=nobody`, 'operator'),
  call(`GET ${AUTHS}?user=member&orgID=acme`, 'GET', (c) => `${AUTHS}?user=member&orgID=${c.id.acme}`, 'operator'),
  call(`GET ${AUTHS}?userID=admin&user=member`, 'GET', (c) => `${AUTHS}?userID=${c.id.admin}&user=member`, 'operator'),
  call(`GET ${AUTHS}?id=readTelemetry`, 'GET', (c) => `${AUTHS}?id=${c.id.readTelemetry}`, 'operator'),
  call(`GET ${AUTHS}?id=unknown`, 'GET', `${AUTHS}?id=${UNKNOWN_ID}`, 'operator'),
  call(`GET ${AUTHS}?token=... (ignored)`, 'GET', (c) => `${AUTHS}?token=${c.token.readTelemetry}`, 'operator'),
  call(`GET ${AUTHS}?orgID=acme as owner`, 'GET', (c) => `${AUTHS}?orgID=${c.id.acme}`, 'owner'),
  call(`GET ${AUTHS}?orgID=beta as second`, 'GET', (c) => `${AUTHS}?orgID=${c.id.beta}`, 'second'),
]

const single: Step[] = [
  call(`GET ${AUTHS}/{id} as operator`, 'GET', (c) => `${AUTHS}/${c.id.memberAll}`, 'operator'),
  call(`GET ${AUTHS}/{id} own token as member`, 'GET', (c) => `${AUTHS}/${c.id.memberAll}`, 'member'),
  call(`GET ${AUTHS}/{id} someone else's as member`, 'GET', (c) => `${AUTHS}/${c.id.readTelemetry}`, 'member'),
  call(`GET ${AUTHS}/{id} as bucket token`, 'GET', (c) => `${AUTHS}/${c.id.readTelemetry}`, 'readTelemetry'),
  call(`GET ${AUTHS}/{id} as inactive token`, 'GET', (c) => `${AUTHS}/${c.id.inactiveToken}`, 'inactiveToken'),
  call(`GET ${AUTHS}/{id} inactive one as operator`, 'GET', (c) => `${AUTHS}/${c.id.inactiveToken}`, 'operator'),
  call(`GET ${AUTHS}/{id} unknown`, 'GET', `${AUTHS}/${UNKNOWN_ID}`, 'operator'),
  call(`GET ${AUTHS}/{id} too short`, 'GET', `${AUTHS}/abc`, 'operator'),
  call(`GET ${AUTHS}/{id} not hex`, 'GET', `${AUTHS}/zzzzzzzzzzzzzzzz`, 'operator'),
  call(`GET ${AUTHS}/{id} all zeros`, 'GET', `${AUTHS}/0000000000000000`, 'operator'),
  call(`GET ${AUTHS}/{id} uppercase`, 'GET', (c) => `${AUTHS}/${c.id.memberAll!.toUpperCase()}`, 'operator'),
  call(`GET ${AUTHS}/{id} without credentials`, 'GET', (c) => `${AUTHS}/${c.id.memberAll}`),
]

const creating: Step[] = [
  call(`POST ${AUTHS} malformed JSON`, 'POST', AUTHS, 'operator', { raw: '{"orgID":', contentType: 'application/json' }),
  call(`POST ${AUTHS} an array`, 'POST', AUTHS, 'operator', { json: [] }),
  call(`POST ${AUTHS} empty object`, 'POST', AUTHS, 'operator', { json: {} }),
  call(`POST ${AUTHS} no permissions`, 'POST', AUTHS, 'operator', { json: (c) => ({ orgID: c.id.acme }) }),
  call(`POST ${AUTHS} empty permissions`, 'POST', AUTHS, 'operator', post(() => [])),
  call(`POST ${AUTHS} permissions a string`, 'POST', AUTHS, 'operator', post(() => 'all')),
  call(`POST ${AUTHS} permission without resource`, 'POST', AUTHS, 'operator', post(() => [{ action: 'read' }])),
  call(`POST ${AUTHS} unknown resource type`, 'POST', AUTHS, 'operator', post(one('read', 'nonsense'))),
  call(`POST ${AUTHS} cloud-only type flows`, 'POST', AUTHS, 'operator', post(one('read', 'flows'))),
  call(`POST ${AUTHS} unknown action`, 'POST', AUTHS, 'operator', post(one('delete', 'buckets'))),
  call(`POST ${AUTHS} action a number`, 'POST', AUTHS, 'operator', post(() => [{ action: 1, resource: { type: 'buckets' } }])),
  call(`POST ${AUTHS} no orgID`, 'POST', AUTHS, 'operator', { json: (c) => ({ permissions: readBuckets(c) }) }),
  call(`POST ${AUTHS} orgID malformed`, 'POST', AUTHS, 'operator', { json: (c) => ({ orgID: 'xyz', permissions: readBuckets(c) }) }),
  call(`POST ${AUTHS} orgID a number`, 'POST', AUTHS, 'operator', { json: (c) => ({ orgID: 12, permissions: readBuckets(c) }) }),
  call(`POST ${AUTHS} orgID unknown`, 'POST', AUTHS, 'operator', { json: () => ({ orgID: UNKNOWN_ID, permissions: one('read', 'buckets')() }) }),
  call(`POST ${AUTHS} userID unknown`, 'POST', AUTHS, 'operator', post(readBuckets, { userID: UNKNOWN_ID })),
  call(`POST ${AUTHS} userID malformed`, 'POST', AUTHS, 'operator', post(readBuckets, { userID: 'me' })),
  call(`POST ${AUTHS} resource id malformed`, 'POST', AUTHS, 'operator', post(() => [perm('read', { type: 'buckets', id: 'bad' })])),
  call(`POST ${AUTHS} status paused`, 'POST', AUTHS, 'operator', post(readBuckets, { status: 'paused' })),
  call(`POST ${AUTHS} description a number`, 'POST', AUTHS, 'operator', post(readBuckets, { description: 7 })),
  call(`POST ${AUTHS} permission of another org`, 'POST', AUTHS, 'operator', post((c) => [perm('read', { type: 'buckets', orgID: c.id.beta })])),
  call(`POST ${AUTHS} instance type as operator`, 'POST', AUTHS, 'operator', post(one('read', 'instance'))),
  call(`POST ${AUTHS} instance type as owner session`, 'POST', AUTHS, 'owner', post(one('read', 'instance'))),
  call(`POST ${AUTHS} without content type`, 'POST', AUTHS, 'operator', { raw: '{}' }),
  call(`POST ${AUTHS} without credentials`, 'POST', AUTHS, undefined, post(readBuckets)),
  call(`POST ${AUTHS} as inactive token`, 'POST', AUTHS, 'inactiveToken', post(readBuckets)),
  call(`POST ${AUTHS} as bucket token`, 'POST', AUTHS, 'readTelemetry', post(readBuckets)),
  call(`POST ${AUTHS} member grants what it lacks`, 'POST', AUTHS, 'member', post(one('write', 'users'))),
  call(`POST ${AUTHS} member for another user`, 'POST', AUTHS, 'member', {
    json: (c) => ({ orgID: c.id.acme, userID: c.id.admin, permissions: readBuckets(c) }),
  }),
  call(`POST ${AUTHS} second in acme`, 'POST', AUTHS, 'second', post(readBuckets)),
  call(`POST ${AUTHS} member own read buckets`, 'POST', AUTHS, 'member', { ...post(readBuckets), then: keepToken('memberRead') }),
  call(`POST ${AUTHS} unknown fields ignored`, 'POST', AUTHS, 'operator', {
    ...post(readBuckets, { token: 'chosen-by-client', id: UNKNOWN_ID, colour: 'red' }),
    then: keepToken('extraFields'),
  }),
  call(`POST ${AUTHS} duplicate permissions kept`, 'POST', AUTHS, 'operator', post((c) => [...readBuckets(c), ...readBuckets(c)])),
  call(`POST ${AUTHS} unknown bucket id`, 'POST', AUTHS, 'operator', post((c) => [perm('read', { type: 'buckets', id: UNKNOWN_ID, orgID: c.id.acme })])),
  call(`POST ${AUTHS} operator-style global permissions`, 'POST', AUTHS, 'operator', post(() => [...one('read', 'users')(), ...one('write', 'buckets')()])),
  call(`POST ${AUTHS} inactive from the start`, 'POST', AUTHS, 'operator', post(readBuckets, { status: 'inactive', description: '' })),
  call(`POST ${AUTHS} for second in beta`, 'POST', AUTHS, 'second', {
    json: (c) => ({ orgID: c.id.beta, permissions: [perm('read', { type: 'buckets', orgID: c.id.beta })] }),
    then: keepToken('secondRead'),
  }),
  call(`POST ${AUTHS} beta resource id in an acme token`, 'POST', AUTHS, 'operator', post((c) => [perm('read', { type: 'orgs', id: c.id.beta })])),
]

const updating: Step[] = [
  call(`PATCH ${AUTHS}/{id} description`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: { description: 'renamed' } }),
  call(`PATCH ${AUTHS}/{id} empty object`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: {} }),
  call(`PATCH ${AUTHS}/{id} unknown field`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: { permissions: [] } }),
  call(`PATCH ${AUTHS}/{id} status bogus`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: { status: 'bogus' } }),
  call(`PATCH ${AUTHS}/{id} status a number`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: { status: 1 } }),
  call(`PATCH ${AUTHS}/{id} malformed JSON`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', {
    raw: '{"status"',
    contentType: 'application/json',
  }),
  call(`PATCH ${AUTHS}/{id} inactive`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: { status: 'inactive' } }),
  call(`GET /api/v2/buckets with a deactivated token`, 'GET', '/api/v2/buckets', 'memberRead'),
  call(`PATCH ${AUTHS}/{id} active again`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'member', { json: { status: 'active' } }),
  call(`GET /api/v2/buckets with a reactivated token`, 'GET', '/api/v2/buckets', 'memberRead', { compare: 'shape' }),
  call(`PATCH ${AUTHS}/{id} someone else's as member`, 'PATCH', (c) => `${AUTHS}/${c.id.readTelemetry}`, 'member', { json: { description: 'x' } }),
  call(`PATCH ${AUTHS}/{id} as bucket token`, 'PATCH', (c) => `${AUTHS}/${c.id.readTelemetry}`, 'readTelemetry', { json: { description: 'x' } }),
  call(`PATCH ${AUTHS}/{id} unknown`, 'PATCH', `${AUTHS}/${UNKNOWN_ID}`, 'operator', { json: { description: 'x' } }),
  call(`PATCH ${AUTHS}/{id} malformed id`, 'PATCH', `${AUTHS}/nope`, 'operator', { json: { description: 'x' } }),
  call(`PATCH ${AUTHS}/{id} by operator`, 'PATCH', (c) => `${AUTHS}/${c.id.memberRead}`, 'operator', { json: { description: 'by operator' } }),
  call(`DELETE ${AUTHS}/{id} someone else's as member`, 'DELETE', (c) => `${AUTHS}/${c.id.readTelemetry}`, 'member'),
  call(`DELETE ${AUTHS}/{id} malformed id`, 'DELETE', `${AUTHS}/123`, 'operator'),
  call(`DELETE ${AUTHS}/{id} unknown`, 'DELETE', `${AUTHS}/${UNKNOWN_ID}`, 'operator'),
  call(`DELETE ${AUTHS}/{id} without credentials`, 'DELETE', (c) => `${AUTHS}/${c.id.memberRead}`),
  call(`DELETE ${AUTHS}/{id} own token as member`, 'DELETE', (c) => `${AUTHS}/${c.id.memberRead}`, 'member'),
  call(`DELETE ${AUTHS}/{id} again`, 'DELETE', (c) => `${AUTHS}/${c.id.memberRead}`, 'member'),
  call(`GET /api/v2/me with a deleted token`, 'GET', '/api/v2/me', 'memberRead'),
  call(`DELETE ${AUTHS}/{id} by operator`, 'DELETE', (c) => `${AUTHS}/${c.id.extraFields}`, 'operator'),
  call(`GET ${AUTHS} after deletes`, 'GET', AUTHS, 'operator'),
]

export const authorizations: Step[] = [...listing, ...single, ...creating, ...updating]
