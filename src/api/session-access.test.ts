import { describe, expect, it } from 'vitest'
import type { Permission } from '@/api/contract'
import { tokenAccess } from './session-access'

const ORG = '0123456789abcdef'
const OTHER = 'fedcba9876543210'
const session = (permissions: Permission[] | null) => ({ user: { id: 'aaaaaaaaaaaaaaaa', name: 'auditor' }, permissions, exact: true })

describe('tokenAccess', () => {
  it('does not limit a password session', () => {
    expect(tokenAccess(null, ORG)).toEqual({ readTokens: true, writeTokens: true, known: true })
  })

  it('reads a read-only token as listing but not changing tokens', () => {
    const access = tokenAccess(session([{ action: 'read', resource: { type: 'authorizations', orgID: ORG } }]), ORG)
    expect(access).toEqual({ readTokens: true, writeTokens: false, known: true })
  })

  it('counts org-wide and global permissions, not those of another org or of one token', () => {
    expect(tokenAccess(session([{ action: 'write', resource: { type: 'authorizations' } }]), ORG).writeTokens).toBe(true)
    expect(tokenAccess(session([{ action: 'write', resource: { type: 'authorizations', orgID: OTHER } }]), ORG).writeTokens).toBe(false)
    expect(tokenAccess(session([{ action: 'write', resource: { type: 'authorizations', orgID: ORG, id: OTHER } }]), ORG).writeTokens).toBe(false)
    expect(tokenAccess(session([{ action: 'write', resource: { type: 'buckets', orgID: ORG } }]), ORG).writeTokens).toBe(false)
  })

  it('offers everything when the permissions could not be read, and says so', () => {
    expect(tokenAccess(session(null), ORG)).toEqual({ readTokens: true, writeTokens: true, known: false })
  })
})
