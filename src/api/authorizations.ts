import type {
  Authorization,
  AuthorizationPostRequest,
  Authorizations,
  AuthorizationUpdateRequest,
} from './contract'
import { apiRequest } from './http'

export function listAuthorizations(orgID: string, signal?: AbortSignal): Promise<Authorizations> {
  return apiRequest(`/api/v2/authorizations?orgID=${encodeURIComponent(orgID)}`, { signal })
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

/** The tokens of one user, in every org. */
export function listUserAuthorizations(userID: string, signal?: AbortSignal): Promise<Authorizations> {
  return apiRequest(`/api/v2/authorizations?userID=${encodeURIComponent(userID)}`, { signal })
}
