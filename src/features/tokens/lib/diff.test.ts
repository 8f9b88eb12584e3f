import { describe, expect, it } from 'vitest'
import { diffPermissions } from './diff'
import { B1, B2, ORG, read, write } from './test-fixtures'

const bucket = (id: string) => ({ type: 'buckets', orgID: ORG, id })

describe('diffPermissions', () => {
  it('lists added and removed permissions in their own order, duplicates once', () => {
    const before = [read(bucket(B1)), write(bucket(B1)), write(bucket(B1))]
    const after = [read(bucket(B1)), read(bucket(B2)), read(bucket(B2)), read({ type: 'dashboards', orgID: ORG })]
    expect(diffPermissions(before, after)).toEqual({
      added: [read(bucket(B2)), read({ type: 'dashboards', orgID: ORG })],
      removed: [write(bucket(B1))],
    })
  })

  it('ignores name and org but not orgID or action', () => {
    const named = read({ type: 'buckets', orgID: ORG, id: B1, name: 'telemetry', org: 'acme' })
    expect(diffPermissions([named], [read(bucket(B1))])).toEqual({ added: [], removed: [] })
    expect(diffPermissions([named], [read({ type: 'buckets', id: B1 }), write(bucket(B1))])).toEqual({
      added: [read({ type: 'buckets', id: B1 }), write(bucket(B1))],
      removed: [named],
    })
  })
})
