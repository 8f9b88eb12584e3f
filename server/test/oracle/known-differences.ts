/**
 * Every answer of the embedded server that differs, on purpose, from InfluxDB OSS v2.7.12's for the
 * same request of the conformance scenario, by step title, with the reason it is kept.
 * docs/compatibility.md lists the same differences for readers.
 */
export interface KnownDifference {
  step: string
  reason: string
}

const CLEAR_4XX =
  'InfluxDB answers 500 (internal error) to this bad input; the embedded server answers a 4xx that says what is wrong.'
const JSON_WORDING =
  "The request is refused with the same status and code, but InfluxDB's message is Go's JSON decoder error, " +
  'naming Go types (postAuthorizationRequest, platform.ID, ...); the embedded server names the field and what it must be.'
const CONTENT_TYPE =
  'A JSON body without Content-Type: application/json is refused with 415 before it is read, so that a cross-site ' +
  'form post can never reach an endpoint that changes something; InfluxDB reads any body as JSON.'
const STRICTER =
  'InfluxDB accepts this and stores it as sent; the embedded server refuses input that could not be used.'

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  { step: 'POST /api/v2/setup malformed JSON', reason: CLEAR_4XX },
  { step: 'POST /api/v2/setup username a number', reason: CLEAR_4XX },
  { step: 'POST /api/v2/authorizations instance type as owner session', reason: CLEAR_4XX },
  { step: 'PATCH /api/v2/authorizations/{id} status a number', reason: CLEAR_4XX },
  { step: 'PATCH /api/v2/authorizations/{id} malformed JSON', reason: CLEAR_4XX },
  { step: 'POST /api/v2/buckets retention too short', reason: CLEAR_4XX },
  { step: 'POST /api/v2/users name a number', reason: CLEAR_4XX },

  { step: 'POST /api/v2/setup without content type', reason: CONTENT_TYPE },
  { step: 'POST /api/v2/authorizations without content type', reason: CONTENT_TYPE },

  { step: 'POST /api/v2/authorizations malformed JSON', reason: JSON_WORDING },
  { step: 'POST /api/v2/authorizations an array', reason: JSON_WORDING },
  { step: 'POST /api/v2/authorizations permissions a string', reason: JSON_WORDING },
  { step: 'POST /api/v2/authorizations action a number', reason: JSON_WORDING },
  { step: 'POST /api/v2/authorizations orgID a number', reason: JSON_WORDING },
  { step: 'POST /api/v2/authorizations description a number', reason: JSON_WORDING },
  { step: 'POST /api/v2/orgs name a number', reason: JSON_WORDING },
  { step: 'POST /api/v2/orgs malformed JSON', reason: JSON_WORDING },
  { step: 'POST /api/v2/buckets name a number', reason: JSON_WORDING },

  { step: 'POST /api/v2/buckets without name', reason: `${STRICTER} Here: a bucket with an empty name (400 "bucket name is empty").` },
  {
    step: 'DELETE /api/v2/buckets/{id} the nameless bucket',
    reason: 'Follows from the previous one: the scenario deletes the nameless bucket that only InfluxDB created.',
  },
  { step: 'POST /api/v2/users status bogus', reason: `${STRICTER} Here: a user whose status is neither active nor inactive.` },
  {
    step: 'POST /api/v2/users without name',
    reason: 'Same status; InfluxDB says {"code":"empty value","message":"key required"}, the embedded server {"code":"invalid","message":"user name is empty"}.',
  },
  {
    step: 'GET /api/v2/authorizations while a user is inactive',
    reason:
      "The tokens of an inactive user are left out of the list: they cannot be used (403 User is inactive) until " +
      'the user is active again, like a deleted user\'s. InfluxDB 2.7 still lists them.',
  },
  {
    step: 'GET /api/v2/buckets?offset=-1 (offset negative)',
    reason: 'Both treat a negative offset as 0; InfluxDB echoes offset=-1 in links.self, the embedded server the 0 it used.',
  },
  ...['POST /api/v2/authorizations beta resource id in an acme token', 'POST /api/v2/authorizations beta bucket id in an acme token'].map(
    (step) => ({
      step,
      reason:
        "A permission whose id names a resource of another org is refused (400): InfluxDB matches a permission " +
        'with an id without comparing orgs, so such a token would reach the other org\'s resource by its ID.',
    }),
  ),
  {
    step: 'POST /api/v2/authorizations unknown bucket id',
    reason:
      'A permission with an id must name an existing resource of the token\'s org (400 otherwise), even for an ' +
      'operator: that is how the cross-org rule is checked. InfluxDB stores ids it does not know.',
  },
  {
    step: 'GET /api/v2/authorizations after deletes',
    reason: 'Follows from the previous one: the token with the unknown bucket id exists only in InfluxDB.',
  },
  {
    step: 'POST /api/v2/authorizations with the session from a foreign Origin',
    reason:
      'A cookie-authenticated request that changes something is refused (403) when its Origin is not the ' +
      "server's own, so another site cannot use a signed-in browser's session; InfluxDB relies on SameSite only.",
  },
  {
    step: 'POST /api/v2/signin wrong password, attempt 6',
    reason:
      'After 5 failed sign-ins for one user from one address within a minute the embedded server answers 429 ' +
      'with Retry-After; InfluxDB 2.7 does not throttle sign-in.',
  },
  {
    step: 'PUT /api/v2/orgs (no such method) with a token',
    reason: 'A known path with a method it does not serve is 404 "path not found" here; InfluxDB answers 405 method not allowed.',
  },
]

/** A field that differs in every answer that has it; its two values count as equal when `equal` says so. */
export interface KnownFieldDifference {
  field: string
  reason: string
  equal(embedded: unknown, real: unknown): boolean
}

export const KNOWN_FIELD_DIFFERENCES: KnownFieldDifference[] = [
  {
    field: 'token',
    reason:
      'The embedded server keeps only a hash of each token, as InfluxDB does by default from 2.9: the value ' +
      'is returned once, by the POST that creates it, and as "" afterwards. InfluxDB 2.7 stores tokens in ' +
      'plain text and returns them in every GET and PATCH answer.',
    equal: (embedded, real) => embedded === '' && typeof real === 'string' && real.startsWith('<token'),
  },
]
