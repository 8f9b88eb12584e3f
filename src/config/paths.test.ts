import { describe, expect, it } from 'vitest'
import { paths } from './paths'

describe('paths', () => {
  it('builds the InfluxDB route for an org', () => {
    expect(paths.tokens.build('0a1b2c3d4e5f6071')).toBe('/orgs/0a1b2c3d4e5f6071/load-data/tokens')
    expect(paths.review.build('0a1b2c3d4e5f6071')).toBe('/orgs/0a1b2c3d4e5f6071/load-data/tokens/review')
  })

  it('carries where to return after sign-in', () => {
    expect(paths.signIn.build('/orgs/x/load-data/tokens?q=a b')).toBe('/signin?returnTo=%2Forgs%2Fx%2Fload-data%2Ftokens%3Fq%3Da%20b')
  })

  it('says why sign-in is asked for again', () => {
    expect(paths.signIn.build('/orgs/x', 'expired')).toBe('/signin?returnTo=%2Forgs%2Fx&reason=expired')
    expect(paths.signIn.build(undefined, 'signed-out')).toBe('/signin?reason=signed-out')
  })
})
