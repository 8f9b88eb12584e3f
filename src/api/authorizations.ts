import type {
  Authorization,
  AuthorizationPostRequest,
  Authorizations,
  AuthorizationUpdateRequest,
} from './contract'
import type { StringPool } from '@/lib/string-pool'
import { readAuthorizationList, readAuthorizationListInSlices, type AuthorizationListPreview } from './authorization-list'
import { apiRequest } from './http'

// Lists are read with shared permissions (see authorization-list.ts): 10,000 tokens are over 30 MB.
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer())
const readList = (strings?: StringPool) => async (response: Response) => readAuthorizationList(await bytesOf(response), strings)

export interface ListReading {
  /**
   * For a page that shows the list already: read in slices that yield to the page every few ms,
   * so a refresh does not freeze it.
   */
  inSlices?: boolean
  /** For a first load: called with every token but its permissions before the rest is read in slices. */
  onPreview?: (preview: AuthorizationListPreview) => void
  /** Strings to share with, as the names and IDs of the org's buckets when those are read already. */
  strings?: StringPool
}

export function listAuthorizations(
  orgID: string,
  signal?: AbortSignal,
  { inSlices = false, onPreview, strings }: ListReading = {},
): Promise<Authorizations> {
  const read =
    inSlices || onPreview
      ? async (response: Response) => readAuthorizationListInSlices(await bytesOf(response), { signal, onPreview, strings })
      : readList(strings)
  return apiRequest(`/api/v2/authorizations?orgID=${encodeURIComponent(orgID)}`, { signal, read })
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
  return apiRequest(`/api/v2/authorizations?userID=${encodeURIComponent(userID)}`, { signal, read: readList() })
}
