import { describe, expect, it } from 'vitest'
import { stringPool } from './string-pool'

// Which copy comes back is not observable from JavaScript (the heap figures of `npm run bench`
// show it); these check that the pool never changes a value.
describe('stringPool', () => {
  it('gives back a string equal to the one it was given', () => {
    const share = stringPool()
    expect(share('org-1')).toBe('org-1')
    expect(share(JSON.parse('"org-1"') as string)).toBe('org-1')
    expect(share('org-2')).toBe('org-2')
  })

  it('answers with what it knew from the start only for equal strings', () => {
    const share = stringPool(['bucket-a', 'bucket-b', 'bucket-a'])
    expect(share('bucket-a')).toBe('bucket-a')
    expect(share('bucket-c')).toBe('bucket-c')
    expect(share('')).toBe('')
  })
})
