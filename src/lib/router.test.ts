import { describe, expect, it } from 'vitest'
import { paths } from '@/config/paths'
import { matchPath } from './router'

describe('matchPath', () => {
  it('returns the decoded named segments', () => {
    expect(matchPath(paths.tokens.pattern, '/orgs/a%20b/load-data/tokens')).toEqual({ orgID: 'a b' })
  })

  it('does not match another route', () => {
    expect(matchPath(paths.tokens.pattern, '/orgs/x/load-data/buckets')).toBeNull()
    expect(matchPath(paths.tokens.pattern, '/orgs/x/load-data/tokens/more')).toBeNull()
  })

  it('answers "no match" to a malformed percent sequence instead of throwing', () => {
    expect(matchPath(paths.tokens.pattern, '/orgs/%E0%A4%A/load-data/tokens')).toBeNull()
    expect(matchPath(paths.tokens.pattern, '/orgs/%/load-data/tokens')).toBeNull()
  })
})
