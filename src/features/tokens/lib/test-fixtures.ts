/** Shared, realistic inputs for the tests in this folder (not imported by app code). */
import type { Authorization, Permission } from '@/api/contract'

export const ORG = '9a1b2c3d4e5f6071'
export const OTHER_ORG = '1f2e3d4c5b6a7980'
export const ME = '0c8d1e2f3a4b5000'
export const B1 = '5e6f7a8b9c0d1e2f'
export const B2 = '6f7a8b9c0d1e2f30'
export const B3 = '7a8b9c0d1e2f3041'

export function read(resource: Permission['resource']): Permission {
  return { action: 'read', resource }
}

export function write(resource: Permission['resource']): Permission {
  return { action: 'write', resource }
}

export function makeAuth(overrides: Partial<Authorization> & Pick<Authorization, 'id'>): Authorization {
  return {
    token: '',
    status: 'active',
    description: '',
    orgID: ORG,
    org: 'acme',
    userID: ME,
    user: 'alice',
    permissions: [read({ type: 'buckets', orgID: ORG })],
    createdAt: '2024-03-01T10:00:00Z',
    updatedAt: '2024-03-01T10:00:00Z',
    links: { self: `/api/v2/authorizations/${overrides.id}`, user: `/api/v2/users/${ME}` },
    ...overrides,
  }
}
