import { describe, expect, it } from 'vitest'
import { OSS_RESOURCE_TYPES } from '@/api/contract'
import type { Permission } from '@/api/contract'
import { buildAllAccessPermissions, buildOperatorPermissions } from '@/api/permission-sets'
import { describeAccess, permissionLines, scopeSummary } from './scope'
import type { NameLookup } from './scope'
import { B1, B2, B3, ME, ORG, OTHER_ORG, read, write } from './test-fixtures'

const names: NameLookup = {
  bucketName: (id) => ({ [B1]: 'telemetry', [B2]: 'logs' })[id],
  orgName: (id) => (id === ORG ? 'acme' : undefined),
}
const bucket = (id: string) => ({ type: 'buckets', orgID: ORG, id })
const allBuckets = { type: 'buckets', orgID: ORG }
const operator = buildOperatorPermissions(OSS_RESOURCE_TYPES)
const allAccess = buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME)
const summary = (permissions: Permission[]) => scopeSummary({ permissions })

describe('scopeSummary', () => {
  it('names operator and all-access tokens', () => {
    expect(summary(operator)).toBe('Operator')
    expect(summary(allAccess)).toBe('All-Access')
  })

  it('counts buckets per action, the noun agreeing with the last count', () => {
    expect(summary([read(bucket(B1)), read(bucket(B2)), write(bucket(B1))])).toBe('Read 2 · Write 1 bucket')
    expect(summary([read(bucket(B1)), write(bucket(B1))])).toBe('Read 1 · Write 1 bucket')
    expect(summary([read(bucket(B1)), read(bucket(B2)), read(bucket(B3)), read(bucket(B3))])).toBe('Read 3 buckets')
    expect(summary([write(bucket(B1))])).toBe('Write 1 bucket')
    expect(summary([read(bucket(B1)), write(allBuckets)])).toBe('Read 1 · Write all buckets')
  })

  it('says "all" for a wildcard, even next to explicit buckets', () => {
    expect(summary([read(allBuckets), read(bucket(B1)), write(bucket(B1)), write(bucket(B2))])).toBe('Read all · Write 2 buckets')
    expect(summary([read(allBuckets), write({ type: 'buckets' })])).toBe('Read all · Write all buckets')
  })

  it('summarizes a list it has seen (as the token list shares them) as it summarizes a copy, every time', () => {
    const lists = [operator, allAccess, [read(bucket(B1)), write(bucket(B2))], [read({ type: 'dashboards', orgID: ORG })]]
    for (const list of lists) {
      const shared = [...list]
      expect(summary(shared)).toBe(summary([...list]))
      expect(summary(shared)).toBe(summary([...list]))
    }
  })

  it('counts the distinct permissions of a custom token', () => {
    expect(summary([read({ type: 'dashboards', orgID: ORG }), write({ type: 'dashboards', orgID: ORG }), read(bucket(B1)), read(bucket(B1))]))
      .toBe('Custom · 3 permissions')
    expect(summary([read({ type: 'dashboards', orgID: ORG })])).toBe('Custom · 1 permission')
  })
})

describe('permissionLines', () => {
  it('groups by type in order of appearance and names every target', () => {
    const permissions: Permission[] = [
      read(bucket(B1)),
      read({ type: 'dashboards', orgID: ORG, org: 'acme-from-server' }),
      read(bucket(B3)),
      write({ type: 'buckets', orgID: ORG, id: B2, name: 'logs-from-server' }),
      read({ type: 'tasks', orgID: OTHER_ORG }),
      read({ type: 'orgs', id: ORG }),
      read({ type: 'users', id: ME, name: 'alice' }),
      write({ type: 'users', id: ME }),
      write({ type: 'telegrafs' }),
      write({ type: 'dashboards', orgID: ORG }),
    ]
    expect(permissionLines(permissions, names)).toEqual([
      {
        type: 'buckets',
        lines: [
          { action: 'read', type: 'buckets', target: 'telemetry', deleted: false },
          { action: 'read', type: 'buckets', target: B3, deleted: true },
          { action: 'write', type: 'buckets', target: 'logs-from-server', deleted: false },
        ],
      },
      {
        type: 'dashboards',
        lines: [
          { action: 'read', type: 'dashboards', target: 'all dashboards of acme-from-server', deleted: false },
          { action: 'write', type: 'dashboards', target: 'all dashboards of acme', deleted: false },
        ],
      },
      { type: 'tasks', lines: [{ action: 'read', type: 'tasks', target: `all tasks of ${OTHER_ORG}`, deleted: false }] },
      { type: 'orgs', lines: [{ action: 'read', type: 'orgs', target: 'acme', deleted: false }] },
      {
        type: 'users',
        lines: [
          { action: 'read', type: 'users', target: 'alice', deleted: false },
          { action: 'write', type: 'users', target: ME, deleted: false },
        ],
      },
      { type: 'telegrafs', lines: [{ action: 'write', type: 'telegrafs', target: 'all Telegraf configurations of every organization', deleted: false }] },
    ])
  })
})

describe('describeAccess', () => {
  const cannotAll = 'Cannot manage tokens, users or tasks.'

  it('describes the operator and all-access tokens', () => {
    expect(describeAccess(operator, names)).toBe(
      'Operator: full read and write access to every resource in every organization, including all tokens and users.',
    )
    expect(describeAccess(allAccess, names)).toBe(
      'Full access to everything in acme: can create, update, delete, read and write any resource.',
    )
  })

  it('lists scoped buckets per action', () => {
    expect(describeAccess([read(bucket(B1)), read(bucket(B2)), write(bucket(B1))], names)).toBe(
      `Can read data in 2 buckets (telemetry, logs) and write data in bucket telemetry. ${cannotAll}`,
    )
    expect(describeAccess([read(bucket(B1)), read(bucket(B2)), write(bucket(B2)), write(bucket(B1))], names)).toBe(
      `Can read and write data in 2 buckets (telemetry, logs). ${cannotAll}`,
    )
  })

  it('explains that a wildcard covers buckets created later', () => {
    expect(describeAccess([read(allBuckets), write(allBuckets)], names)).toBe(
      `Can read and write data in all buckets of acme, including buckets created later. ${cannotAll}`,
    )
    expect(describeAccess([read(allBuckets), write(bucket(B1))], names)).toBe(
      `Can read data in all buckets of acme, including buckets created later, and write data in bucket telemetry. ${cannotAll}`,
    )
    expect(describeAccess([read(bucket(B1)), write(allBuckets)], names)).toBe(
      `Can read data in bucket telemetry and write data in all buckets of acme, including buckets created later. ${cannotAll}`,
    )
    expect(describeAccess([read({ type: 'buckets' })], names)).toBe(
      `Can read data in all buckets of every organization, including buckets created later. ${cannotAll}`,
    )
    expect(describeAccess([read(allBuckets), read({ type: 'buckets', orgID: OTHER_ORG, org: 'beta' })], names)).toBe(
      `Can read data in all buckets of acme and beta, including buckets created later. ${cannotAll}`,
    )
  })

  it('truncates long bucket lists and marks deleted buckets', () => {
    const named = ['b4', 'b5', 'b6', 'b7'].map((name, i) => write({ ...bucket(`00000000000000a${i}`), name }))
    expect(describeAccess([write(bucket(B1)), write(bucket(B2)), write(bucket(B3)), ...named], names)).toBe(
      `Can write data in 7 buckets (telemetry, logs, deleted bucket ${B3}, b4, b5 and 2 more). ${cannotAll}`,
    )
  })

  it('describes a custom token by type, read-and-write first', () => {
    const permissions = [
      read({ type: 'dashboards', orgID: ORG }),
      write({ type: 'dashboards', orgID: ORG }),
      read({ type: 'tasks', orgID: ORG }),
      write({ type: 'tasks', orgID: ORG }),
      read(bucket(B1)),
    ]
    expect(describeAccess(permissions, names)).toBe(
      'Can read and write all dashboards and tasks of acme; read data in bucket telemetry. Cannot manage tokens or users.',
    )
  })

  it('names individual resources, global grants and org scopes apart', () => {
    const permissions = [
      read({ type: 'orgs', id: ORG, name: 'acme' }),
      read({ type: 'users', id: ME, name: 'alice' }),
      write({ type: 'users', id: ME, name: 'alice' }),
      read({ type: 'authorizations', orgID: ORG }),
      write({ type: 'tasks', orgID: ORG }),
      read({ type: 'telegrafs', orgID: ORG, id: 'c0ffee0000000001', name: 'cpu' }),
      read({ type: 'variables' }),
      write({ type: 'buckets', orgID: ORG, id: B2, name: 'logs' }),
      write(bucket(B1)),
    ]
    expect(describeAccess(permissions, names)).toBe(
      'Can read and write user alice; read all tokens of acme; read all variables of every organization; ' +
        'read organization acme; read Telegraf configuration cpu; write all tasks of acme; write data in 2 buckets (logs, telemetry). ' +
        'Cannot manage tokens or users.',
    )
  })

  it('drops the "cannot" sentence when tokens, users and tasks are all writable', () => {
    const permissions = [
      read({ type: 'authorizations', orgID: ORG }),
      write({ type: 'authorizations', orgID: ORG }),
      write({ type: 'users', orgID: ORG }),
      write({ type: 'tasks', orgID: ORG }),
      read({ type: 'dashboards', orgID: ORG }),
    ]
    expect(describeAccess(permissions, names)).toBe(
      'Can read and write all tokens of acme; read all dashboards of acme; write all users and tasks of acme.',
    )
  })

  it('says so when there is nothing', () => {
    expect(describeAccess([], names)).toBe('Has no permissions.')
  })
})
