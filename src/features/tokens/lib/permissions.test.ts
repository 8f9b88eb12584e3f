import { describe, expect, it } from 'vitest'
import { OSS_RESOURCE_TYPES } from '@/api/contract'
import { buildAllAccessPermissions, buildOperatorPermissions, permissionKey, uniquePermissions } from '@/api/permission-sets'
import { buildCustomPermissions, buildReadWritePermissions, customFromPermissions, readWriteFromPermissions, tokenKind } from './permissions'
import { B1, B2, B3, ME, ORG, OTHER_ORG, read, write } from './test-fixtures'

const none = { all: false, buckets: [] }
const ctx = { orgID: ORG, orgName: 'acme', userID: ME }

describe('permissionKey and uniquePermissions', () => {
  it('ignore name and org, which the server does not read', () => {
    const a = read({ type: 'buckets', orgID: ORG, id: B1, name: 'old', org: 'acme' })
    const b = read({ type: 'buckets', orgID: ORG, id: B1, name: 'new' })
    expect(permissionKey(a)).toBe(`read|buckets|${B1}|${ORG}`)
    expect(uniquePermissions([a, b, write(b.resource)])).toEqual([a, write(b.resource)])
  })
})

describe('buildReadWritePermissions', () => {
  it('sends reads first, then writes, each with orgID, id and name (influxdb-ui.md §2(a))', () => {
    const b1 = { id: B1, name: 'telemetry' }
    const b2 = { id: B2, name: 'logs' }
    expect(buildReadWritePermissions(ORG, { all: false, buckets: [b1, b2, b1] }, { all: false, buckets: [b1] })).toEqual([
      read({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry' }),
      read({ type: 'buckets', orgID: ORG, id: B2, name: 'logs' }),
      write({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry' }),
    ])
  })

  it('turns All Buckets into one id-less permission and ignores the scoped choices', () => {
    const scoped = { all: true, buckets: [{ id: B1, name: 'telemetry' }] }
    expect(buildReadWritePermissions(ORG, scoped, { all: true, buckets: [] })).toEqual([
      read({ type: 'buckets', orgID: ORG }),
      write({ type: 'buckets', orgID: ORG }),
    ])
  })

  it('is empty when nothing is chosen', () => {
    expect(buildReadWritePermissions(ORG, none, none)).toEqual([])
  })
})

describe('buildAllAccessPermissions', () => {
  const perms = buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME)

  it('gives 43 permissions for the 23 OSS types, sorted, without instance', () => {
    expect(perms).toHaveLength(43)
    expect(perms.some((p) => p.resource.type === 'instance')).toBe(false)
    expect([...new Set(perms.map((p) => p.resource.type))]).toEqual([
      'annotations', 'authorizations', 'buckets', 'checks', 'dashboards', 'dbrp', 'documents', 'labels',
      'notebooks', 'notificationEndpoints', 'notificationRules', 'orgs', 'remotes', 'replications', 'scrapers',
      'secrets', 'sources', 'tasks', 'telegrafs', 'users', 'variables', 'views',
    ])
  })

  it('reads the org by id, reads and writes the user by id, and the rest org-wide', () => {
    expect(perms.slice(0, 2)).toEqual([read({ type: 'annotations', orgID: ORG }), write({ type: 'annotations', orgID: ORG })])
    expect(perms.filter((p) => p.resource.type === 'orgs')).toEqual([read({ type: 'orgs', id: ORG })])
    expect(perms.filter((p) => p.resource.type === 'users')).toEqual([read({ type: 'users', id: ME }), write({ type: 'users', id: ME })])
  })

  it('dedupes and sorts regardless of case', () => {
    expect(buildAllAccessPermissions(['views', 'Alpha', 'views', 'beta', 'Beta'], ORG, ME).map((p) => p.resource.type)).toEqual([
      'Alpha', 'Alpha', 'beta', 'beta', 'Beta', 'Beta', 'views', 'views',
    ])
  })
})

describe('buildOperatorPermissions', () => {
  it('grants global read and write on every type but instance, in server order', () => {
    const perms = buildOperatorPermissions(OSS_RESOURCE_TYPES)
    expect(perms).toHaveLength(44)
    expect(perms.slice(0, 4)).toEqual([
      read({ type: 'authorizations' }), write({ type: 'authorizations' }), read({ type: 'buckets' }), write({ type: 'buckets' }),
    ])
    expect(perms.at(-1)).toEqual(write({ type: 'replications' }))
  })
})

describe('buildCustomPermissions', () => {
  it('orders type-wide rows, then bucket reads, then bucket writes', () => {
    const sel = {
      types: {
        dashboards: { read: true, write: true },
        orgs: { read: true, write: false },
        users: { read: true, write: true },
        tasks: { read: false, write: false },
      },
      bucketRead: [{ id: B1, name: 'telemetry' }, { id: B2, name: 'logs' }],
      bucketWrite: [{ id: B1, name: 'telemetry' }, { id: B1, name: 'telemetry' }],
    }
    expect(buildCustomPermissions(ctx, sel)).toEqual([
      read({ type: 'dashboards', orgID: ORG }),
      write({ type: 'dashboards', orgID: ORG }),
      read({ type: 'orgs', id: ORG, name: 'acme' }),
      read({ type: 'users', id: ME }),
      write({ type: 'users', id: ME }),
      read({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry' }),
      read({ type: 'buckets', orgID: ORG, id: B2, name: 'logs' }),
      write({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry' }),
    ])
  })

  it('drops individual buckets for an action whose All Buckets box is ticked', () => {
    const sel = {
      types: { buckets: { read: true, write: false } },
      bucketRead: [{ id: B1, name: 'telemetry' }],
      bucketWrite: [{ id: B2, name: 'logs' }],
    }
    expect(buildCustomPermissions(ctx, sel)).toEqual([
      read({ type: 'buckets', orgID: ORG }),
      write({ type: 'buckets', orgID: ORG, id: B2, name: 'logs' }),
    ])
  })
})

describe('tokenKind', () => {
  it('recognises the 44-permission operator token', () => {
    expect(tokenKind(buildOperatorPermissions(OSS_RESOURCE_TYPES))).toBe('operator')
  })

  it('needs both global read and write on tokens for operator', () => {
    expect(tokenKind([read({ type: 'authorizations' })])).toBe('custom')
  })

  it('recognises the 43-permission all-access token and the 35-permission one of the 2.0 UI', () => {
    expect(tokenKind(buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME))).toBe('all-access')
    const era20 = ['authorizations', 'buckets', 'checks', 'dashboards', 'dbrp', 'documents', 'labels', 'notificationRules',
      'notificationEndpoints', 'orgs', 'secrets', 'scrapers', 'sources', 'tasks', 'telegrafs', 'users', 'variables', 'views']
    const perms = buildAllAccessPermissions(era20, ORG, ME)
    expect(perms).toHaveLength(35)
    expect(tokenKind(perms)).toBe('all-access')
  })

  it('calls an all-access look-alike custom when one piece is off', () => {
    const full = buildAllAccessPermissions(OSS_RESOURCE_TYPES, ORG, ME)
    const withoutOrgRead = full.filter((p) => p.resource.type !== 'orgs')
    const readOnlyTasks = full.filter((p) => !(p.resource.type === 'tasks' && p.action === 'write'))
    const orgWrite = [...full, write({ type: 'orgs', id: ORG })]
    const otherOrgRead = [...full.filter((p) => p.resource.type !== 'orgs'), read({ type: 'orgs', id: OTHER_ORG })]
    const oneBucket = [...full, read({ type: 'buckets', orgID: ORG, id: B1 })]
    const noBuckets = full.filter((p) => p.resource.type !== 'buckets')
    const globalUsers = [...full, read({ type: 'users' })]
    const otherOrgType = [...full, read({ type: 'dashboards', orgID: OTHER_ORG })]
    for (const perms of [withoutOrgRead, readOnlyTasks, orgWrite, otherOrgRead, oneBucket, noBuckets, globalUsers, otherOrgType]) {
      expect(tokenKind(perms)).toBe('custom')
    }
  })

  it('calls bucket-only tokens read-write, whatever their scope', () => {
    expect(tokenKind(buildReadWritePermissions(ORG, { all: false, buckets: [{ id: B1, name: 'a' }] }, none))).toBe('read-write')
    expect(tokenKind([read({ type: 'buckets', orgID: ORG }), write({ type: 'buckets' })])).toBe('read-write')
  })

  it('calls a mix, or nothing at all, custom', () => {
    expect(tokenKind([read({ type: 'buckets', orgID: ORG }), read({ type: 'dashboards', orgID: ORG })])).toBe('custom')
    expect(tokenKind([])).toBe('custom')
  })
})

describe('readWriteFromPermissions', () => {
  it('round-trips what buildReadWritePermissions made', () => {
    const readSide = { all: false, buckets: [{ id: B1, name: 'telemetry' }, { id: B2, name: 'logs' }] }
    const writeSide = { all: true, buckets: [] }
    expect(readWriteFromPermissions(buildReadWritePermissions(ORG, readSide, writeSide))).toEqual({ read: readSide, write: writeSide })
  })

  it('keeps the scoped buckets next to a wildcard, fills a missing name with "" and skips other types', () => {
    const perms = [
      read({ type: 'buckets', orgID: ORG, id: B3 }),
      read({ type: 'buckets', orgID: ORG }),
      read({ type: 'buckets', orgID: ORG, id: B3 }),
      write({ type: 'dashboards', orgID: ORG }),
    ]
    expect(readWriteFromPermissions(perms)).toEqual({ read: { all: true, buckets: [{ id: B3, name: '' }] }, write: none })
  })
})

describe('customFromPermissions', () => {
  it('round-trips what buildCustomPermissions made', () => {
    const sel = {
      types: {
        dashboards: { read: true, write: true },
        orgs: { read: true, write: false },
        users: { read: false, write: true },
        buckets: { read: false, write: true },
      },
      bucketRead: [{ id: B1, name: 'telemetry' }],
      bucketWrite: [],
    }
    expect(customFromPermissions(buildCustomPermissions(ctx, sel))).toEqual(sel)
  })

  it('leaves out individual resources of other types and fills missing bucket names', () => {
    const perms = [
      read({ type: 'telegrafs', orgID: ORG, id: 'c0ffee0000000001' }),
      write({ type: 'buckets', orgID: ORG, id: B2 }),
    ]
    expect(customFromPermissions(perms)).toEqual({ types: {}, bucketRead: [], bucketWrite: [{ id: B2, name: '' }] })
  })
})
