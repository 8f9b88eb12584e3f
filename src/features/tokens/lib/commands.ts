/**
 * The token request of a Generate dialog as an `influx auth create` command and as a curl call,
 * for a live preview. The CLI flags follow influx CLI 2.3+ (`clients/auth`), where every resource
 * type of the API has a `--read-<type>` and a `--write-<type>` flag.
 */
import { OSS_RESOURCE_TYPES } from '@/api/contract'
import type { AuthorizationPostRequest, Permission } from '@/api/contract'
import { buildAllAccessPermissions, buildOperatorPermissions, permissionKey, uniquePermissions } from '@/api/permission-sets'
import { tokenKind } from './permissions'

/** Types the CLI has flags for: the OSS and Cloud enums, without `instance`, which it refuses. */
const CLI_FLAG_TYPES: ReadonlySet<string> = new Set([
  'authorizations', 'buckets', 'dashboards', 'orgs', 'tasks', 'telegrafs', 'users', 'variables', 'secrets', 'labels',
  'views', 'documents', 'notificationRules', 'notificationEndpoints', 'checks', 'dbrp', 'annotations', 'sources',
  'scrapers', 'notebooks', 'remotes', 'replications', 'flows', 'functions', 'subscriptions',
])

// Longer one-line commands are split, one flag per line, so the preview panel need not scroll.
const MAX_ONE_LINE = 80

const SHELL_SAFE = /^[\w@%+=:,./-]+$/

/** Single quotes keep everything literal; a quote inside becomes '\'' (close, escaped quote, reopen). */
function singleQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`
}

function shellWord(value: string): string {
  return SHELL_SAFE.test(value) ? value : singleQuote(value)
}

/** Continuation lines: ` \` at the end of each line but the last, the next ones indented by two. */
function continued(parts: string[]): string {
  return parts.join(' \\\n  ')
}

function samePermissions(a: Permission[], b: Permission[]): boolean {
  const keys = (list: Permission[]) => uniquePermissions(list).map(permissionKey).sort().join('\n')
  return keys(a) === keys(b)
}

/**
 * `--all-access` and `--operator` make the CLI fetch the server's resource types and build the
 * set itself, so they stand for the request only when it holds exactly that set.
 */
function presetFlag(request: AuthorizationPostRequest, resourceTypes: readonly string[]): string | null {
  const { permissions, orgID } = request
  const kind = tokenKind(permissions)
  if (kind === 'operator' && samePermissions(permissions, buildOperatorPermissions(resourceTypes))) return '--operator'
  if (kind === 'all-access') {
    // The CLI grants its users permissions to the --user it was given, else to the caller.
    const userID = request.userID ?? permissions.find((p) => p.resource.type === 'users')?.resource.id ?? ''
    if (samePermissions(permissions, buildAllAccessPermissions(resourceTypes, orgID, userID))) return '--all-access'
  }
  return null
}

/** The flag that makes the CLI send exactly this permission, if there is one. */
function permissionFlag({ action, resource }: Permission, orgID: string): string | null {
  const { type, id } = resource
  if (type === 'buckets' && id !== undefined) return resource.orgID === orgID ? `--${action}-bucket ${shellWord(id)}` : null
  if (id !== undefined || !CLI_FLAG_TYPES.has(type)) return null
  // The CLI drops the orgID of orgs and users, so its flags grant them in every organization.
  const cliOrgID = type === 'orgs' || type === 'users' ? undefined : orgID
  return resource.orgID === cliOrgID ? `--${action}-${type}` : null
}

function whereText({ resource }: Permission): string {
  if (resource.id !== undefined) return `id ${resource.id}`
  return resource.orgID === undefined ? 'all orgs' : `org ${resource.orgID}`
}

interface CliContext {
  orgName: string
  userName?: string
  /** The server's `GET /api/v2/resources`; decides when `--all-access`/`--operator` fit. */
  resourceTypes?: readonly string[]
}

export function influxAuthCreateCommand(request: AuthorizationPostRequest, ctx: CliContext): string {
  const flags = [`--org ${shellWord(ctx.orgName)}`]
  const missing: string[] = []
  if (request.description) flags.push(`--description ${singleQuote(request.description)}`)
  if (request.userID !== undefined) {
    if (ctx.userName) flags.push(`--user ${shellWord(ctx.userName)}`)
    else missing.push(`user ${request.userID} (its name is unknown)`)
  }
  // The CLI always creates active tokens.
  if (request.status === 'inactive') missing.push('status inactive')

  const preset = presetFlag(request, ctx.resourceTypes ?? OSS_RESOURCE_TYPES)
  if (preset) flags.push(preset)
  else {
    for (const permission of uniquePermissions(request.permissions)) {
      const flag = permissionFlag(permission, request.orgID)
      if (flag === null) missing.push(`${permission.resource.type} ${permission.action} (${whereText(permission)})`)
      else flags.push(flag)
    }
  }

  const words = ['influx auth create', ...flags]
  const oneLine = words.join(' ')
  const command = oneLine.length <= MAX_ONE_LINE ? oneLine : continued(words)
  return [command, ...missing.map((what) => `# not expressible with influx auth create: ${what}`)].join('\n')
}

/** Pretty JSON with the keys in the order of the API docs; absent optional keys are left out. */
export function requestJson(request: AuthorizationPostRequest): string {
  const { orgID, userID, description, status, permissions } = request
  return JSON.stringify({ orgID, userID, description: description ?? '', status, permissions }, null, 2)
}

export function curlCommand(request: AuthorizationPostRequest, baseUrl: string): string {
  // Inside double quotes the shell still expands $, ` and \, so those are escaped too.
  const url = `${baseUrl.replace(/\/+$/, '')}/api/v2/authorizations`.replace(/["$`\\]/g, '\\$&')
  return continued([
    `curl --request POST "${url}"`,
    '--header "Authorization: Token $INFLUX_TOKEN"',
    '--header "Content-Type: application/json"',
    `--data ${singleQuote(requestJson(request))}`,
  ])
}
