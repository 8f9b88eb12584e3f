import type {
  Authorization,
  AuthorizationPostRequest,
  Authorizations,
  AuthorizationUpdateRequest,
} from './contract'
import { readAuthorizationList } from './authorization-list'
import { apiRequest } from './http'

// Lists are read with shared permissions (see authorization-list.ts): 10,000 tokens are over 30 MB.
const readList = async (response: Response) => readAuthorizationList(new Uint8Array(await response.arrayBuffer()))

export function listAuthorizations(orgID: string, signal?: AbortSignal): Promise<Authorizations> {
  return apiRequest(`/api/v2/authorizations?orgID=${encodeURIComponent(orgID)}`, { signal, read: readList })
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
  return apiRequest(`/api/v2/authorizations?userID=${encodeURIComponent(userID)}`, { signal, read: readList })
}
