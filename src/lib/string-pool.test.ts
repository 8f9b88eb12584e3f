import { describe, expect, it } from 'vitest'
import { stringPool } from './string-pool'

describe('stringPool', () => {
  it('gives back the first equal string it was given', () => {
    const share = stringPool()
    const first = JSON.parse('"org-1"') as string
    expect(share(first)).toBe(first)
    expect(share(JSON.parse('"org-1"') as string)).toBe(first)
    expect(share('org-2')).toBe('org-2')
  })
})
