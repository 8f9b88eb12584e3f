import type { Answer, Cast, Step } from './runner.ts'

type Extra = Omit<Step, 'title' | 'method' | 'path' | 'as'>

/** A step in one line: `call('title', 'GET', '/api/v2/orgs', 'operator')`. */
export function call(title: string, method: string, path: Step['path'], as?: string, extra: Extra = {}): Step {
  return { title, method, path, as, ...extra }
}

/** A 2xx answer's `id`, stored in the cast under `name`. */
export const keepId =
  (name: string) =>
  (c: Cast, answer: Answer): void => {
    c.id[name] = (answer.body as { id: string }).id
  }

/** A created authorization: its ID and its token, both under `name`. */
export const keepToken =
  (name: string) =>
  (c: Cast, answer: Answer): void => {
    const body = answer.body as { id: string; token: string }
    c.id[name] = body.id
    c.token[name] = body.token
  }

/** The session cookie of a sign-in, under `name`. */
export const keepCookie =
  (name: string) =>
  (c: Cast, answer: Answer): void => {
    if (answer.cookie) c.cookie[name] = answer.cookie
  }

export const basic = (user: string, password: string): Record<string, string> => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
})

interface Resource {
  type: string
  id?: string
  orgID?: string
}

export const perm = (action: string, resource: Resource) => ({ action, resource })

/** The 20 org-scoped types of an all-access token (every type but orgs, users and instance). */
export const ORG_TYPES = [
  'annotations', 'authorizations', 'buckets', 'checks', 'dashboards', 'dbrp', 'documents', 'labels',
  'notebooks', 'notificationEndpoints', 'notificationRules', 'remotes', 'replications', 'scrapers',
  'secrets', 'sources', 'tasks', 'telegrafs', 'variables', 'views',
]

/** What the UI sends for an all-access token of `userID` in `orgID`. */
export function allAccess(orgID: string, userID: string) {
  return [
    ...ORG_TYPES.flatMap((type) => [perm('read', { type, orgID }), perm('write', { type, orgID })]),
    perm('read', { type: 'orgs', id: orgID }),
    perm('read', { type: 'users', id: userID }),
    perm('write', { type: 'users', id: userID }),
  ]
}

/** The sign-ins' password of every user the scenario creates. */
export const PASSWORD = 'oracle-cast-password'
export const ADMIN = { username: 'admin', password: 'oracle-admin-password', org: 'acme', bucket: 'telemetry' }

/** An ID that is well formed but names nothing on either server. */
export const UNKNOWN_ID = '0abc0abc0abc0abc'
