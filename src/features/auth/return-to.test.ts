import { describe, expect, it } from 'vitest'
import { safeReturnTo } from './return-to'

describe('safeReturnTo', () => {
  it('keeps same-site paths with their query', () => {
    expect(safeReturnTo('/orgs/0123456789abcdef/load-data/tokens?q=ci')).toBe('/orgs/0123456789abcdef/load-data/tokens?q=ci')
  })

  it('refuses other origins, protocol-relative URLs and missing values', () => {
    expect(safeReturnTo('https://evil.example/')).toBe('/')
    expect(safeReturnTo('//evil.example/x')).toBe('/')
    expect(safeReturnTo('/\\evil.example')).toBe('/')
    expect(safeReturnTo(null)).toBe('/')
  })

  it('does not loop back to the sign-in or setup pages', () => {
    expect(safeReturnTo('/signin?returnTo=/x')).toBe('/')
    expect(safeReturnTo('/setup')).toBe('/')
  })
})
