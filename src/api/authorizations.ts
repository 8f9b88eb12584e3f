import type {
  Authorization,
  AuthorizationPostRequest,
  AuthorizationUpdateRequest,
} from './contract'
import { apiRequest } from './http'

/**
 * Where one org's tokens, or one user's in every org, are listed. The list is read in a worker
 * (see readTokenList), being too large for the usual JSON read.
 */
export function authorizationsPath(filter: { orgID: string } | { userID: string }): string {
  return `/api/v2/authorizations?${new URLSearchParams(filter)}`
}

export function createAuthorization(request: AuthorizationPostRequest): Promise<Authorization> {
  return apiRequest('/api/v2/authorizations', { method: 'POST', json: request })
}

export function updateAuthorization(id: string, update: AuthorizationUpdateRequest): Promise<Authorization> {
  return apiRequest(`/api/v2/authorizations/${encodeURIComponent(id)}`, { method: 'PATCH', json: update })
}

export function deleteAuthorization(id: string): Promise<void> {
  return apiRequest(`/api/v2/authorizations/${encodeURIComponent(id)}`, { method: 'DELETE' })
}
