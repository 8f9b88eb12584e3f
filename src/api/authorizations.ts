import type {
  Authorization,
  AuthorizationPostRequest,
  Authorizations,
  AuthorizationUpdateRequest,
} from './contract'
import { apiRequest } from './http'
import { shareStrings } from './normalise-authorizations'

/** The tokens of one org. */
export function listAuthorizations(orgID: string, signal?: AbortSignal): Promise<Authorizations> {
  return readList(`/api/v2/authorizations?orgID=${encodeURIComponent(orgID)}`, signal)
}

/** The tokens of one user, in every org. */
export function listUserAuthorizations(userID: string, signal?: AbortSignal): Promise<Authorizations> {
  return readList(`/api/v2/authorizations?userID=${encodeURIComponent(userID)}`, signal)
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

/**
 * A token list, parsed and normalised in a worker (see normalise-authorizations.ts). The API does
 * not page it, and 10,000 tokens are over 30 MB of JSON: there the page stays responsive and only
 * takes in the result. The worker starts while the body downloads, and ends once the list is read,
 * has failed or is no longer wanted.
 */
async function readList(path: string, signal?: AbortSignal): Promise<Authorizations> {
  const worker = new Worker(new URL('./authorizations.worker.ts', import.meta.url), { type: 'module' })
  try {
    const body = await apiRequest(path, { signal, read: (response) => response.arrayBuffer() })
    return shareStrings(await parseIn(worker, body, signal))
  } finally {
    worker.terminate()
  }
}

function parseIn(worker: Worker, body: ArrayBuffer, signal?: AbortSignal): Promise<Authorizations> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted()
    const abort = () => reject(signal?.reason)
    signal?.addEventListener('abort', abort, { once: true })
    const settle = () => signal?.removeEventListener('abort', abort)
    worker.onmessage = (event: MessageEvent<Authorizations>) => {
      settle()
      resolve(event.data)
    }
    worker.onerror = (event) => {
      // Handled here, so the browser does not also report it as uncaught.
      event.preventDefault()
      settle()
      reject(new Error(`The token list could not be read: ${event.message || 'the worker did not start'}`))
    }
    worker.onmessageerror = () => {
      settle()
      reject(new Error('The token list could not be read: the worker sent what the page cannot take in'))
    }
    // Transferred, not copied: the page keeps no second copy of the body.
    worker.postMessage(body, [body])
  })
}
