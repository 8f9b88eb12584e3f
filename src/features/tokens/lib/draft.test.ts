import { describe, expect, it } from 'vitest'
import { decodeDraft, encodeDraft } from './draft'

describe('draft encoding', () => {
  it('round-trips choices, including non-ASCII descriptions', () => {
    const draft = { d: 'capteurs é 日本 🚀', u: '0a1b2c3d4e5f6071', e: { read: { mode: 'scoped', bucketIDs: ['b1'] } } }
    const encoded = encodeDraft(draft)
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeDraft(encoded)).toEqual(draft)
  })

  it('treats missing, truncated or hand-edited drafts as empty', () => {
    expect(decodeDraft(null)).toEqual({})
    expect(decodeDraft(encodeDraft({ d: 'x' }).slice(0, -3))).toEqual({})
    expect(decodeDraft('%%%')).toEqual({})
    expect(decodeDraft(encodeDraft([1, 2] as never))).toEqual({})
  })

  it('keeps only well-formed fields', () => {
    const encoded = encodeDraft({ d: 42, u: '../../etc', e: null } as never)
    expect(decodeDraft(encoded)).toEqual({ e: null })
  })
})
