import type { Step } from './runner.ts'
import { basic, call } from './steps.ts'

// No timestamp (the server's clock): an old one falls outside the buckets' retention and InfluxDB
// refuses the point.
const line = 'cpu,host=a usage=0.5\n'
const write = (query: string) => `/api/v2/write?${query}`
const text = (raw: string) => ({ raw, contentType: 'text/plain; charset=utf-8' })

/** Writes with scoped, wrong, inactive and missing tokens; then sign-out. */
export const writes: Step[] = [
  call('POST /api/v2/write with the bucket write token', 'POST', write('org=acme&bucket=telemetry'), 'writeTelemetry', text(line)),
  call('POST /api/v2/write by IDs', 'POST', (c) => write(`orgID=${c.id.acme}&bucket=${c.id.telemetry}`), 'writeTelemetry', text(line)),
  call('POST /api/v2/write precision=s', 'POST', write('org=acme&bucket=telemetry&precision=s'), 'writeTelemetry', text(`cpu v=1i ${Math.floor(Date.now() / 1000)}\n`)),
  call('POST /api/v2/write with the read token', 'POST', write('org=acme&bucket=telemetry'), 'readTelemetry', text(line)),
  call('POST /api/v2/write another bucket', 'POST', write('org=acme&bucket=p2'), 'writeTelemetry', text(line)),
  call('POST /api/v2/write as operator', 'POST', write('org=acme&bucket=p2'), 'operator', text(line)),
  call('POST /api/v2/write as member token', 'POST', write('org=acme&bucket=p3'), 'memberAll', text(line)),
  call('POST /api/v2/write as second into acme', 'POST', write('org=acme&bucket=telemetry'), 'secondRead', text(line)),
  call('POST /api/v2/write as inactive token', 'POST', write('org=acme&bucket=telemetry'), 'inactiveToken', text(line)),
  call('PATCH /api/v2/users/{id} dormant inactive for writes', 'PATCH', (c) => `/api/v2/users/${c.id.dormant}`, 'operator', {
    json: { status: 'inactive' },
  }),
  call('POST /api/v2/write as inactive user', 'POST', write('org=acme&bucket=telemetry'), 'dormantToken', text(line)),
  call('POST /api/v2/write without credentials', 'POST', write('org=acme&bucket=telemetry'), undefined, text(line)),
  call('POST /api/v2/write unknown bucket', 'POST', write('org=acme&bucket=nothing'), 'operator', text(line)),
  call('POST /api/v2/write unknown org', 'POST', write('org=nowhere&bucket=telemetry'), 'operator', text(line)),
  call('POST /api/v2/write without bucket', 'POST', write('org=acme'), 'operator', text(line)),
  call('POST /api/v2/write without org', 'POST', write('bucket=telemetry'), 'operator', text(line)),
  call('POST /api/v2/write bad precision', 'POST', write('org=acme&bucket=telemetry&precision=h'), 'operator', text(line)),
  call('POST /api/v2/write bad line protocol', 'POST', write('org=acme&bucket=telemetry'), 'operator', text('cpu usage=\n')),
  call('POST /api/v2/write no fields', 'POST', write('org=acme&bucket=telemetry'), 'operator', text('cpu,host=a\n')),
  call('POST /api/v2/write empty body', 'POST', write('org=acme&bucket=telemetry'), 'operator', text('')),
  call('POST /api/v2/write two points', 'POST', write('org=acme&bucket=telemetry'), 'operator', text(`${line}mem,host=b free=3i\n`)),
]

/** Sign-out last: it ends the sessions the other steps use; before it, what browsers and guessers do. */
export const signout: Step[] = [
  call('POST /api/v2/authorizations with the session from a foreign Origin', 'POST', '/api/v2/authorizations', 'owner', {
    json: (c) => ({ orgID: c.id.acme, permissions: [{ action: 'read', resource: { type: 'buckets', orgID: c.id.acme } }] }),
    headers: { origin: 'http://attacker.example' },
  }),
  call('GET /api/v2/me with the session from a foreign Origin', 'GET', '/api/v2/me', 'owner', {
    headers: { origin: 'http://attacker.example' },
  }),
  ...[1, 2, 3, 4, 5, 6].map((n) =>
    call(`POST /api/v2/signin wrong password, attempt ${n}`, 'POST', '/api/v2/signin', undefined, {
      headers: basic('member', `wrong-password-${n}`),
    }),
  ),
  call('POST /api/v2/signout without a session', 'POST', '/api/v2/signout'),
  call('POST /api/v2/signout unknown session', 'POST', '/api/v2/signout', undefined, { headers: { cookie: 'influxdb-oss-session=nope' } }),
  call('POST /api/v2/signout with a token', 'POST', '/api/v2/signout', 'operator'),
  call('POST /api/v2/signout as member', 'POST', '/api/v2/signout', 'member'),
  call('GET /api/v2/me after signout', 'GET', '/api/v2/me', 'member'),
  call('POST /api/v2/signout again', 'POST', '/api/v2/signout', 'member'),
  call('POST /api/v2/signout as owner', 'POST', '/api/v2/signout', 'owner'),
  call('GET /api/v2/authorizations after signout', 'GET', '/api/v2/authorizations', 'owner'),
]
