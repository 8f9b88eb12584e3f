import { describe, expect, it } from 'vitest'
import { checkCustomBuckets, checkReadWriteBuckets, customDraft, readWriteDraft } from './editor-drafts'

describe('readWriteDraft', () => {
  it('accepts the Read/Write editor state', () => {
    const state = { read: { mode: 'all', bucketIDs: [] }, write: { mode: 'scoped', bucketIDs: ['b1'] } }
    expect(readWriteDraft(state)).toEqual(state)
  })
  it('rejects anything else', () => {
    expect(readWriteDraft(undefined)).toBeNull()
    expect(readWriteDraft({ read: { mode: 'everything', bucketIDs: [] }, write: { mode: 'all', bucketIDs: [] } })).toBeNull()
  })
})

describe('customDraft', () => {
  it('accepts a custom selection', () => {
    const state = { types: { tasks: { read: true, write: false } }, bucketRead: [{ id: 'b1', name: 'a' }], bucketWrite: [] }
    expect(customDraft(state)).toEqual(state)
  })
  it('rejects wrong shapes', () => {
    expect(customDraft({ types: { tasks: { read: 'yes' } }, bucketRead: [], bucketWrite: [] })).toBeNull()
    expect(customDraft('x')).toBeNull()
  })
})

describe('checking chosen buckets against the org', () => {
  const org = [
    { id: 'b1', name: 'alpha' },
    { id: 'b2', name: 'beta' },
  ]

  it('drops buckets the org does not have, counting each once, and uses the org’s names', () => {
    const selection = {
      types: { tasks: { read: true, write: false } },
      bucketRead: [{ id: 'b1', name: 'looks harmless' }, { id: 'foreign', name: 'beta' }],
      bucketWrite: [{ id: 'foreign', name: 'beta' }, { id: 'gone', name: 'old' }, { id: 'b2', name: 'beta' }],
    }
    expect(checkCustomBuckets(selection, org)).toEqual({
      selection: { types: selection.types, bucketRead: [{ id: 'b1', name: 'alpha' }], bucketWrite: [{ id: 'b2', name: 'beta' }] },
      dropped: 2,
    })
  })

  it('keeps a selection of the org’s buckets as it is', () => {
    const selection = { types: {}, bucketRead: [{ id: 'b2', name: 'beta' }], bucketWrite: [] }
    expect(checkCustomBuckets(selection, org)).toEqual({ selection, dropped: 0 })
  })

  it('does the same for the Read/Write editor', () => {
    const values = { read: { mode: 'scoped' as const, bucketIDs: ['b1', 'x'] }, write: { mode: 'all' as const, bucketIDs: ['y'] } }
    expect(checkReadWriteBuckets(values, org)).toEqual({
      values: { read: { mode: 'scoped', bucketIDs: ['b1'] }, write: { mode: 'all', bucketIDs: [] } },
      dropped: 2,
    })
  })
})
