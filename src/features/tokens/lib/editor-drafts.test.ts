import { describe, expect, it } from 'vitest'
import { customDraft, readWriteDraft } from './editor-drafts'

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
