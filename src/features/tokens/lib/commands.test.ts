import { describe, expect, it } from 'vitest'
import { OSS_RESOURCE_TYPES } from '@/api/contract'
import type { AuthorizationPostRequest, Permission } from '@/api/contract'
import { curlCommand, influxAuthCreateCommand, requestJson } from './commands'
import { buildAllAccessPermissions, buildOperatorPermissions, permissionKey } from '@/api/permission-sets'
import { buildCustomPermissions, buildReadWritePermissions } from './permissions'
import { B1, B2, ME, ORG, OTHER_ORG, read, write } from './test-fixtures'

/** Splits a command into words like a POSIX shell: single quotes, `\` line continuations, # comments. */
function shellWords(command: string): { words: string[]; comments: string[] } {
  const words: string[] = []
  const comments: string[] = []
  let word: string | null = null
  for (let i = 0; i < command.length; i++) {
    const c = command.charAt(i)
    if (c === "'") {
      const end = command.indexOf("'", i + 1)
      word = (word ?? '') + command.slice(i + 1, end)
      i = end
    } else if (c === '\\') {
      const next = command.charAt(++i)
      if (next !== '\n') word = (word ?? '') + next
    } else if (c === '#' && word === null) {
      const end = command.indexOf('\n', i)
      comments.push(command.slice(i, end === -1 ? undefined : end))
      i = end === -1 ? command.length : end
    } else if (c === ' ' || c === '\n') {
      if (word !== null) words.push(word)
      word = null
    } else {
      word = (word ?? '') + c
    }
  }
  if (word !== null) words.push(word)
  return { words, comments }
}

interface ParsedCli {
  org?: string
  description?: string
  user?: string
  permissions: Permission[]
  comments: string[]
}

/** What `influx auth create` would POST for these words (clients/auth/auth.go semantics). */
function parseInfluxAuthCreate(command: string, orgID: string, userID: string, types: readonly string[] = OSS_RESOURCE_TYPES): ParsedCli {
  const { words, comments } = shellWords(command)
  expect(words.slice(0, 3)).toEqual(['influx', 'auth', 'create'])
  const parsed: ParsedCli = { permissions: [], comments }
  for (let i = 3; i < words.length; i++) {
    const flag = words[i] ?? ''
    const value = () => words[++i] ?? ''
    const typeFlag = /^--(read|write)-(\w+)$/.exec(flag)
    if (flag === '--org') parsed.org = value()
    else if (flag === '--description') parsed.description = value()
    else if (flag === '--user') parsed.user = value()
    else if (flag === '--all-access') parsed.permissions.push(...buildAllAccessPermissions(types, orgID, userID))
    else if (flag === '--operator') parsed.permissions.push(...buildOperatorPermissions(types))
    else if (typeFlag?.[2] === 'bucket') {
      parsed.permissions.push({ action: typeFlag[1] as 'read', resource: { type: 'buckets', id: value(), orgID } })
    } else if (typeFlag) {
      const type = typeFlag[2] ?? ''
      const resource = type === 'orgs' || type === 'users' ? { type } : { type, orgID }
      parsed.permissions.push({ action: typeFlag[1] as 'read', resource })
    } else throw new Error(`unexpected word ${flag}`)
  }
  return parsed
}

const keys = (permissions: Permission[]) => [...new Set(permissions.map(permissionKey))].sort()

/** The CLI's permissions plus the commented ones are exactly the body's, each said once. */
function expectSameAccess(request: AuthorizationPostRequest, ctx: { orgName: string; userName?: string }, commented: Permission[] = []) {
  const command = influxAuthCreateCommand(request, ctx)
  const parsed = parseInfluxAuthCreate(command, request.orgID, request.userID ?? ME)
  expect(keys([...parsed.permissions, ...commented])).toEqual(keys(request.permissions))
  expect(parsed.permissions.length).toBe(keys(parsed.permissions).length)
  expect(parsed.org).toBe(ctx.orgName)
  expect(parsed.description).toBe(request.description || undefined)
  return { command, parsed }
}

/** The JSON the curl command would send. */
function curlBody(command: string): unknown {
  const { words } = shellWords(command)
  return JSON.parse(words[words.indexOf('--data') + 1] ?? '')
}

const acme = { orgName: 'acme' }
const b1 = { id: B1, name: 'telemetry' }
const b2 = { id: B2, name: 'logs' }

describe('influxAuthCreateCommand', () => {
  it('gives one --read-bucket/--write-bucket per scoped bucket, on one line when short', () => {
    const permissions = buildReadWritePermissions(ORG, { all: false, buckets: [b1] }, { all: false, buckets: [] })
    const request = { orgID: ORG, description: 'ci', permissions }
    const { command } = expectSameAccess(request, acme)
    expect(command).toBe(`influx auth create --org acme --description 'ci' --read-bucket ${B1}`)
  })

  it('splits a long command over indented continuation lines', () => {
    const permissions = buildReadWritePermissions(ORG, { all: false, buckets: [b1, b2] }, { all: false, buckets: [b1] })
    const request = { orgID: ORG, description: 'Jeton 01', permissions }
    const { command } = expectSameAccess(request, acme)
    expect(command).toBe(
      [
        'influx auth create \\',
        '  --org acme \\',
        "  --description 'Jeton 01' \\",
        `  --read-bucket ${B1} \\`,
        `  --read-bucket ${B2} \\`,
        `  --write-bucket ${B1}`,
      ].join('\n'),
    )
  })

  it('uses --read-buckets/--write-buckets for All Buckets, also next to scoped ones', () => {
    const all = { orgID: ORG, permissions: buildReadWritePermissions(ORG, { all: true, buckets: [] }, { all: true, buckets: [] }) }
    expect(expectSameAccess(all, acme).command).toBe('influx auth create --org acme --read-buckets --write-buckets')
    const mixed = { orgID: ORG, permissions: buildReadWritePermissions(ORG, { all: true, buckets: [] }, { all: false, buckets: [b2] }) }
    expect(expectSameAccess(mixed, acme).command).toBe(`influx auth create --org acme --read-buckets --write-bucket ${B2}`)
  })

  it('uses --all-access for the all-access set of this server, with --user when scoped to a user', () => {
    const request = { orgID: ORG, userID: ME, description: 'admin', permissions: buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME) }
    const { command } = expectSameAccess(request, { orgName: 'acme', userName: 'alice' })
    expect(command).toBe("influx auth create --org acme --description 'admin' --user alice --all-access")
  })

  it('spells out an all-access token built for other resource types, unless told the server has those', () => {
    const era20 = ['authorizations', 'buckets', 'dashboards', 'orgs', 'tasks', 'users']
    const request = { orgID: ORG, permissions: buildAllAccessPermissions(era20, ORG, ME) }
    const orgRead = read({ type: 'orgs', id: ORG })
    const userRW = [read({ type: 'users', id: ME }), write({ type: 'users', id: ME })]
    const { command } = expectSameAccess(request, acme, [orgRead, ...userRW])
    expect(command).toContain('--read-authorizations \\\n  --write-authorizations')
    expect(command).toContain(`# not expressible with influx auth create: orgs read (id ${ORG})`)
    expect(influxAuthCreateCommand(request, { ...acme, resourceTypes: [...era20, 'instance'] })).toBe(
      'influx auth create --org acme --all-access',
    )
  })

  it('uses --all-access without a users permission when the server has no users type', () => {
    const types = ['authorizations', 'buckets', 'orgs']
    const request = { orgID: ORG, permissions: buildAllAccessPermissions(types, ORG, ME) }
    expect(influxAuthCreateCommand(request, { ...acme, resourceTypes: types })).toBe('influx auth create --org acme --all-access')
  })

  it('spells out an operator-like token that is not the full operator set', () => {
    const request = { orgID: ORG, permissions: [read({ type: 'authorizations' }), write({ type: 'authorizations' })] }
    expect(influxAuthCreateCommand(request, acme)).toBe(
      [
        'influx auth create --org acme',
        '# not expressible with influx auth create: authorizations read (all orgs)',
        '# not expressible with influx auth create: authorizations write (all orgs)',
      ].join('\n'),
    )
  })

  it('uses --operator for the operator set', () => {
    const request = { orgID: ORG, description: "alice's Token", permissions: buildOperatorPermissions(OSS_RESOURCE_TYPES) }
    const { command } = expectSameAccess(request, acme)
    expect(command).toBe(`influx auth create --org acme --description 'alice'\\''s Token' --operator`)
  })

  it('gives type-wide flags for a custom token and comments what the CLI cannot say', () => {
    const ctx = { orgID: ORG, orgName: 'acme', userID: ME }
    const sel = {
      types: {
        dashboards: { read: true, write: true },
        notificationRules: { read: true, write: false },
        dbrp: { read: true, write: false },
        orgs: { read: true, write: false },
        users: { read: true, write: true },
      },
      bucketRead: [b1],
      bucketWrite: [],
    }
    const request = { orgID: ORG, description: 'custom', permissions: buildCustomPermissions(ctx, sel) }
    const commented = [read({ type: 'orgs', id: ORG }), read({ type: 'users', id: ME }), write({ type: 'users', id: ME })]
    const { command } = expectSameAccess(request, acme, commented)
    expect(command).toBe(
      [
        'influx auth create \\',
        '  --org acme \\',
        "  --description 'custom' \\",
        '  --read-dashboards \\',
        '  --write-dashboards \\',
        '  --read-notificationRules \\',
        '  --read-dbrp \\',
        `  --read-bucket ${B1}`,
        `# not expressible with influx auth create: orgs read (id ${ORG})`,
        `# not expressible with influx auth create: users read (id ${ME})`,
        `# not expressible with influx auth create: users write (id ${ME})`,
      ].join('\n'),
    )
  })

  it('comments permissions outside the CLI: other orgs, global types, unknown types, instance, org-less buckets', () => {
    const odd = [
      read({ type: 'orgs' }),
      write({ type: 'users' }),
      read({ type: 'buckets', orgID: OTHER_ORG, id: B2 }),
      read({ type: 'buckets', id: B1 }),
      read({ type: 'dashboards' }),
      write({ type: 'tasks', orgID: OTHER_ORG }),
      read({ type: 'widgets', orgID: ORG }),
      read({ type: 'instance' }),
      read({ type: 'telegrafs', orgID: ORG, id: 'c0ffee0000000001' }),
    ]
    const request = { orgID: ORG, permissions: odd }
    const { command } = expectSameAccess(request, acme, odd.slice(2))
    expect(command).toBe(
      [
        'influx auth create --org acme --read-orgs --write-users',
        `# not expressible with influx auth create: buckets read (id ${B2})`,
        `# not expressible with influx auth create: buckets read (id ${B1})`,
        '# not expressible with influx auth create: dashboards read (all orgs)',
        `# not expressible with influx auth create: tasks write (org ${OTHER_ORG})`,
        `# not expressible with influx auth create: widgets read (org ${ORG})`,
        '# not expressible with influx auth create: instance read (all orgs)',
        '# not expressible with influx auth create: telegrafs read (id c0ffee0000000001)',
      ].join('\n'),
    )
  })

  it('comments a user ID without a name and an inactive status', () => {
    const request = { orgID: ORG, userID: ME, status: 'inactive' as const, permissions: [read({ type: 'buckets', orgID: ORG })] }
    expect(influxAuthCreateCommand(request, acme)).toBe(
      [
        'influx auth create --org acme --read-buckets',
        `# not expressible with influx auth create: user ${ME} (its name is unknown)`,
        '# not expressible with influx auth create: status inactive',
      ].join('\n'),
    )
  })

  it('quotes names and descriptions so the shell takes them literally', () => {
    const description = `it's "ours" $HOME \`id\`; rm -rf / \\ # not a comment\nsecond line`
    const request = { orgID: ORG, description, permissions: [read({ type: 'buckets', orgID: ORG })] }
    const ctx = { orgName: "O'Brien & Co", userName: 'bob smith' }
    const { parsed, command } = expectSameAccess({ ...request, userID: ME }, ctx)
    expect(parsed.description).toBe(description)
    expect(parsed.user).toBe('bob smith')
    expect(command).toContain("--org 'O'\\''Brien & Co'")
  })
})

describe('requestJson', () => {
  it('orders the keys orgID, userID, description, status, permissions', () => {
    const request = { permissions: [read({ type: 'buckets', orgID: ORG })], status: 'active' as const, description: 'd', userID: ME, orgID: ORG }
    expect(Object.keys(JSON.parse(requestJson(request)))).toEqual(['orgID', 'userID', 'description', 'status', 'permissions'])
    expect(requestJson({ orgID: ORG, permissions: [] })).toBe(`{\n  "orgID": "${ORG}",\n  "description": "",\n  "permissions": []\n}`)
  })
})

describe('curlCommand', () => {
  it('POSTs the pretty JSON body with the token from $INFLUX_TOKEN', () => {
    const request = { orgID: ORG, description: 'ci', permissions: [write({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry' })] }
    expect(curlCommand(request, 'http://localhost:8086/')).toBe(
      [
        'curl --request POST "http://localhost:8086/api/v2/authorizations" \\',
        '  --header "Authorization: Token $INFLUX_TOKEN" \\',
        '  --header "Content-Type: application/json" \\',
        `  --data '${requestJson(request)}'`,
      ].join('\n'),
    )
    expect(curlBody(curlCommand(request, 'http://localhost:8086'))).toEqual(request)
  })

  it('keeps quotes in the body and odd characters in the URL literal', () => {
    const request = { orgID: ORG, description: `it's $HOME`, permissions: buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME) }
    const command = curlCommand(request, 'https://influx.example/$x`y`')
    expect(curlBody(command)).toEqual(request)
    expect(command).toContain('"https://influx.example/\\$x\\`y\\`/api/v2/authorizations"')
  })
})
