import type {
  Authorization,
  AuthorizationPostRequest,
  Authorizations,
  AuthorizationUpdateRequest,
} from './contract'
import { readAuthorizationList, readAuthorizationListInSlices } from './authorization-list'
import { apiRequest } from './http'

// Lists are read with shared permissions (see authorization-list.ts): 10,000 tokens are over 30 MB.
const readList = async (response: Response) => readAuthorizationList(new Uint8Array(await response.arrayBuffer()))
const readListInSlices = async (response: Response) => readAuthorizationListInSlices(new Uint8Array(await response.arrayBuffer()))

/**
 * `inSlices` when the page already shows the list: reading yields to the page every few ms, so a
 * refresh does not freeze it (at the cost of finishing later, so a first load reads straight).
 */
export function listAuthorizations(orgID: string, signal?: AbortSignal, { inSlices = false } = {}): Promise<Authorizations> {
  return apiRequest(`/api/v2/authorizations?orgID=${encodeURIComponent(orgID)}`, { signal, read: inSlices ? readListInSlices : readList })
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
